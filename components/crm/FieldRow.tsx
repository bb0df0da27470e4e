import { useState } from 'react';
import { changeFieldType, deleteField, updateField, type ConversionReport } from '../../storage/fields/fieldsAdmin';
import { FIELD_TYPES, type Field, type FieldType } from '../../storage/model/field';
import { FIELD_REGISTRY } from '../../storage/model/fieldRegistry';
import { FIELD_SETTINGS_EDITORS, type FieldSetup } from '../fields/settingsEditors';
import { FIELD_TYPE_LABELS } from '../fields/typeLabels';
import { t } from '../../i18n';
import { Icon } from '../icons/icons';
import { ConfirmButton } from './ConfirmButton';
import { useDb } from '../shell/DbProvider';

type Props = {
  field: Field;
  folderFields: readonly Field[];
  position: number;
  count: number;
  onMove: (by: number) => void;
  onReport: (field: Field, report: ConversionReport) => void;
  run: (work: Promise<unknown>) => Promise<void>;
};

const setupOf = (f: Pick<Field, 'settings' | 'options'>): FieldSetup => ({ settings: f.settings, ...(f.options ? { options: f.options } : {}) });

/** One field of the folder: label, type, mandatory, hidden, order, its settings, and deleting it. */
export function FieldRow({ field, folderFields, position, count, onMove, onReport, run }: Props) {
  const db = useDb();
  const [label, setLabel] = useState(field.label);
  const [open, setOpen] = useState(false);
  const [setup, setSetup] = useState<FieldSetup>(setupOf(field));
  const [newType, setNewType] = useState<FieldType>();
  const [newSetup, setNewSetup] = useState<FieldSetup>({ settings: {} });
  const Settings = FIELD_SETTINGS_EDITORS[field.type];
  const NewSettings = newType ? FIELD_SETTINGS_EDITORS[newType] : null;
  const computed = FIELD_REGISTRY[field.type].computed;
  const saveLabel = () => label.trim() !== field.label && void run(updateField(db, field.id, { label }));

  return (
    <li className="tl-field-row" aria-label={field.label}>
      <div className="tl-field-main">
        <input aria-label={t('views.fields.labelOf', { field: field.label })} value={label} maxLength={120} onChange={(e) => setLabel(e.target.value)}
          onBlur={saveLabel} onKeyDown={(e) => e.key === 'Enter' && saveLabel()} />
        <select aria-label={t('views.fields.typeOf', { field: field.label })} value={newType ?? field.type}
          onChange={(e) => { const next = e.target.value as FieldType; setNewType(next === field.type ? undefined : next); setNewSetup({ settings: {} }); }}>
          {FIELD_TYPES.map((type) => <option key={type} value={type}>{t(FIELD_TYPE_LABELS[type])}</option>)}
        </select>
        <label className="tl-check">
          <input type="checkbox" checked={field.mandatory} disabled={computed} onChange={(e) => void run(updateField(db, field.id, { mandatory: e.target.checked }))} />
          {t('views.fields.mandatory')}
        </label>
        <label className="tl-check">
          <input type="checkbox" checked={field.hidden} onChange={(e) => void run(updateField(db, field.id, { hidden: e.target.checked }))} />
          {t('views.fields.hidden')}
        </label>
        <button type="button" aria-label={t('views.moveUp', { field: field.label })} disabled={position === 0} onClick={() => onMove(-1)}><Icon name="moveUp" size={14} /></button>
        <button type="button" aria-label={t('views.moveDown', { field: field.label })} disabled={position === count - 1} onClick={() => onMove(1)}><Icon name="moveDown" size={14} /></button>
        {Settings && <button type="button" aria-expanded={open} onClick={() => setOpen(!open)}>{t('views.fields.settings')}</button>}
        <small className="tl-muted">{t('views.fields.key', { key: field.key })}{computed ? ` · ${t('views.fields.readOnly')}` : ''}</small>
        <ConfirmButton label={t('views.fields.delete')} question={t('views.fields.deleteQuestion', { field: field.label })} confirmLabel={t('views.deleteConfirm')}
          onConfirm={() => void run(deleteField(db, field.id))} />
      </div>
      {open && Settings && (
        <div className="tl-field-settings">
          <Settings field={field} setup={setup} folderFields={folderFields} onChange={setSetup} />
          <button type="button" className="tl-primary" onClick={() => void run(updateField(db, field.id, setup))}>{t('views.fields.saveSettings')}</button>
        </div>
      )}
      {newType && (
        <div className="tl-field-settings" role="group" aria-label={t('views.fields.changeType')}>
          <p>{t('views.fields.changeTypeQuestion', { field: field.label, type: t(FIELD_TYPE_LABELS[newType]) })}</p>
          {NewSettings && <NewSettings field={{ ...field, type: newType }} setup={newSetup} folderFields={folderFields} onChange={setNewSetup} />}
          <span className="tl-inline">
            <button type="button" className="tl-primary" onClick={() => void run(changeFieldType(db, field.id, newType, newSetup).then((r) => { setNewType(undefined); onReport(field, r); }))}>
              {t('views.fields.changeType')}
            </button>
            <button type="button" onClick={() => setNewType(undefined)}>{t('common.cancel')}</button>
          </span>
        </div>
      )}
    </li>
  );
}
