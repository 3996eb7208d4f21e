// The group builder: suggested groups from the checklist as editable columns beside Independent writing. Students
// move by finger drag or by tap-to-move ("Move here"), which also serves keyboards and screen readers.
import { DndContext, DragOverlay, type DragEndEvent, type DragStartEvent } from '@dnd-kit/core';
import { useCallback, useMemo, useState } from 'react';
import { Link, useLocation } from 'react-router';
import { displayName } from '../../domain/names';
import { suggestGroups } from '../../domain/grouping';
import { kindRule, scheduleText, sizeWarning, suggestionSummary } from '../../domain/groupSetup';
import { UndoToast } from '../../ui/UndoToast';
import { Column } from './Column';
import { groupOfDrop, makeAnnouncements, screenReaderInstructions, studentOfDrag, useBuilderSensors } from './dnd';
import { applySuggestion, createGroup, dissolveGroup, moveStudent, setLocked, undoSuggestion, type SuggestionUndo } from './groupActions';
import { GroupSettings } from './GroupSettings';
import { useGroupsData, type LiveGroup } from './reads';
import { GroupsNav } from './GroupsNav';
import { KeepApartPanel } from './KeepApartPanel';
import { StudentChip } from './StudentChip';
import { groupingInput } from './suggestInput';

export function Builder({ classId }: { classId: string }) {
  const data = useGroupsData(classId);
  const sensors = useBuilderSensors();
  const [selected, setSelected] = useState<string | null>(null);
  const [dragging, setDragging] = useState<string | null>(null);
  const location = useLocation();
  // "Done" on a running group comes back here with what it recorded.
  const [status, setStatus] = useState(() => (location.state as { message?: string } | null)?.message ?? '');
  const [undo, setUndo] = useState<{ undo: SuggestionUndo; text: string; token: number } | null>(null);

  const names = useMemo(() => new Map((data?.students ?? []).map((s) => [s.id, displayName(s)])), [data?.students]);
  const objectiveText = useMemo(() => new Map((data?.objectives ?? []).map((o) => [o.id, o.text])), [data?.objectives]);
  const [openedAt] = useState(() => Date.now());
  const suggestion = useMemo(() => (data ? suggestGroups(groupingInput(data, openedAt)) : null), [data, openedAt]);
  const nameOf = useCallback((id: string) => names.get(id) ?? 'A student', [names]);
  const columnName = useCallback((g: string | null) => (g === null ? 'Independent writing' : (data?.groups.find((x) => x.id === g)?.name ?? 'a group')), [data?.groups]);
  const announcements = useMemo(() => makeAnnouncements(nameOf, columnName), [nameOf, columnName]);
  const dismissUndo = useCallback(() => setUndo(null), []);

  if (!data) return null;
  const { groups, students, piece, objectives } = data;
  const inGroup = new Map<string, LiveGroup>();
  for (const g of groups) for (const m of g.memberIds) if (!inGroup.has(m)) inGroup.set(m, g);
  const independent = students.filter((s) => !inGroup.has(s.id));
  const activeStudents = new Set(students.map((s) => s.id));
  const conferences = (suggestion?.conferences ?? []).filter((c) => !inGroup.has(c.studentId));
  const openNeedCount = [...data.needs.values()].reduce((n, l) => n + l.length, 0);

  const move = async (studentId: string, to: string | null) => {
    const from = inGroup.get(studentId)?.id ?? null;
    setSelected(null);
    if (from === to) return;
    await moveStudent(classId, studentId, to);
    setStatus(`${nameOf(studentId)} moved to ${columnName(to)}.`);
  };

  const movable = (groupId: string | null) => {
    if (!selected) return null;
    if ((inGroup.get(selected)?.id ?? null) === groupId) return null;
    return { name: nameOf(selected), onMove: () => void move(selected, groupId) };
  };

  const onSuggest = async () => {
    if (!suggestion) return;
    if (!piece) return setStatus('Add a piece with objectives on the Clipboard first: groups come from its checklist.');
    if (suggestion.groups.length === 0 && groups.length === 0) {
      return setStatus(openNeedCount === 0 ? 'No open needs yet: mark an X on the checklist for students who need support.' : 'No two students share a need yet; see the suggested conferences.');
    }
    const u = await applySuggestion(classId, piece.id, groups, suggestion);
    setStatus(`Groups suggested: ${suggestionSummary(suggestion)}`);
    // The toast stays short: the status line above already says what changed.
    setUndo({ undo: u, text: 'Groups replaced.', token: Date.now() });
  };

  const onDragStart = (e: DragStartEvent) => setDragging(studentOfDrag(e.active.id));
  const onDragEnd = (e: DragEndEvent) => {
    setDragging(null);
    const sid = studentOfDrag(e.active.id);
    const to = groupOfDrop(e.over?.id);
    if (sid && to !== undefined) void move(sid, to);
  };

  const chip = (sid: string, group?: LiveGroup) => (
    <StudentChip
      key={sid}
      studentId={sid}
      name={nameOf(sid)}
      selected={selected === sid}
      onSelect={(id) => setSelected((cur) => (cur === id ? null : id))}
      lock={group ? { locked: group.lockedIds.includes(sid), onToggle: () => void setLocked(group.id, sid, !group.lockedIds.includes(sid)) } : undefined}
    />
  );

  return (
    <div className="stack groups-builder">
      <div className="row groups-head">
        <h1 className="grow">Groups</h1>
        <GroupsNav />
      </div>
      <p className="muted">
        {piece ? (
          <>
            From the checklist for <strong>{piece.title || 'the current piece'}</strong>
            {piece.lensObjectiveId && objectiveText.get(piece.lensObjectiveId) ? <>, lens: {objectiveText.get(piece.lensObjectiveId)}</> : null}.
          </>
        ) : (
          'No piece yet: add one on the Clipboard to suggest groups from its checklist.'
        )}
      </p>
      <div className="row">
        <button type="button" className="primary" onClick={() => void onSuggest()}>
          Suggest groups
        </button>
        <button
          type="button"
          onClick={async () => {
            const id = await createGroup(classId, piece?.id ?? null, groups);
            if (selected) await moveStudent(classId, selected, id);
            setSelected(null);
            setStatus('New group added.');
          }}
        >
          New group
        </button>
        {selected && (
          <button type="button" onClick={() => setSelected(null)}>
            Cancel move
          </button>
        )}
      </div>
      <p role="status" className="groups-status">
        {status}
      </p>
      {selected && <p className="groups-hint">{nameOf(selected)} is selected: choose “Move {nameOf(selected)} here” on a group or on Independent writing.</p>}

      <DndContext sensors={sensors} onDragStart={onDragStart} onDragEnd={onDragEnd} onDragCancel={() => setDragging(null)} accessibility={{ announcements, screenReaderInstructions }}>
        <div className="groups-board">
          <Column groupId={null} title="Independent writing" subtitle={<p className="muted groups-sub">{independent.length} writing on their own</p>} movable={movable(null)} className="groups-independent">
            <ul className="groups-members" aria-label="Independent writers">
              {independent.map((s) => chip(s.id))}
            </ul>
          </Column>
          {groups.map((g) => {
            const members = g.memberIds.filter((m) => activeStudents.has(m));
            const warn = sizeWarning(g.kind, members.length);
            const clash = data.keepApart.filter((k) => members.includes(k.studentA) && members.includes(k.studentB));
            return (
              <Column
                key={g.id}
                groupId={g.id}
                title={g.name}
                subtitle={
                  <p className="groups-sub">
                    {kindRule(g.kind).label}, {g.plannedMinutes} min{g.kind === 'intervention' ? ` (${scheduleText(g.schedule)})` : ''} ·{' '}
                    {g.focusObjectiveId ? (objectiveText.get(g.focusObjectiveId) ?? 'Focus removed from the piece') : 'No focus yet'}
                  </p>
                }
                movable={movable(g.id)}
                footer={
                  <>
                    {warn && <p className="groups-warn">{warn}</p>}
                    {clash.map((k) => (
                      <p key={k.id} className="groups-warn">
                        Kept apart, both here: {nameOf(k.studentA)} and {nameOf(k.studentB)}.
                      </p>
                    ))}
                    <GroupSettings group={g} objectives={objectives} />
                    <div className="row">
                      <Link className="button primary" to={`run/${g.id}`} aria-label={`Run ${g.name}`}>
                        Run
                      </Link>
                      <button
                        type="button"
                        className="danger"
                        aria-label={`Dissolve ${g.name}`}
                        onClick={async () => {
                          await dissolveGroup(g.id);
                          setStatus(`${g.name} dissolved: its students are back to independent writing.`);
                        }}
                      >
                        Dissolve
                      </button>
                    </div>
                  </>
                }
              >
                <ul className="groups-members" aria-label={`Members of ${g.name}`}>
                  {members.map((m) => chip(m, g))}
                </ul>
                {members.length === 0 && <p className="muted">Drag students here, or select one and choose “Move here”.</p>}
              </Column>
            );
          })}
        </div>
        <DragOverlay>{dragging ? <span className="groups-chip groups-chip-overlay">{nameOf(dragging)}</span> : null}</DragOverlay>
      </DndContext>

      {conferences.length > 0 && (
        <section className="card" aria-labelledby="groups-conf-h">
          <h2 id="groups-conf-h">Confer instead</h2>
          <p className="muted">Alone with a need: a one-to-one conference fits better than a group.</p>
          <ul className="list">
            {conferences.map((c) => (
              <li key={c.studentId}>
                <span className="grow">
                  {nameOf(c.studentId)}: {objectiveText.get(c.objectiveId) ?? ''}
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}
      <KeepApartPanel classId={classId} students={students.map((s) => ({ id: s.id, name: displayName(s) }))} pairs={data.keepApart} />
      {undo && <UndoToast message={undo.text} token={undo.token} onUndo={() => void undoSuggestion(undo.undo)} onDismiss={dismissUndo} />}
    </div>
  );
}
