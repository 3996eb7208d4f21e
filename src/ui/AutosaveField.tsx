// A field that saves one field of one record as the teacher types (or dictates): no Save button to forget. One line
// for titles and objective wording; `multiline` for notes, goals and reflections.
import { useId } from 'react';
import { useAutosaveField } from '../db/useAutosaveField';
import type { TableName } from '../shared/records';

interface Props {
  table: TableName;
  recordId: string;
  field: string;
  /** The stored value; followed while the field is not being edited, so another device's edit shows up. */
  value: string;
  label: string;
  hideLabel?: boolean;
  multiline?: boolean;
  /** Text areas only. */
  rows?: number;
  className?: string;
  autoFocus?: boolean;
}

export function AutosaveField({ table, recordId, field, value, label, hideLabel, multiline, rows, className, autoFocus }: Props) {
  const id = useId();
  const bind = useAutosaveField(table, recordId, field, value);
  return (
    // A one-line field grows to fill its row (a title, an objective beside its buttons); a text area keeps its width.
    <div className={multiline ? 'field' : 'field grow'}>
      <label htmlFor={id} className={hideLabel ? 'visually-hidden' : undefined}>
        {label}
      </label>
      {multiline ? (
        <textarea rows={rows} autoFocus={autoFocus} id={id} className={className} {...bind} />
      ) : (
        <input id={id} type="text" autoFocus={autoFocus} className={className} {...bind} />
      )}
    </div>
  );
}
