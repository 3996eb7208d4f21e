// A text area that saves one field of one record as the teacher types (or dictates): no Save button to forget.
import { useId, type TextareaHTMLAttributes } from 'react';
import type { TableName } from '../shared/records';
import { useAutosaveField } from './useAutosaveField';

interface Props extends Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'value' | 'onChange' | 'id'> {
  table: TableName;
  recordId: string;
  field: string;
  /** The stored value; followed while the field is not being edited, so another device's edit shows up. */
  value: string;
  label: string;
  hideLabel?: boolean;
}

export function AutosaveTextarea({ table, recordId, field, value, label, hideLabel, className, ...rest }: Props) {
  const id = useId();
  const bind = useAutosaveField(table, recordId, field, value);
  return (
    <div className="field">
      <label htmlFor={id} className={hideLabel ? 'visually-hidden' : undefined}>
        {label}
      </label>
      <textarea {...rest} id={id} className={className} {...bind} />
    </div>
  );
}
