import { useState, type ChangeEvent } from 'react';
import { t } from '../../i18n';
import './pickers.css';

type Props = { id: string; accept: string; disabled?: boolean; onChange: (e: ChangeEvent<HTMLInputElement>) => void };

/**
 * A file input that speaks the UI's language: the browser's own button says "Choose File" in the
 * browser's language, whatever Threadline speaks. The real input lies transparent over the words,
 * so a click, a drop or the keyboard reach it as usual, and its name stays the caller's label
 * (`<label htmlFor={id}>`: the words here are shown, not read).
 */
export function FilePicker({ id, accept, disabled, onChange }: Props) {
  const [name, setName] = useState('');
  return (
    <span className="tl-file">
      <input
        id={id}
        className="tl-file-input"
        type="file"
        accept={accept}
        disabled={disabled}
        onChange={(e) => {
          setName(e.target.files?.[0]?.name ?? '');
          onChange(e);
        }}
      />
      <span className="tl-file-button" aria-hidden="true">
        {t('common.chooseFile')}
      </span>
      <span className="tl-file-name" aria-hidden="true">
        {name || t('common.noFileChosen')}
      </span>
    </span>
  );
}
