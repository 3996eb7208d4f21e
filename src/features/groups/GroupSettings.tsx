// A group's settings: name, kind (table visit, needs group, intervention group), focus objective, planned minutes and,
// for an intervention group, the weekdays it meets.
import { useId, useState } from 'react';
import type { Group, GroupKind, Objective } from '../../db/types';
import { KIND_RULES, kindRule, scheduleText, WEEKDAYS } from '../../domain/groupSetup';
import { flushSave, queueSave } from '../../ui/autosave';
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
  const id = useId();
  const rule = kindRule(group.kind);
  const minutes = Array.from({ length: rule.maxMinutes - rule.minMinutes + 1 }, (_, i) => rule.minMinutes + i);
  return (
    <details className="groups-settings">
      <summary>Settings</summary>
      <NameField group={group} />
      <div className="field">
        <label htmlFor={`${id}-kind`}>Kind</label>
        <select id={`${id}-kind`} value={group.kind} onChange={(e) => void setKind(group, e.target.value as GroupKind)}>
          {KIND_RULES.map((r) => (
            <option key={r.kind} value={r.kind}>
              {r.label} ({r.minMinutes}-{r.maxMinutes} min)
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-focus`}>Focus</label>
        <select id={`${id}-focus`} value={group.focusObjectiveId ?? ''} onChange={(e) => void setFocus(group.id, e.target.value || null)}>
          <option value="">No focus yet</option>
          {objectives.map((o) => (
            <option key={o.id} value={o.id}>
              {o.text}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-min`}>Planned minutes</label>
        <select id={`${id}-min`} value={group.plannedMinutes} onChange={(e) => void setMinutes(group, Number(e.target.value))}>
          {minutes.map((m) => (
            <option key={m} value={m}>
              {m} min
            </option>
          ))}
        </select>
      </div>
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
