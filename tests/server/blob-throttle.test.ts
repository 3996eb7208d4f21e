// Notes never wait behind a photo: over a throttled link (the device's uplink), 200 notes made while a 5 MB photo is
// uploading all reach the real server before the photo's upload finishes.
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../server/testing';
import { classWithStudent, jpegBytes, newNote, putPhoto, tablet } from './blob-devices';
import { throttledLink } from '../support/throttle';

describe('attachments over a throttled link', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  it('200 notes arrive at the server before a 5 MB photo finishes uploading', async () => {
    const teacher = await server.addTeacher('Ms Rivera');
    // 2 MB/s: the 5 MB photo needs about 2.5 s of link time; 200 notes a few hundred milliseconds.
    const link = throttledLink(2 * 1024 * 1024);
    const a = await tablet(server.url, teacher.token, { fetch: link.fetch });
    const { classId, studentId } = await classWithStudent(a);
    const photoNote = await newNote(a, classId, studentId, { text: 'page photo' });
    const ref = await putPhoto(a, photoNote, jpegBytes(5 * 1024 * 1024));
    expect((await a.engine.sync({ force: true })).ok).toBe(true);

    let photoDoneAt = 0;
    const upload = a.blobs.run().then((r) => {
      photoDoneAt = performance.now();
      return r;
    });
    // The upload is on the wire before the notes are even written.
    await new Promise((r) => setTimeout(r, 200));
    expect(photoDoneAt).toBe(0);

    const ids: string[] = [];
    for (let i = 0; i < 200; i++) ids.push(await newNote(a, classId, studentId, { text: `note ${i}: adds dialogue to the opening` }));
    const sync = await a.engine.sync({ force: true });
    const notesAt = performance.now();
    expect(sync).toMatchObject({ ok: true });
    expect(sync.pushed).toBeGreaterThanOrEqual(200);
    expect(photoDoneAt).toBe(0);
    // Every note is at the server now, and the photo is not yet.
    const b = await tablet(server.url, teacher.token);
    await b.engine.sync({ force: true });
    expect((await b.repo.db.notes.bulkGet(ids)).every((n) => n && !n.deleted)).toBe(true);
    expect(await server.blobs.get(teacher.id, classId, ref.sha256)).toBeUndefined();

    expect(await upload).toMatchObject({ uploaded: 1 });
    expect(notesAt).toBeLessThan(photoDoneAt);
    expect((await server.blobs.get(teacher.id, classId, ref.sha256))?.bytes.length).toBe(5 * 1024 * 1024);
  }, 60_000);
});
