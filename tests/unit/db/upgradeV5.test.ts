// Opening a version-4 database under version 5: memos already recorded are queued for upload, and a photo kept by
// the old local-only `photos` table moves into `blobs` by its sha256, its note rewritten through the write path.
import { Blob as NodeBlob } from 'node:buffer';
import { Dexie } from 'dexie';
import { beforeAll, describe, expect, it } from 'vitest';
import { migrateLegacyPhotos } from '../../../src/db/photos';
import { sha256Hex } from '../../../src/db/memos';
import { Repo } from '../../../src/db/repo';
import { createDb, SCHEMA_V1, SCHEMA_V2, SCHEMA_V3, SCHEMA_V4 } from '../../../src/db/schema';

// jsdom's Blob does not survive fake-indexeddb's structured clone; Node's does, as a browser's does.
beforeAll(() => {
  globalThis.Blob = NodeBlob as unknown as typeof Blob;
});

describe('schema upgrade to version 5', () => {
  it('moves a version-4 photo into the blob store, puts its ref on the note through the write path, and queues memos', async () => {
    const name = 'upgrade-test-v4';
    const v4 = new Dexie(name);
    v4.version(1).stores(SCHEMA_V1);
    v4.version(2).stores(SCHEMA_V2);
    v4.version(3).stores(SCHEMA_V3);
    v4.version(4).stores(SCHEMA_V4);
    await v4.open();
    const meta = { t: '000001700000000-000000-dev1', by: 'Ms Rivera' };
    const jpeg = new Blob([new Uint8Array([255, 216, 255, 224, 1, 2, 3, 4])], { type: 'image/jpeg' });
    const audio = new Blob([new Uint8Array([26, 69, 223, 163])], { type: 'audio/webm' });
    const audioSha = await sha256Hex(audio);
    const memo = { id: 'm1', sha256: audioSha, type: 'audio/webm', size: 4, durationMs: 1000, at: 5 };
    const base = { classId: 'c1', studentId: 's1', pieceId: null, objectiveIds: [], context: null, at: 5, printedAt: null, groupSessionId: null, conferenceId: null, deleted: false };
    await v4.table('notes').bulkPut([
      { ...base, id: 'n1', text: 'page one', private: false, photoId: 'p1', memos: [memo], _m: { text: meta, photoId: meta, memos: meta } },
      { ...base, id: 'n2', text: 'kept here', private: true, photoId: 'p2', _m: { text: meta } },
    ]);
    await v4.table('photos').bulkPut([
      { id: 'p1', noteId: 'n1', blob: jpeg, width: 40, height: 30 },
      { id: 'p2', noteId: 'n2', blob: jpeg, width: 40, height: 30 },
      // A photo its note no longer shows (replaced before the upgrade): it goes.
      { id: 'p3', noteId: 'n1', blob: jpeg, width: 10, height: 10 },
    ]);
    await v4.table('blobs').put({ sha256: audioSha, blob: audio, type: 'audio/webm', size: 4, createdAt: 1 });
    await v4.table('local').put({ key: 'deviceId', value: 'dev1' });
    v4.close();

    const repo = new Repo(createDb(name));
    await repo.db.open();
    expect(repo.db.verno).toBeGreaterThanOrEqual(5);
    // The upgrade itself queued the memo recorded under version 4.
    expect(await repo.db.blobQueue.toArray()).toEqual([expect.objectContaining({ dir: 'up', classId: 'c1', sha256: audioSha, state: 'pending', owner: { table: 'notes', id: 'n1' } })]);

    await repo.session.ready();
    expect(await migrateLegacyPhotos(repo)).toBe(2);
    const sha = await sha256Hex(jpeg);
    const n1 = await repo.db.notes.get('n1');
    expect(n1).toMatchObject({ photoId: null, photo: { sha256: sha, type: 'image/jpeg', size: 8, width: 40, height: 30 }, text: 'page one', memos: [memo] });
    // Through the write path: the fields are stamped anew and the public note's change waits in the outbox.
    expect(n1!._m.photo!.t > meta.t).toBe(true);
    const outbox = await repo.db.outbox.toArray();
    expect(outbox.map((e) => [e.id, Object.keys(e.fields).sort()])).toEqual([['n1', ['photo', 'photoId']]]);
    expect((await repo.db.notes.get('n2'))?.photo?.sha256).toBe(sha);
    expect(await sha256Hex((await repo.db.blobs.get(sha))!.blob)).toBe(sha);
    expect(await repo.db.photos.count()).toBe(0);
    // The same bytes in one class are one upload: n2 shows the same page, so its photo adds no entry.
    expect((await repo.db.blobQueue.toArray()).map((e) => `${e.dir} ${e.owner.id} ${e.sha256 === sha ? 'photo' : 'memo'}`).sort()).toEqual(['up n1 memo', 'up n1 photo']);
    // Running again (a crash after the last step, a second tab) changes nothing.
    expect(await migrateLegacyPhotos(repo)).toBe(0);
    expect(await repo.db.outbox.count()).toBe(1);
    repo.db.close();
    await Dexie.delete(name);
  });
});
