import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useState } from 'react';
import { t } from '../../i18n';
import { suggestProducts, type ProductSuggestion } from '../../storage/lines/productSuggestions';
import { Combobox, type PickerOption } from '../pickers/Combobox';
import { useDb } from '../shell/DbProvider';
import { formatMoney } from './money';

const NONE: readonly ProductSuggestion[] = [];

/** "Add product": type-ahead over the active catalogue (the search index), Enter or a click adds the line. */
export function ProductPicker({ onPick, disabled }: { onPick: (product: ProductSuggestion) => void; disabled?: boolean }) {
  const db = useDb();
  const inputId = useId();
  const helpId = `${inputId}-help`;
  const [query, setQuery] = useState('');
  const products = useLiveQuery(() => suggestProducts(db, query), [db, query]) ?? NONE;
  const options = products.map((p): PickerOption => ({
    id: p.id,
    title: p.title,
    secondary: [p.sku, p.unitPrice && formatMoney(p.unitPrice.amount, p.unitPrice.currency)].filter(Boolean).join(' · '),
  }));
  if (disabled) return null;
  return (
    <div className="tl-line-add" aria-describedby={helpId}>
      <label htmlFor={inputId}>{t('lines.add')}</label>
      <Combobox inputId={inputId} label={t('lines.add')} multiple={false} selected={[]} options={options} onQueryChange={setQuery}
        onChange={([picked]) => {
          const product = picked && products.find((p) => p.id === picked.id);
          if (product) onPick(product);
        }} />
      <p id={helpId} className="tl-hint">{t('lines.addHelp')}</p>
    </div>
  );
}
