// Every change the groups area makes, through the one write path. Moves read the groups inside the transaction so a
// student is never left in two groups, whatever another tab did a moment before.
import { db } from '../../db/db';
import { create, remove, transact, update } from '../../db/write';
import type { Group, GroupKind, Note } from '../../shared/records';
import type { GroupingResult } from '../../domain/grouping';
import { clampMinutes, kindRule, nextGroupName, toggleDay } from '../../domain/groupSetup';
import { newId } from '../../domain/ids';
import { normalizeGroup, type LiveGroup } from './reads';

/** What a suggestion changed, so one tap can undo it. */
export interface SuggestionUndo {
  created: string[];
  previous: { id: string; memberIds: string[]; lockedIds: string[]; dissolved: boolean }[];
}

/** Replaces the groups in use with a suggestion: kept groups (locked or intervention) are refilled, the rest dissolved. */
export async function applySuggestion(classId: string, pieceId: string | null, current: readonly LiveGroup[], result: GroupingResult): Promise<SuggestionUndo> {
  const kept = new Map(result.groups.filter((g) => g.lockedGroupId !== null).map((g) => [g.lockedGroupId!, g]));
  const undo: SuggestionUndo = { created: [], previous: current.map((g) => ({ id: g.id, memberIds: g.memberIds, lockedIds: g.lockedIds, dissolved: g.dissolved })) };
  const usedNames = current.filter((g) => kept.has(g.id)).map((g) => g.name);
  let order = Math.max(-1, ...current.map((g) => g.order)) + 1;
  await transact(
    async (w) => {
      for (const g of current) {
        const k = kept.get(g.id);
        if (k) await w.update('groups', g.id, { memberIds: k.memberIds });
        else await w.update('groups', g.id, { dissolved: true });
      }
      for (const s of result.groups) {
        if (s.lockedGroupId !== null) continue;
        const name = nextGroupName(usedNames);
        usedNames.push(name);
        const id = await w.create('groups', {
          classId,
          pieceId,
          name,
          kind: 'needs',
          focusObjectiveId: s.objectiveId,
          memberIds: s.memberIds,
          teachingPoint: '',
          plannedMinutes: kindRule('needs').defaultMinutes,
          schedule: [],
          dissolved: false,
          order: order++,
          lockedIds: [],
        });
        undo.created.push(id);
      }
    },
    ['groups'],
  );
  return undo;
}

export async function undoSuggestion(undo: SuggestionUndo): Promise<void> {
  await transact(
    async (w) => {
      for (const id of undo.created) await w.remove('groups', id);
      for (const p of undo.previous) await w.update('groups', p.id, { memberIds: p.memberIds, lockedIds: p.lockedIds, dissolved: p.dissolved });
    },
    ['groups'],
  );
}

export async function createGroup(classId: string, pieceId: string | null, existing: readonly LiveGroup[], memberIds: string[] = []): Promise<string> {
  const order = Math.max(-1, ...existing.map((g) => g.order)) + 1;
  return create('groups', {
    classId,
    pieceId,
    name: nextGroupName(existing.map((g) => g.name)),
    kind: 'needs',
    focusObjectiveId: null,
    memberIds,
    teachingPoint: '',
    plannedMinutes: kindRule('needs').defaultMinutes,
    schedule: [],
    dissolved: false,
    order,
    lockedIds: [],
  });
}

/** Everyone in the group goes back to independent writing; the group's sessions stay in the history. */
export function dissolveGroup(id: string): Promise<void> {
  return update('groups', id, { dissolved: true });
}

/** Moves a student into a group (or, with null, back to independent writing), out of every other group in use. */
export async function moveStudent(classId: string, studentId: string, toGroupId: string | null): Promise<void> {
  await transact(
    async (w) => {
      const rows = (await db.groups.where('classId').equals(classId).toArray()).filter((g) => !g.deleted && !g.dissolved).map(normalizeGroup);
      for (const g of rows) {
        const has = g.memberIds.includes(studentId);
        if (g.id === toGroupId) {
          if (!has) await w.update('groups', g.id, { memberIds: [...g.memberIds, studentId] });
        } else if (has) {
          await w.update('groups', g.id, { memberIds: g.memberIds.filter((m) => m !== studentId), lockedIds: g.lockedIds.filter((m) => m !== studentId) });
        }
      }
    },
    ['groups'],
  );
}

