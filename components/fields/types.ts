import type { Field, FieldType } from '../../storage/model/field';
import type { FieldValueMap } from '../../storage/model/fieldValues';
import type { Pipeline } from '../../storage/model/entities';

export type ValueEditorProps<V> = {
  field: Field;
  /** Stored value, or undefined when empty. */
  value: V | undefined;
  onChange: (value: V | undefined) => void;
  pipelines: readonly Pipeline[];
  /** The id of the control, for the label's htmlFor. */
  inputId: string;
};

/** Props by value type, so types sharing a value shape (number/percent, email/phone) share an editor. */
export type EditorProps<T extends FieldType = FieldType> = ValueEditorProps<FieldValueMap[T]>;
