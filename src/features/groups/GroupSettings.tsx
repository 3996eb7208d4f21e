// A group's settings: name, kind (table visit, needs group, intervention group), focus objective, planned minutes and,
// for an intervention group, the weekdays it meets.
import { useId, useState } from 'react';
import type { Group, GroupKind, Objective } from '../../shared/records';
import { KIND_RULES, kindRule, scheduleText, WEEKDAYS } from '../../domain/groupSetup';
import { flushSave, queueSave } from '../../db/autosave';
import { SelectField } from '../../ui/SelectField';
import { setFocus, setKind, setMinutes, toggleScheduleDay } from './groupActions';

function NameField({ group }: { group: Group }) {
  const id = useId();
  // While editing, the field shows what is typed; otherwise the stored name (another device's rename shows up).
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="field">
      <label htmlFor={id}>Group name</label>
      <input
        id={id}
        type="text"
        value={draft ?? group.name}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-err` : undefined}
        onFocus={() => setDraft(group.name)}
        onChange={(e) => {
          setDraft(e.target.value);
          if (e.target.value.trim() === '') {
            setError('Type a name for the group; the last name is kept until then.');
            return;
          }
          setError(null);
          queueSave('groups', group.id, 'name', e.target.value);
        }}
        onBlur={() => {
          setDraft(null);
          setError(null);
          void flushSave('groups', group.id, 'name');
        }}
      />
      {error && (
        <span id={`${id}-err`} className="error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}

export function GroupSettings({ group, objectives }: { group: Group; objectives: Objective[] }) {
  const rule = kindRule(group.kind);
  const minutes = Array.from({ length: rule.maxMinutes - rule.minMinutes + 1 }, (_, i) => rule.minMinutes + i);
  return (
    <details className="groups-settings">
      <summary>Settings</summary>
      <NameField group={group} />
      <SelectField
        label="Kind"
        value={group.kind}
        choices={KIND_RULES.map((r) => ({ value: r.kind, label: `${r.label} (${r.minMinutes}-${r.maxMinutes} min)` }))}
        onChange={(v) => void setKind(group, v as GroupKind)}
      />
      <SelectField
        label="Focus"
        value={group.focusObjectiveId ?? ''}
        choices={objectives.map((o) => ({ value: o.id, label: o.text }))}
        none="No focus yet"
        onChange={(v) => void setFocus(group.id, v || null)}
      />
      <SelectField
        label="Planned minutes"
        value={String(group.plannedMinutes)}
        choices={minutes.map((m) => ({ value: String(m), label: `${m} min` }))}
        onChange={(v) => void setMinutes(group, Number(v))}
      />
      {group.kind === 'intervention' && (
        <fieldset className="groups-days">
          <legend>Meets on (2-3 times a week)</legend>
          <div className="row">
            {WEEKDAYS.map((d) => (
              <label key={d.day} className="groups-day">
                <input type="checkbox" checked={group.schedule.includes(d.day)} onChange={() => void toggleScheduleDay(group.id, d.day)} />
                <span>{d.label}</span>
              </label>
            ))}
          </div>
          <p className="muted">{scheduleText(group.schedule)}</p>
        </fieldset>
      )}
    </details>
  );
}
