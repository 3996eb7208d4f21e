// The synced report-comment draft record (split from records.ts to keep that file small).
import type { SyncedBase } from './records';

/** A report-card comment for one student over a date range: the teacher's edited text, and the sentences it was drafted
 * from with the records each cites (kept so the evidence stays one tap away while the words change). */
export interface ReportDraft extends SyncedBase {
  classId: string;
  studentId: string;
  /** YYYY-MM-DD, inclusive. */
  from: string;
  to: string;
  text: string;
  sentences: { text: string; evidence: { kind: string; id: string; at: number }[] }[];
  createdAt: number;
}
