// Renaming in place: one or two text fields that save on Done, Enter, or when focus leaves them; Escape cancels.
// A blank required field is refused with a message and nothing is saved.
import { useId, useRef, useState } from 'react';

export interface RenameField {
  label: string;
  value: string;
  required?: boolean;
}

interface Props {
  fields: RenameField[];
  /** Names what is being renamed, for the form's accessible name. */
  title: string;
  onSave: (values: string[]) => Promise<void>;
  onClose: () => void;
}

export function InlineRename({ fields, title, onSave, onClose }: Props) {
  const id = useId();
  const [values, setValues] = useState(() => fields.map((f) => f.value));
  const [error, setError] = useState<string | null>(null);
  const closing = useRef(false);

  const save = async () => {
    if (closing.current) return;
    const blank = fields.find((f, i) => f.required && !values[i]?.trim());
    if (blank) {
      setError(`${blank.label} cannot be blank.`);
      return;
    }
    closing.current = true;
    await onSave(values.map((v) => v.trim()));
    onClose();
  };

  return (
    <form
      className="roster-rename"
      aria-label={title}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          closing.current = true;
          onClose();
        }
      }}
      onBlur={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) void save();
      }}
    >
      {fields.map((f, i) => (
        <label key={f.label} className="field">
          <span>{f.label}</span>
          <input
            type="text"
            value={values[i] ?? ''}
            autoFocus={i === 0}
            aria-invalid={error && f.required && !values[i]?.trim() ? true : undefined}
            aria-describedby={error ? `${id}-err` : undefined}
            onChange={(e) => {
              const next = [...values];
              next[i] = e.target.value;
              setValues(next);
              setError(null);
            }}
          />
        </label>
      ))}
      <button type="submit" className="primary">
        Done
      </button>
      {error && (
        <p id={`${id}-err`} className="error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
