import type { FieldType } from '../../storage/model/field';
import { SOCIAL_NETWORKS, type Address } from '../../storage/model/fieldValues';
import { RecordPicker } from '../pickers/RecordPicker';
import { UserPicker } from '../pickers/UserPicker';
import { t, type PlainKey } from '../../i18n';
import type { EditorProps, ValueEditorProps } from './types';

/** Text inputs keep what was typed; empty means "no value". */
const orUndefined = (s: string) => (s === '' ? undefined : s);
const toNumber = (s: string) => (s.trim() === '' ? undefined : Number(s));
const splitList = (s: string) => {
  const items = s.split(/[,;]/).map((x) => x.trim()).filter(Boolean);
  return items.length ? items : undefined;
};

function TextEditor({ value, onChange, inputId, field }: EditorProps<'text'>) {
  return <input id={inputId} type="text" value={value ?? ''} onChange={(e) => onChange(orUndefined(e.target.value))} aria-required={field.mandatory} />;
}

function LongTextEditor({ value, onChange, inputId }: EditorProps<'longText'>) {
  return <textarea id={inputId} rows={4} value={value ?? ''} onChange={(e) => onChange(orUndefined(e.target.value))} />;
}

function NumberEditor({ value, onChange, inputId }: ValueEditorProps<number>) {
  return <input id={inputId} type="number" step="any" value={value ?? ''} onChange={(e) => onChange(toNumber(e.target.value))} />;
}

export const CURRENCIES = ['EUR', 'USD', 'GBP', 'CHF', 'MXN', 'ARS', 'COP', 'CLP', 'BRL', 'JPY'] as const;

function CurrencyEditor({ value, onChange, inputId, field }: EditorProps<'currency'>) {
  const currency = value?.currency ?? field.settings.defaultCurrency ?? 'EUR';
  return (
    <span className="tl-inline">
      <input
        id={inputId}
        type="number"
        step="any"
        value={value?.amount ?? ''}
        onChange={(e) => {
          const amount = toNumber(e.target.value);
          onChange(amount === undefined ? undefined : { amount, currency });
        }}
      />
      <select aria-label={t('views.editor.currencyOf', { field: field.label })} value={currency} onChange={(e) => value && onChange({ ...value, currency: e.target.value })}>
        {CURRENCIES.map((c) => (
          <option key={c}>{c}</option>
        ))}
      </select>
    </span>
  );
}

function DateEditor({ value, onChange, inputId }: EditorProps<'date'>) {
  return <input id={inputId} type="date" value={value ?? ''} onChange={(e) => onChange(orUndefined(e.target.value))} />;
}

function CheckboxEditor({ value, onChange, inputId }: EditorProps<'checkbox'>) {
  return <input id={inputId} type="checkbox" checked={value ?? false} onChange={(e) => onChange(e.target.checked)} />;
}

function DropdownEditor({ value, onChange, inputId, field }: EditorProps<'dropdown'>) {
  return (
    <select id={inputId} value={value ?? ''} onChange={(e) => onChange(orUndefined(e.target.value))}>
      <option value="">—</option>
      {field.options?.map((o) => (
        <option key={o.id} value={o.id}>
          {o.label}
        </option>
      ))}
    </select>
  );
}

function MultiDropdownEditor({ value, onChange, inputId, field }: EditorProps<'multiDropdown'>) {
  const selected = new Set(value ?? []);
  return (
    <fieldset id={inputId} className="tl-choices">
      {field.options?.map((o) => (
        <label key={o.id}>
          <input
            type="checkbox"
            checked={selected.has(o.id)}
            onChange={(e) => {
              const next = new Set(selected);
              if (e.target.checked) next.add(o.id);
              else next.delete(o.id);
              onChange(next.size ? field.options!.filter((x) => next.has(x.id)).map((x) => x.id) : undefined);
            }}
          />
          {o.label}
        </label>
      ))}
    </fieldset>
  );
}

function ListEditor({ value, onChange, inputId, field }: ValueEditorProps<string[]>) {
  return (
    <input
      id={inputId}
      type="text"
      inputMode={field.type === 'email' ? 'email' : 'tel'}
      placeholder={t('common.separateWithCommas')}
      defaultValue={(value ?? []).join(', ')}
      onChange={(e) => onChange(splitList(e.target.value))}
    />
  );
}

