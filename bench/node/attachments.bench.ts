// Attachments beside records (fake-indexeddb tablets, the real server on SQLite): a tap's sync during a 2 MB photo
// upload on one shared throttled link, as a ratio to the tap alone; and 100 photos from one tablet to another.
import 'fake-indexeddb/auto';
import { startTestServer } from '../../server/testing';
import { classWithStudent, jpegBytes, newNote, putPhoto, tablet, type Tablet } from '../../tests/server/blob-devices';
import { throttledLink } from '../../tests/support/throttle';
import { median, type Metrics } from '../types';

const TAPS = 15;
/** 8 Mbit/s: a classroom tablet's share of school Wi-Fi; a 2 MB photo takes about 2 s of it. */
const LINK_BYTES_PER_SECOND = 1024 * 1024;
/** A round trip from a classroom to a hosted server. */
const LINK_LATENCY_MS = 40;
const PHOTOS = 100;
/** A 1600 px photo of a handwritten page re-encoded at JPEG quality 0.85 is 150-400 KB; take the high end. */
const PHOTO_BYTES = 300 * 1024;

async function tapSyncMs(t: Tablet, ids: { classId: string; studentId: string }): Promise<number> {
  await t.repo.create('marks', { classId: ids.classId, pieceId: 'p1', studentId: ids.studentId, objectiveId: 'o1', value: 'x', at: Date.now() });
  const start = performance.now();
  const out = await t.engine.sync({ force: true, pushOnly: true });
  if (!out.ok || out.pushed !== 1) throw new Error('tap did not sync');
  return performance.now() - start;
}

export default async function attachmentsBench(): Promise<Metrics> {
  const server = await startTestServer({ rateLimit: false });
  try {
    const teacher = await server.addTeacher('Bench attachments');
    const link = throttledLink(LINK_BYTES_PER_SECOND, { latencyMs: LINK_LATENCY_MS });
    const a = await tablet(server.url, teacher.token, { fetch: link.fetch });
    const ids = await classWithStudent(a);
    await a.engine.sync({ force: true });

    const alone: number[] = [];
    for (let i = 0; i < TAPS; i++) alone.push(await tapSyncMs(a, ids));

    const during: number[] = [];
    let uploads = 0;
    while (during.length < TAPS) {
      // A fresh 2 MB photo each round, so a tap always finds an upload on the wire.
      await putPhoto(a, await newNote(a, ids.classId, ids.studentId), jpegBytes(2 * 1024 * 1024));
      await a.engine.sync({ force: true, pushOnly: true });
      let uploading = true;
      const upload = a.blobs.run().then((r) => {
        uploads += r.uploaded;
        uploading = false;
      });
      await new Promise((r) => setTimeout(r, 100));
      while (uploading && during.length < TAPS) {
        const ms = await tapSyncMs(a, ids);
        if (uploading) during.push(ms);
      }
      await upload;
    }
    if (uploads === 0) throw new Error('no photo uploaded');
    const ratio = median(during) / median(alone);

    // 100 photos: A uploads them all (one missing-check, then a PUT each), B pulls the notes and downloads them all.
    const fast = await server.addTeacher('Bench 100 photos');
    const p = await tablet(server.url, fast.token);
    const q = await tablet(server.url, fast.token);
    const pids = await classWithStudent(p);
    for (let i = 0; i < PHOTOS; i++) await putPhoto(p, await newNote(p, pids.classId, pids.studentId), jpegBytes(PHOTO_BYTES));
    await p.engine.sync({ force: true });
    const start = performance.now();
    const up = await p.blobs.run();
    await q.engine.sync({ force: true });
    const down = await q.blobs.run();
    const photosMs = performance.now() - start;
    if (up.uploaded !== PHOTOS || down.downloaded !== PHOTOS) throw new Error(`100 photos: ${up.uploaded} up, ${down.downloaded} down`);

    return {
      'tap-sync-during-2mb-upload-ratio': {
        value: Math.round(ratio * 100) / 100,
        unit: 'x',
        // A tap's push shares the link with the upload slice by slice, so it waits about one slice (16 KB, 16 ms at
        // 1 MB/s) longer than its ~45 ms alone: 1.5x leaves room for a busy machine, while a tap queued behind the
        // whole upload (2 s of link) would be ~40x.
        budget: 1.5,
        note: `tap alone ${Math.round(median(alone))} ms, during upload ${Math.round(median(during))} ms`,
      },
      'photos-100-sync': {
        value: Math.round(photosMs),
        unit: 'ms',
        // 100 photos of 300 KB (30 MB) up from one tablet and down to another on 127.0.0.1, so the time is the
        // device's own work (hashing each, IndexedDB, one request each way per photo) and the server's fsyncs. On a
        // tablet's 8 Mbit/s share of school Wi-Fi the bytes alone take ~60 s; the queue must add little to that, so
        // its own overhead here is held under 6 s (60 ms a photo, both ways; it measures ~1.3 s on 2 shared cores).
        budget: 6_000,
        note: `${PHOTOS} x ${PHOTO_BYTES / 1024} KB, upload + download`,
      },
    };
  } finally {
    await server.close();
  }
}
