import type { CrmRecord, Folder, Pipeline } from '../../storage/model/entities';
import type { Field } from '../../storage/model/field';
import { InlineField } from './InlineField';

/** The fields a rep changes from the inbox, by folder kind and field key (the presets' keys). */
const COMMON_KEYS: { [K in Folder['kind']]?: readonly string[] } = {
  contacts: ['phones', 'position', 'lifecycleStage', 'leadStatus', 'owner'],
  companies: ['phones', 'owner'],
  deals: ['amount', 'expectedClose', 'owner'],
};

/** The common fields of `record` that its folder has, in COMMON_KEYS order. */
export function commonFields(record: CrmRecord, fields: readonly Field[], kind: Folder['kind'] | undefined): Field[] {
  const own = fields.filter((f) => f.folderId === record.folderId);
  return (COMMON_KEYS[kind ?? 'custom'] ?? []).flatMap((key) => own.filter((f) => f.key === key));
}

/** A card's common fields, each editable in place. */
export function CardFields({ record, fields, kind, pipelines, canWrite }: { record: CrmRecord; fields: readonly Field[]; kind: Folder['kind'] | undefined; pipelines: readonly Pipeline[]; canWrite: boolean }) {
  const shown = commonFields(record, fields, kind);
  if (shown.length === 0) return null;
  return (
    <div className="tl-card-fields">
      {shown.map((f) => <InlineField key={f.id} record={record} field={f} pipelines={pipelines} canWrite={canWrite} />)}
    </div>
  );
}
