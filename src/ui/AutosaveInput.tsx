// A one-line field that saves as the teacher types (like AutosaveTextarea), for titles and objective wording.
import { useId } from 'react';
import type { TableName } from '../shared/records';
import { useAutosaveField } from './useAutosaveField';

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
  const bind = useAutosaveField(table, recordId, field, value);
  return (
    <div className="field grow">
      <label htmlFor={id} className={hideLabel ? 'visually-hidden' : undefined}>
        {label}
      </label>
      <input id={id} type="text" {...bind} />
    </div>
  );
}
