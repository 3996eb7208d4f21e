// A text area that saves one field of one record as the teacher types (or dictates): no Save button to forget.
import { useEffect, useId, useRef, useState, type TextareaHTMLAttributes } from 'react';
import type { TableName } from '../db/types';
import { flushSave, queueSave } from './autosave';

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
  const [text, setText] = useState(value);
  const editing = useRef(false);
  useEffect(() => {
    if (!editing.current) setText(value);
  }, [value]);
  return (
    <div className="field">
      <label htmlFor={id} className={hideLabel ? 'visually-hidden' : undefined}>
        {label}
      </label>
      <textarea
        {...rest}
        id={id}
        className={className}
        value={text}
        onFocus={() => (editing.current = true)}
        onChange={(e) => {
          setText(e.target.value);
          queueSave(table, recordId, field, e.target.value);
        }}
        onBlur={() => {
          editing.current = false;
          void flushSave(table, recordId, field);
        }}
      />
    </div>
  );
}
