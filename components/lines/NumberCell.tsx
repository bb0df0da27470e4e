import { useState } from 'react';
import { formatNumber, parseDecimal } from './money';

type Props = {
  value: number | undefined;
  label: string;
  /** Checks a parsed number; a message refuses it (shown beside the line), undefined accepts it. */
  check: (n: number | undefined) => string | undefined;
  onCommit: (n: number | undefined) => Promise<void>;
  onError: (message: string | undefined) => void;
  disabled?: boolean;
  /** Empty text clears the value (discount, tax) instead of being refused. */
  optional?: boolean;
};

/**
 * A number edited in place: saved on Enter or when left, the typed text kept while it is refused
 * so nothing typed is lost; Escape puts the saved value back.
 */
export function NumberCell({ value, label, check, onCommit, onError, disabled, optional = false }: Props) {
  const shown = value === undefined ? '' : formatNumber(value);
  const [draft, setDraft] = useState<string>();
  const [invalid, setInvalid] = useState(false);
  const commit = () => {
    if (draft === undefined || draft === shown) return;
    const n = optional && draft.trim() === '' ? undefined : parseDecimal(draft);
    const problem = n === undefined && !(optional && draft.trim() === '') ? check(Number.NaN) : check(n);
    setInvalid(!!problem);
    onError(problem);
    if (problem) return;
    void onCommit(n).then(() => setDraft(undefined), () => setInvalid(true));
  };
  return (
    <input
      className="tl-line-number"
      inputMode="decimal"
      aria-label={label}
      aria-invalid={invalid || undefined}
      disabled={disabled}
      value={draft ?? shown}
      onChange={(e) => setDraft(e.target.value)}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === 'Enter') {
          e.preventDefault();
          commit();
        } else if (e.key === 'Escape') {
          setDraft(undefined);
          setInvalid(false);
          onError(undefined);
        }
      }}
    />
  );
}
