import { useLiveQuery } from 'dexie-react-hooks';
import { listFolders } from '../../storage/queries/crm';
import { useDb } from '../shell/DbProvider';
import { formulaProblem } from '../../storage/fields/fieldSetup';
import { STATISTICS, type DropdownOption, type Field, type FieldType } from '../../storage/model/field';
import { FIELD_REGISTRY, type FieldTypeSpec } from '../../storage/model/fieldRegistry';
import { LIMITS } from '../../storage/model/limits';
import { t } from '../../i18n';
import { Icon } from '../icons/icons';
import { describeProblem } from '../errors';
import { CURRENCIES } from './editors';

/** The part of a field a settings editor may change. */
export type FieldSetup = Pick<Field, 'settings'> & { options?: DropdownOption[] };
export type SettingsEditorProps = { field: Field; setup: FieldSetup; folderFields: readonly Field[]; onChange: (setup: FieldSetup) => void };
type SettingsEditor = (props: SettingsEditorProps) => React.JSX.Element;

const PALETTE = ['#90caf9', '#a5d6a7', '#ffcc80', '#ef9a9a', '#ce93d8', '#80cbc4', '#fff59d', '#b0bec5'];

function OptionsSettings({ setup, onChange }: SettingsEditorProps) {
  const options = setup.options ?? [];
  const set = (next: DropdownOption[]) => onChange({ ...setup, options: next });
  const move = (i: number, by: number) => {
    const next = [...options];
    [next[i], next[i + by]] = [next[i + by]!, next[i]!];
    set(next);
  };
  return (
    <fieldset className="tl-options">
      <legend>{t('views.fields.options')}</legend>
      <ol className="tl-plain-list">
        {options.map((o, i) => (
          <li key={o.id} className="tl-inline">
            <input aria-label={t('views.fields.optionLabel', { n: i + 1 })} value={o.label} maxLength={LIMITS.label}
              onChange={(e) => set(options.map((x) => (x.id === o.id ? { ...x, label: e.target.value } : x)))} />
            <input aria-label={t('views.fields.optionColor', { option: o.label })} type="color" value={o.color ?? '#b0bec5'}
              onChange={(e) => set(options.map((x) => (x.id === o.id ? { ...x, color: e.target.value } : x)))} />
            <button type="button" aria-label={t('views.moveUp', { field: o.label })} disabled={i === 0} onClick={() => move(i, -1)}><Icon name="moveUp" size={14} /></button>
            <button type="button" aria-label={t('views.moveDown', { field: o.label })} disabled={i === options.length - 1} onClick={() => move(i, 1)}><Icon name="moveDown" size={14} /></button>
            <button type="button" aria-label={t('views.fields.removeOption', { option: o.label })} onClick={() => set(options.filter((x) => x.id !== o.id))}><Icon name="remove" size={14} /></button>
          </li>
        ))}
      </ol>
      <button type="button" onClick={() => set([...options, { id: `opt_${Date.now().toString(36)}${options.length}`, label: t('views.fields.newOption', { n: options.length + 1 }), color: PALETTE[options.length % PALETTE.length] }])}>
        <Icon name="add" size={14} /> {t('views.fields.addOption')}
      </button>
    </fieldset>
  );
}

/** The formula with its parse error (or the unknown field it names) shown as it is typed. */
function FormulaSettings({ field, setup, folderFields, onChange }: SettingsEditorProps) {
  const expression = setup.settings.expression ?? '';
  const others = folderFields.filter((f) => f.id !== field.id);
  const problem = formulaProblem(expression, others);
  const keys = others.filter((f) => (FIELD_REGISTRY[f.type] as FieldTypeSpec<unknown>).toNumber && !FIELD_REGISTRY[f.type].computed).map((f) => f.key);
  return (
    <div className="tl-formula">
      <label>
        {t('views.fields.formula')}{' '}
        <input value={expression} maxLength={500} spellCheck={false} aria-invalid={problem !== undefined} placeholder="amount * probability"
          onChange={(e) => onChange({ ...setup, settings: { ...setup.settings, expression: e.target.value } })} />
      </label>
      {problem ? <p className="tl-error-text" role="status">{t('views.fields.formulaError', { problem: describeProblem(problem) })}</p> : <p className="tl-ok-text" role="status">{t('views.fields.formulaOk')}</p>}
      <small className="tl-muted">{t('views.fields.formulaHelp', { keys: keys.join(', ') || '—' })}</small>
    </div>
  );
}

function StatisticSettings({ setup, onChange }: SettingsEditorProps) {
  return (
    <label>
      {t('views.fields.statistic')}{' '}
      <select value={setup.settings.statistic ?? ''} onChange={(e) => onChange({ ...setup, settings: { ...setup.settings, statistic: e.target.value as (typeof STATISTICS)[number] } })}>
        <option value="">—</option>
        {STATISTICS.map((s) => <option key={s} value={s}>{t(`views.stat.${s}`)}</option>)}
      </select>
    </label>
  );
}

function LinkSettings({ setup, onChange }: SettingsEditorProps) {
  const db = useDb();
  const folders = useLiveQuery(() => listFolders(db), [db]) ?? [];
  return (
    <label>
      {t('views.fields.target')}{' '}
      <select value={setup.settings.targetFolderId ?? ''} onChange={(e) => onChange({ ...setup, settings: { ...setup.settings, targetFolderId: e.target.value || undefined } })}>
        <option value="">—</option>
        {folders.map((f) => <option key={f.id} value={f.id}>{f.name}</option>)}
      </select>
    </label>
  );
}

function CurrencySettings({ setup, onChange }: SettingsEditorProps) {
  return (
    <label>
      {t('views.fields.currency')}{' '}
      <select value={setup.settings.defaultCurrency ?? 'EUR'} onChange={(e) => onChange({ ...setup, settings: { ...setup.settings, defaultCurrency: e.target.value } })}>
        {CURRENCIES.map((c) => <option key={c}>{c}</option>)}
      </select>
    </label>
  );
}

/** What each type lets the field editor configure; typed over every type, beside FIELD_EDITORS. */
export const FIELD_SETTINGS_EDITORS: { [T in FieldType]: SettingsEditor | null } = {
  dropdown: OptionsSettings,
  multiDropdown: OptionsSettings,
  formula: FormulaSettings,
  statistic: StatisticSettings,
  link: LinkSettings,
  currency: CurrencySettings,
  text: null, longText: null, number: null, autoNumber: null, percent: null, date: null, checkbox: null, user: null,
  email: null, phone: null, url: null, address: null, socials: null, stage: null,
};
