import { useSelect } from 'downshift';
import { t } from '../../i18n';
import { MERGE_FIELDS, type MergeField } from '../../storage/templates/mergeFields';
import { Icon } from '../icons/icons';

/**
 * "Insert field": a menu of the merge fields (downshift's select: arrows, type-ahead, Enter,
 * Escape, focus back on the button). Nothing stays selected, so the same field can go in twice:
 * a click or Enter inserts directly (with `selectedItem` held at null, onSelectedItemChange did not
 * fire in Chromium).
 */
export function InsertFieldMenu({ onInsert, disabled }: { onInsert: (key: MergeField['key']) => void; disabled?: boolean }) {
  const { isOpen, getLabelProps, getToggleButtonProps, getMenuProps, getItemProps, highlightedIndex } = useSelect<MergeField>({
    items: [...MERGE_FIELDS],
    selectedItem: null,
    itemToString: (field) => field?.label() ?? '',
  });
  return (
    <div className="tl-tpl-insert">
      <span className="tl-visually-hidden" {...getLabelProps()}>
        {t('templates.insertField')}
      </span>
      <button
        type="button"
        disabled={disabled}
        {...getToggleButtonProps({
          // Read before downshift handles the key and closes the menu.
          onKeyDown: (event) => {
            if (isOpen && highlightedIndex >= 0 && (event.key === 'Enter' || event.key === ' ')) onInsert(MERGE_FIELDS[highlightedIndex]!.key);
          },
        })}
      >
        <Icon name="add" size={14} /> <span aria-hidden="true">{t('templates.insertField')}</span>
      </button>
      <ul {...getMenuProps()} className="tl-tpl-menu" hidden={!isOpen}>
        {isOpen &&
          MERGE_FIELDS.map((field, index) => (
            <li key={field.key} data-highlighted={highlightedIndex === index || undefined} {...getItemProps({ item: field, index, onClick: () => onInsert(field.key) })}>
              <span>{field.label()}</span> <code>{`{{${field.key}}}`}</code>
            </li>
          ))}
      </ul>
    </div>
  );
}