function UrlEditor({ value, onChange, inputId }: EditorProps<'url'>) {
  return <input id={inputId} type="url" placeholder="https://" value={value ?? ''} onChange={(e) => onChange(orUndefined(e.target.value))} />;
}

const ADDRESS_LABELS: [keyof Address, PlainKey][] = [
  ['street', 'views.editor.street'],
  ['city', 'views.editor.city'],
  ['region', 'views.editor.region'],
  ['postalCode', 'views.editor.postalCode'],
  ['country', 'views.editor.country'],
];

function AddressEditor({ value, onChange, inputId, field }: EditorProps<'address'>) {
  return (
    <fieldset id={inputId} className="tl-compound">
      {ADDRESS_LABELS.map(([key, labelKey]) => (
        <input
          key={key}
          aria-label={`${field.label} ${t(labelKey)}`}
          placeholder={t(labelKey)}
          value={value?.[key] ?? ''}
          onChange={(e) => {
            const next = { ...value, [key]: orUndefined(e.target.value) };
            if (next[key] === undefined) delete next[key];
            onChange(Object.keys(next).length ? next : undefined);
          }}
        />
      ))}
    </fieldset>
  );
}

function SocialsEditor({ value, onChange, inputId, field }: EditorProps<'socials'>) {
  return (
    <fieldset id={inputId} className="tl-compound">
      {SOCIAL_NETWORKS.map((network) => (
        <input
          key={network}
          aria-label={`${field.label} ${network}`}
          placeholder={network}
          value={value?.[network] ?? ''}
          onChange={(e) => {
            const next = { ...value, [network]: orUndefined(e.target.value) };
            if (next[network] === undefined) delete next[network];
            onChange(Object.keys(next).length ? next : undefined);
          }}
        />
      ))}
    </fieldset>
  );
}

/** Links through the type-ahead picker over the search index (a native list held only the first 500 records). */
function LinkEditor({ value, onChange, inputId, field }: EditorProps<'link'>) {
  return <RecordPicker folderId={field.settings.targetFolderId ?? ''} value={value} onChange={onChange} inputId={inputId} label={field.label} />;
}

function StageEditor({ value, onChange, inputId, pipelines }: EditorProps<'stage'>) {
  const current = value ? `${value.pipelineId}/${value.stageId}` : '';
  return (
    <select
      id={inputId}
      value={current}
      onChange={(e) => {
        const [pipelineId, stageId] = e.target.value.split('/');
        onChange(pipelineId && stageId ? { pipelineId, stageId } : undefined);
      }}
    >
      <option value="">—</option>
      {pipelines.map((p) => (
        <optgroup key={p.id} label={p.name}>
          {p.stages.map((s) => (
            <option key={s.id} value={`${p.id}/${s.id}`}>
              {s.name}
            </option>
          ))}
        </optgroup>
      ))}
    </select>
  );
}

/** An owner: the shared workspace's members, or "me" in the local workspace. */
function UserEditor({ value, onChange, inputId, field }: EditorProps<'user'>) {
  return <UserPicker value={value} onChange={onChange} inputId={inputId} label={field.label} />;
}

/** Read-only types (formula, statistics, auto-number) have no editor: they show their value. */
export const FIELD_EDITORS: { [T in FieldType]: ((props: EditorProps<T>) => React.JSX.Element) | null } = {
  text: TextEditor,
  longText: LongTextEditor,
  number: NumberEditor,
  autoNumber: null,
  percent: NumberEditor,
  currency: CurrencyEditor,
  date: DateEditor,
  checkbox: CheckboxEditor,
  dropdown: DropdownEditor,
  multiDropdown: MultiDropdownEditor,
  user: UserEditor,
  email: ListEditor,
  phone: ListEditor,
  url: UrlEditor,
  address: AddressEditor,
  socials: SocialsEditor,
  link: LinkEditor,
  stage: StageEditor,
  formula: null,
  statistic: null,
};
