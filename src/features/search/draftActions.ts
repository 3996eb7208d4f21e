// Making a report-comment draft: the sentences from the range's evidence, saved through the write path as a synced
// record, so the draft is on the teacher's other tablet too. Nothing is written when the range has no evidence.
import { create, remove, update } from '../../db/write';
import { draftText } from '../../domain/reportDraft';
import { readDraftEvidence, sentencesFor } from './draftReads';
import { toCsv } from './exportCsv';
import { displayName } from '../../domain/names';
import type { ReportDraft, Student } from '../../shared/records';

export type MakeDraftResult = { ok: true; id: string } | { ok: false; message: string };

export async function makeDraft(studentId: string, from: string, to: string): Promise<MakeDraftResult> {
  if (!from || !to) return { ok: false, message: 'Choose both a first and a last day.' };
  if (from > to) return { ok: false, message: 'The first day is after the last day: swap them.' };
  const data = await readDraftEvidence(studentId);
  if (!data) return { ok: false, message: 'This student is not on this device.' };
  const sentences = sentencesFor(data, from, to);
  if (sentences.length === 0) return { ok: false, message: 'Nothing is recorded for these dates yet: choose a wider range.' };
  const id = await create('reportDrafts', { classId: data.student.classId, studentId, from, to, text: draftText(sentences), sentences, createdAt: Date.now() });
  return { ok: true, id };
}

export const deleteDraft = (id: string) => remove('reportDrafts', id);

/** Takes sentences out of a draft: from its evidence, and from the comment where the teacher left them as drafted. */
export async function dropSentences(draft: ReportDraft, gone: ReadonlySet<number>, comment: string): Promise<void> {
  let text = comment;
  for (const i of gone) {
    const s = draft.sentences[i]!.text;
    text = text.includes(`${s} `) ? text.replace(`${s} `, '') : text.replace(s, '');
  }
  await update('reportDrafts', draft.id, { text: text.trimEnd(), sentences: draft.sentences.filter((_, i) => !gone.has(i)) });
}

export const DRAFT_HEADERS = ['Student', 'From', 'To', 'Comment'];

export function draftCsv(student: Student, drafts: readonly ReportDraft[]): string {
  return toCsv(DRAFT_HEADERS, drafts.map((d) => [displayName(student), d.from, d.to, d.text]));
}
