import { useId } from 'react';
import { CSV_ENCODINGS, type CsvEncoding } from '../../storage/csv/encoding';
import type { CsvPreview } from '../../storage/csv/parse';
import type { CellReading, Decided } from '../../storage/csv/reading';
import type { UnknownOptions } from '../../storage/csv/newOptions';
import type { DateOrder } from '../../storage/csv/dates';
import type { DecimalMark } from '../../storage/csv/numbers';
import { t, type PlainKey } from '../../i18n';
import { formatCount } from '../format';

const ENCODING_LABELS: Record<CsvEncoding, PlainKey> = {
  'utf-8': 'data.import.enc.utf8',
  'windows-1252': 'data.import.enc.windows1252',
  'iso-8859-15': 'data.import.enc.iso885915',
  'utf-16le': 'data.import.enc.utf16le',
  'utf-16be': 'data.import.enc.utf16be',
};
const SHOWN_VALUES = 12;

type Props = {
  decoded: CsvPreview['decoded'];
  onEncoding: (encoding: CsvEncoding) => void;
  reading: CellReading;
  decided: { dateOrder: Decided<DateOrder>; decimal: Decided<DecimalMark> };
  onReading: (reading: CellReading) => void;
  unknown: UnknownOptions[];
  usesDates: boolean;
  usesNumbers: boolean;
};

/**
 * The choices the file does not make by itself, shown before anything is written: its encoding
 * (changing it re-reads the file), day or month first, the decimal mark of "1.234", and what
 * happens to dropdown values that are not options yet.
 */
export function ImportReading({ decoded, onEncoding, reading, decided, onReading, unknown, usesDates, usesNumbers }: Props) {
  const id = useId();
  const by = (d: Decided<unknown>, chosen: unknown) => (d.value !== chosen ? null : <span className="tl-muted"> {t(d.by === 'file' ? 'data.import.byFile' : 'data.import.byLocale')}</span>);
  const listed = unknown.filter((u) => u.values.length > 0);
  return (
    <section aria-labelledby={`${id}-h`} className="tl-data-reading">
      <h3 id={`${id}-h`}>{t('data.import.readingTitle')}</h3>
      {decoded && (
        <p>
          <label htmlFor={`${id}-enc`}>{t('data.import.encoding')}</label>{' '}
          <select id={`${id}-enc`} value={decoded.encoding} onChange={(e) => onEncoding(e.target.value as CsvEncoding)}>
            {CSV_ENCODINGS.map((enc) => (
              <option key={enc} value={enc}>
                {enc === decoded.detected ? t('data.import.encodingDetected', { name: t(ENCODING_LABELS[enc]) }) : t(ENCODING_LABELS[enc])}
              </option>
            ))}
          </select>
        </p>
      )}
      {decoded && decoded.replaced > 0 && (
        <p role="alert" className="tl-error">
          {t('data.import.damaged', { n: formatCount(decoded.replaced), line: formatCount(decoded.firstReplacedLine ?? 1) })}
        </p>
      )}
      {usesDates && (
        <p>
          <label htmlFor={`${id}-date`}>{t('data.import.dateOrder')}</label>{' '}
          <select id={`${id}-date`} value={reading.dateOrder} onChange={(e) => onReading({ ...reading, dateOrder: e.target.value as DateOrder })}>
            <option value="dmy">{t('data.import.dateDmy')}</option>
            <option value="mdy">{t('data.import.dateMdy')}</option>
          </select>
          {by(decided.dateOrder, reading.dateOrder)}
        </p>
      )}
      {usesNumbers && (
        <p>
          <label htmlFor={`${id}-dec`}>{t('data.import.decimal')}</label>{' '}
          <select id={`${id}-dec`} value={reading.decimal} onChange={(e) => onReading({ ...reading, decimal: e.target.value as DecimalMark })}>
            <option value=",">{t('data.import.decimalComma')}</option>
            <option value=".">{t('data.import.decimalDot')}</option>
          </select>
          {by(decided.decimal, reading.decimal)}
        </p>
      )}
      {unknown.length > 0 && (
        <fieldset className="tl-data-unknown">
          <legend>{t('data.import.unknownTitle')}</legend>
          <ul aria-label={t('data.import.unknownTitle')}>
            {listed.map((u) => (
              <li key={u.column}>{t('data.import.unknownField', { field: u.field.label, values: shortList(u.values) })}</li>
            ))}
            {unknown.filter((u) => u.overflow).map((u) => (
              <li key={`o${u.column}`} className="tl-data-warn">{t('data.import.unknownOverflow', { field: u.field.label, n: formatCount(u.values.length) })}</li>
            ))}
            {unknown.filter((u) => u.unscanned).map((u) => (
              <li key={`u${u.column}`} className="tl-data-warn">{t('data.import.unknownUnscanned', { field: u.field.label })}</li>
            ))}
          </ul>
          {listed.length > 0 &&
            (['add', 'empty'] as const).map((mode) => (
              <label key={mode}>
                <input type="radio" name={`${id}-unknown`} value={mode} checked={reading.unknownOptions === mode} onChange={() => onReading({ ...reading, unknownOptions: mode })} />{' '}
                {t(mode === 'add' ? 'data.import.unknownAdd' : 'data.import.unknownEmpty')}
              </label>
            ))}
        </fieldset>
      )}
    </section>
  );
}

function shortList(values: readonly string[]): string {
  const shown = values.slice(0, SHOWN_VALUES).join(', ');
  return values.length > SHOWN_VALUES ? `${shown} … (+${formatCount(values.length - SHOWN_VALUES)})` : shown;
}
