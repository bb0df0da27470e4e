import { useCombobox, useMultipleSelection } from 'downshift';
import { X } from 'lucide-react';
import { useState } from 'react';
import { t } from '../../i18n';
import './pickers.css';

/** One choice: what is stored (`id`), its name, and a line that tells it apart (an email, a domain, a stage). */
export type PickerOption = { id: string; title: string; secondary?: string };

type Props = {
  /** The input's id, for the field label's htmlFor. */
  inputId: string;
  /** Names the list of suggestions and the chips. */
  label: string;
  selected: readonly PickerOption[];
  /** Suggestions for the text typed last reported through `onQueryChange`, best first (chosen ones are left out here). */
  options: readonly PickerOption[];
  onQueryChange: (query: string) => void;
  onChange: (selected: PickerOption[]) => void;
  /** One value (owner) or several (links). */
  multiple: boolean;
};

const { stateChangeTypes: ms } = useMultipleSelection;
const { stateChangeTypes: cb } = useCombobox;
const REMOVALS = new Set<string>([ms.SelectedItemKeyDownBackspace, ms.SelectedItemKeyDownDelete, ms.DropdownKeyDownBackspace, ms.FunctionRemoveSelectedItem]);

/** The chips' and the combobox's downshift state, with the rules that make it sit inside an editor. */
function usePicker({ inputId, selected, options, onQueryChange, onChange, multiple }: Omit<Props, 'label'>) {
  const [open, setOpen] = useState(false);
  // Mirrors of downshift's text and highlight, for the highlight rule below.
  const [text, setText] = useState('');
  const [hover, setHover] = useState(-1);
  const items = options.filter((o) => !selected.some((s) => s.id === o.id));
  const chips = useMultipleSelection<PickerOption>({
    selectedItems: [...selected],
    itemToKey: (o) => o?.id,
    onStateChange: ({ type, selectedItems }) => {
      if (REMOVALS.has(type) && selectedItems) onChange(selectedItems);
    },
  });
  // The text is downshift's own: a controlled value lagged a keystroke behind and lost fast typing.
  const box = useCombobox<PickerOption>({
    items,
    inputId,
    selectedItem: null,
    // Open only while there is something to pick, so Enter in a closed list saves the editor.
    isOpen: open && items.length > 0,
    // Typed text highlights the best match, so Enter picks it; the suggestions shown before any
    // typing are only offered (arrows pick), so Enter on an untouched cell still saves it.
    highlightedIndex: !open || !items.length ? -1 : hover >= 0 ? Math.min(hover, items.length - 1) : text ? 0 : -1,
    onHighlightedIndexChange: ({ highlightedIndex: next }) => setHover(next ?? -1),
    itemToString: (o) => o?.title ?? '',
    itemToKey: (o) => o?.id,
    onIsOpenChange: ({ isOpen: next }) => setOpen(!!next),
    onInputValueChange: ({ inputValue: next }) => {
      setText(next ?? '');
      onQueryChange(next ?? '');
    },
    stateReducer: (state, { type, changes }) =>
      // Picking clears the text for the next name; leaving the input picks nothing by itself.
      type === cb.InputKeyDownEnter || type === cb.ItemClick ? { ...changes, inputValue: '' }
      : type === cb.InputBlur ? { ...changes, selectedItem: null, inputValue: '' }
      // Focus already opened the list: the click that gave the focus must not close it again.
      : type === cb.InputClick ? { ...changes, isOpen: true }
      // The picked item is handed up, never held (selectedItem stays null); downshift then "syncs"
      // the text to that null item, which wiped the first keystroke typed after a pick.
      : type === cb.ControlledPropUpdatedSelectedItem ? { ...changes, inputValue: state.inputValue }
      : changes,
    onSelectedItemChange: ({ type, selectedItem }) => {
      if (!selectedItem || (type !== cb.InputKeyDownEnter && type !== cb.ItemClick)) return;
      onChange(multiple ? [...selected, selectedItem] : [selectedItem]);
    },
  });
  const inputProps = box.getInputProps(chips.getDropdownProps({
    preventKeyAction: box.isOpen && box.inputValue !== '',
    onFocus: () => setOpen(true),
    // Text left unpicked is not a value: it must not look like one once the field is left.
    onBlur: () => box.inputValue && box.setInputValue(''),
    onKeyDown: (e) => {
      // Nothing highlighted: Enter is not the combobox's, it belongs to the editor or form around it.
      if (e.key !== 'Enter' || box.highlightedIndex >= 0) return;
      (e.nativeEvent as KeyboardEvent & { preventDownshiftDefault?: boolean }).preventDownshiftDefault = true;
      setOpen(false);
    },
  }));
  return { items, chips, box, inputProps };
}

/**
 * A type-ahead combobox with removable chips (downshift: WAI-ARIA combobox, listbox and
 * keyboard handling). Arrows move through suggestions, Enter or a click picks one and clears the
 * text; Backspace in an empty input, or Delete on a chip reached with the left arrow, removes
 * a chip. A key the combobox used (Enter on a suggestion, Escape closing the list) is marked
 * handled, so an inline editor around it does not also save or cancel.
 */
export function Combobox(props: Props) {
  const { label, selected, multiple } = props;
  const { items, chips, box, inputProps } = usePicker(props);
  const { isOpen, highlightedIndex } = box;

  return (
    <div className="tl-picker">
      <div className="tl-picker-box">
        {selected.length > 0 && (
          <ul className="tl-chips" aria-label={t('views.picker.chosen', { field: label })}>
            {selected.map((o, index) => (
              <li key={o.id} className="tl-chip" {...chips.getSelectedItemProps({ selectedItem: o, index })}>
                <span className="tl-chip-text" dir="auto">{o.title}</span>
                <button type="button" tabIndex={-1} className="tl-chip-remove" aria-label={t('views.picker.remove', { title: o.title })}
                  onClick={(e) => {
                    e.stopPropagation();
                    chips.removeSelectedItem(o);
                  }}>
                  <X size={12} aria-hidden="true" />
                </button>
              </li>
            ))}
          </ul>
        )}
        <input
          {...inputProps}
          className="tl-picker-input"
          placeholder={!multiple && selected.length ? '' : t('views.picker.placeholder')}
        />
      </div>
      <ul {...box.getMenuProps({ 'aria-label': t('views.picker.suggestions', { field: label }) })} className={isOpen ? 'tl-picker-menu' : 'tl-picker-menu tl-closed'}>
        {isOpen &&
          items.map((o, index) => (
            <li key={o.id} className={highlightedIndex === index ? 'tl-picker-option tl-active' : 'tl-picker-option'} {...box.getItemProps({ item: o, index })}>
              <span className="tl-picker-title" dir="auto">{o.title || t('common.untitled')}</span>
              {o.secondary && <span className="tl-picker-secondary" dir="auto">{o.secondary}</span>}
            </li>
          ))}
      </ul>
    </div>
  );
}
