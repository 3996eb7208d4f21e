// A labelled drop-down: the field's name above a native select, which tablets show as their own large picker.
export interface Choice {
  value: string;
  label: string;
}

interface Props {
  label: string;
  value: string;
  choices: readonly Choice[];
  onChange: (value: string) => void;
  /** Offered first, with the empty value ("No piece", "All objectives"). */
  none?: string;
  disabled?: boolean;
  /** Another class for the label beside "field" (e.g. "grow" in a row). */
  className?: string;
}

export function SelectField({ label, value, choices, onChange, none, disabled, className }: Props) {
  return (
    <label className={className ? `field ${className}` : 'field'}>
      <span>{label}</span>
      <select value={value} onChange={(e) => onChange(e.target.value)} disabled={disabled}>
        {none !== undefined && <option value="">{none}</option>}
        {choices.map((c) => (
          <option key={c.value} value={c.value}>
            {c.label}
          </option>
        ))}
      </select>
    </label>
  );
}
