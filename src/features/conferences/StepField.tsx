// One conference step's note, saved as typed (queueSave), that a tapped starter can add to: the insert is saved at
// once and the caret left at the end so the teacher can finish the sentence.
import { useEffect, useId, useImperativeHandle, useRef, useState, type Ref } from 'react';
import { flushSave, queueSave } from '../../db/autosave';
import { insertStarter } from '../../domain/starters';

export interface StepFieldHandle {
  insert(starter: string): void;
}

interface Props {
  recordId: string;
  field: 'strengths' | 'trait' | 'nextStep';
  /** The stored value; followed while the field is not being edited, so another device's edit shows up. */
  value: string;
  label: string;
  hint: string;
  /** Another teacher's name when they wrote this field last. */
  writtenBy: string | null;
  ref?: Ref<StepFieldHandle>;
}

export function StepField({ recordId, field, value, label, hint, writtenBy, ref }: Props) {
  const id = useId();
  const [text, setText] = useState(value);
  const latest = useRef(value);
  const editing = useRef(false);
  const area = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    if (!editing.current) {
      setText(value);
      latest.current = value;
    }
  }, [value]);
  const change = (next: string) => {
    latest.current = next;
    setText(next);
    queueSave('conferences', recordId, field, next);
  };
  useImperativeHandle(
    ref,
    () => ({
      insert(starter: string) {
        change(insertStarter(latest.current, starter));
        void flushSave('conferences', recordId, field);
        const el = area.current;
        if (el) {
          el.focus();
          requestAnimationFrame(() => el.setSelectionRange(el.value.length, el.value.length));
        }
      },
    }),
    // change only closes over recordId and field.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [recordId, field],
  );
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <span id={`${id}-hint`} className="muted">
        {hint}
      </span>
      <textarea
        ref={area}
        id={id}
        className="conf-step-text"
        aria-describedby={`${id}-hint`}
        value={text}
        onFocus={() => (editing.current = true)}
        onChange={(e) => change(e.target.value)}
        onBlur={() => {
          editing.current = false;
          void flushSave('conferences', recordId, field);
        }}
      />
      {writtenBy && <span className="muted">Written by {writtenBy}</span>}
    </div>
  );
}