/** Reads the stored row inside the transaction, so two quick taps on different students both count. */
export async function setLocked(groupId: string, studentId: string, locked: boolean): Promise<void> {
  await transact(
    async (w) => {
      const row = await db.groups.get(groupId);
      if (!row) return;
      const rest = normalizeGroup(row).lockedIds.filter((m) => m !== studentId);
      await w.update('groups', groupId, { lockedIds: locked ? [...rest, studentId] : rest });
    },
    ['groups'],
  );
}

export function setKind(group: Pick<Group, 'id' | 'plannedMinutes'>, kind: GroupKind): Promise<void> {
  return update('groups', group.id, { kind, plannedMinutes: clampMinutes(kind, group.plannedMinutes) });
}

export function setFocus(groupId: string, focusObjectiveId: string | null): Promise<void> {
  return update('groups', groupId, { focusObjectiveId });
}

export function setMinutes(group: Pick<Group, 'id' | 'kind'>, minutes: number): Promise<void> {
  return update('groups', group.id, { plannedMinutes: clampMinutes(group.kind, minutes) });
}

/** Toggles one weekday against the stored schedule (not the rendered one), so quick taps on two days both land. */
export async function toggleScheduleDay(groupId: string, day: number): Promise<void> {
  await transact(
    async (w) => {
      const row = await db.groups.get(groupId);
      if (!row) return;
      await w.update('groups', groupId, { schedule: toggleDay(normalizeGroup(row).schedule, day) });
    },
    ['groups'],
  );
}

export async function addKeepApart(classId: string, a: string, b: string): Promise<string> {
  return create('keepApart', { classId, studentA: a, studentB: b });
}

export function removeKeepApart(id: string): Promise<void> {
  return remove('keepApart', id);
}

/** A new empty note for a member, written in this session; the text is saved as the teacher types. */
export function createMemberNote(group: LiveGroup, studentId: string, sessionId: string, pieceId: string | null): Promise<string> {
  const fields: Omit<Note, 'id' | 'deleted' | '_m'> = {
    classId: group.classId,
    studentId,
    pieceId,
    text: '',
    objectiveIds: group.focusObjectiveId ? [group.focusObjectiveId] : [],
    context: 'guided-group',
    private: false,
    at: Date.now(),
    printedAt: null,
    photoId: null,
    groupSessionId: sessionId,
    conferenceId: null,
  };
  return create('notes', fields);
}

export function newSessionId(): string {
  return newId();
}

/**
 * "Done": records the session (when, how long, who came) and sends the students back to independent writing. A
 * needs group or table visit is over; an intervention group stays for its next day. Notes left empty are dropped.
 */
export async function finishSession(group: LiveGroup, sessionId: string, attendeeIds: string[], minutes: number, emptyNoteIds: string[]): Promise<void> {
  await transact(
    async (w) => {
      await w.create(
        'groupSessions',
        { classId: group.classId, groupId: group.id, focusObjectiveId: group.focusObjectiveId, attendeeIds, at: Date.now(), minutes: Math.max(1, Math.round(minutes)) },
        sessionId,
      );
      for (const id of emptyNoteIds) await w.remove('notes', id);
      if (group.kind !== 'intervention') await w.update('groups', group.id, { dissolved: true });
    },
    ['groupSessions', 'notes', 'groups'],
  );
}

/** A needs group of exactly these students (from "what to teach next"), each taken out of any other group in use,
 * in one transaction. */
export function formGroupOf(classId: string, memberIds: readonly string[], teachingPoint: string): Promise<string> {
  const members = new Set(memberIds);
  return transact(
    async (w) => {
      const rows = await db.groups.where('classId').equals(classId).toArray();
      const live = rows.filter((g) => !g.deleted && !g.dissolved).map(normalizeGroup);
      for (const g of live) {
        if (!g.memberIds.some((id) => members.has(id))) continue;
        await w.update('groups', g.id, { memberIds: g.memberIds.filter((id) => !members.has(id)), lockedIds: g.lockedIds.filter((id) => !members.has(id)) });
      }
      return w.create('groups', {
        classId,
        pieceId: null,
        name: nextGroupName(live.map((g) => g.name)),
        kind: 'needs',
        focusObjectiveId: null,
        memberIds: [...memberIds],
        teachingPoint,
        plannedMinutes: kindRule('needs').defaultMinutes,
        schedule: [],
        dissolved: false,
        order: Math.max(-1, ...live.map((g) => g.order)) + 1,
        lockedIds: [],
      });
    },
    ['groups'],
  );
}
