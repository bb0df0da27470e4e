import { useMemo } from 'react';
import { addLine, removeLine, updateLine } from '../../storage/lines/write';
import type { CrmRecord } from '../../storage/model/entities';
import type { Field } from '../../storage/model/field';
import { useDb } from '../shell/DbProvider';
import type { LineActions } from './actions';
import { LineItemsEditor } from './LineItemsEditor';

/** The deal page's products, bound to the line write path; a picked product comes in once, at its catalogue price. */
export function DealLines({ deal, fields, canWrite }: { deal: CrmRecord; fields: readonly Field[]; canWrite: boolean }) {
  const db = useDb();
  const dealId = deal.id;
  const actions = useMemo<LineActions>(() => ({
    add: (product) => addLine(db, dealId, { productId: product.id, quantity: 1 }),
    update: (lineId, patch) => updateLine(db, dealId, lineId, patch),
    remove: (lineId) => removeLine(db, dealId, lineId),
  }), [db, dealId]);
  return <LineItemsEditor deal={deal} fields={fields} canWrite={canWrite} actions={actions} />;
}
