// A one-line field that saves as the teacher types (like AutosaveTextarea), for titles and objective wording.
import { useEffect, useId, useRef, useState } from 'react';
import type { TableName } from '../../db/types';
import { flushSave, queueSave } from '../../ui/autosave';

interface Props {
  table: TableName;
  recordId: string;
  field: string;
  value: string;
  label: string;
  hideLabel?: boolean;
}

export function AutosaveInput({ table, recordId, field, value, label, hideLabel }: Props) {
  const id = useId();
  const [text, setText] = useState(value);
  const editing = useRef(false);
  useEffect(() => {
    if (!editing.current) setText(value);
  }, [value]);
  return (
    <div className="field grow">
      <label htmlFor={id} className={hideLabel ? 'visually-hidden' : undefined}>
        {label}
      </label>
      <input
        id={id}
        type="text"
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
