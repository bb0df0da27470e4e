import type { Field } from '../../storage/model/field';
import type { Pipeline } from '../../storage/model/entities';
import { FIELD_EDITORS } from './editors';
import type { EditorProps } from './types';

/** Picks the editor for a field's type from the registry; null for read-only types. */
export function FieldEditor(props: { field: Field; value: unknown; onChange: (v: unknown) => void; pipelines: readonly Pipeline[]; inputId: string }) {
  const Editor = FIELD_EDITORS[props.field.type] as ((p: EditorProps) => React.JSX.Element) | null;
  if (!Editor) return null;
  return <Editor {...(props as EditorProps)} />;
}
