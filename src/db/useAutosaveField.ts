// The state behind a field that saves one record field as the teacher types: local text while editing, the stored
// value otherwise (so another device's edit shows up), a draft on every keystroke and a flush on blur.
import { useEffect, useRef, useState } from 'react';
import type { TableName } from '../shared/records';
import { flushSave, queueSave } from './autosave';

export function useAutosaveField(table: TableName, recordId: string, field: string, value: string) {
  const [text, setText] = useState(value);
  const editing = useRef(false);
  useEffect(() => {
    if (!editing.current) setText(value);
  }, [value]);
  return {
    value: text,
    onFocus: () => {
      editing.current = true;
    },
    onChange: (e: { target: { value: string } }) => {
      setText(e.target.value);
      queueSave(table, recordId, field, e.target.value);
    },
    onBlur: () => {
      editing.current = false;
      void flushSave(table, recordId, field);
    },
  };
}
