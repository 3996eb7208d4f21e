// End-to-end encryption through the real engine and server, on both stores: a class synced by two tablets of one
// teacher and a co-teacher's tablet leaves no name, note word or id of a student in the server's store, every tablet
// shows everything, and a ciphertext changed on the server is reported on the tablet and never applied.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { Keyring } from '../../src/sync/e2ee/keyring';
import { SELF_SCOPE } from '../../src/sync/e2ee/sealer';
import { newRecoveryPhrase } from '../../src/sync/e2ee/phrase';
import { isSameSeal, isSealed } from '../../src/shared/e2ee';
import type { TestServer } from '../../server/testing';
import { STORES } from './api-helpers';
import { bytesOn, holdsBytes, memoOn, photoOn, storeText, tamper } from './e2ee-helpers';
import { ITERATIONS, keyedRoom, tablet } from './e2ee-tablets';
import { SEALED_BLOB_TYPE } from '../../src/shared/blobs';

const SECRETS = ['Marisol', 'Quintanilla', 'abuela', 'Room 12', 'dialogue'];

describe.each(STORES)('end-to-end encryption on $name', (store) => {
  let server: TestServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('keeps the store free of student data while two tablets and a co-teacher see everything', async () => {
    server = await store.start();
    const teacher = await server.addTeacher('Ms Rivera');
    const co = await server.addTeacher('Mr Okafor');
    const phrase = newRecoveryPhrase();
    const ring = await Keyring.create(phrase, ITERATIONS);
    await ring.addClassKey(SELF_SCOPE);
    const a = await tablet(server, teacher.token, ring, 'Ms Rivera');

    const classId = await a.repo.create('classes', { name: 'Room 12', grade: '4', archived: false, order: 0 });
    await ring.addClassKey(classId);
    const studentId = await a.repo.create('students', { classId, firstName: 'Marisol', lastName: 'Quintanilla', order: 0, archived: false, sourceId: null });
    const noteId = await a.repo.create('notes', {
      classId, studentId, pieceId: null, text: 'Wrote about her abuela, with dialogue', objectiveIds: [], context: null, private: false,
      at: Date.now(), printedAt: null, photoId: null, groupSessionId: null, conferenceId: null,
    });
    await a.repo.update('students', studentId, { lastName: 'Quintanilla' });
    await a.repo.create('settings', { value: { lens: 'dialogue' } }, 'print-lens');
    const photo = await photoOn(a, noteId);
    const memo = await memoOn(a, noteId);
    expect((await a.engine.sync()).ok).toBe(true);
    expect(await a.blobs.run()).toMatchObject({ uploaded: 2, retrying: 0 });

    const text = await storeText(server);
    for (const s of SECRETS) expect(text).not.toContain(s);
    // The photo's and the memo's bytes are nowhere in the store; what it keeps is sealed, under another address.
    expect(holdsBytes(text, memo.bytes)).toBe(false);
    expect(holdsBytes(text, photo.bytes)).toBe(false);
    const kept = await server.blobs.list();
    expect(kept.map((b) => b.type)).toEqual([SEALED_BLOB_TYPE, SEALED_BLOB_TYPE]);
    expect(kept.map((b) => b.sha256)).not.toContain(memo.ref.sha256);
    expect(kept.map((b) => b.sha256)).not.toContain(photo.ref.sha256);
    expect(kept.map((b) => b.size).sort()).toEqual([photo.bytes.length + 28, memo.bytes.length + 28].sort());
    // The server still routes: the class is known by id, and the note's class and privacy flag are plain.
    const stored = (await server.db.dump('records')) as { id: string; fields: string }[];
    const note = JSON.parse(stored.find((r) => r.id === noteId)!.fields) as Record<string, unknown>;
    expect(note.classId).toBe(classId);
    expect(note.private).toBe(false);
    expect(isSealed(note.text) || isSameSeal(note.text)).toBe(true);
    // Ids are opaque and stay plain as record keys; which student a note is about is sealed with the note.
    expect(stored.find((r) => r.id === noteId)!.fields).not.toContain(studentId);

    // The teacher's second tablet: the phrase opens the relayed vault.
    const b = await tablet(server, teacher.token, await Keyring.open(JSON.parse(JSON.stringify(ring.vault)), phrase), 'Ms Rivera');
    expect((await b.engine.sync()).ok).toBe(true);
    expect(await b.repo.db.students.get(studentId)).toMatchObject({ firstName: 'Marisol', lastName: 'Quintanilla' });
    expect((await b.repo.db.notes.get(noteId))?.text).toBe('Wrote about her abuela, with dialogue');
    expect((await b.repo.db.settings.get('print-lens'))?.value).toEqual({ lens: 'dialogue' });
    // Its refs name where the sealed bytes are; they come down and open to exactly what was recorded.
    expect((await b.repo.db.notes.get(noteId))?.memos?.[0]?.sealed?.addr).toBe(kept.find((k) => k.size === memo.bytes.length + 28)?.sha256);
    expect(await b.blobs.run()).toMatchObject({ downloaded: 2, retrying: 0 });
    expect(await bytesOn(b, memo.ref.sha256)).toEqual(memo.bytes);
    expect(await bytesOn(b, photo.ref.sha256)).toEqual(photo.bytes);
    expect((await b.repo.db.blobs.get(memo.ref.sha256))?.type).toBe('audio/webm');

    // The co-teacher, given the class and its key.
    await server.shareClass(classId, co.id);
    const coRing = await Keyring.create(newRecoveryPhrase(), ITERATIONS);
    for (const s of await ring.share(classId, coRing.pair.publicJwk)) await coRing.accept(s);
    const c = await tablet(server, co.token, coRing, 'Mr Okafor');
    expect((await c.engine.sync()).ok).toBe(true);
    expect((await c.repo.db.notes.get(noteId))?.text).toBe('Wrote about her abuela, with dialogue');
    expect((await c.repo.db.classes.get(classId))?.name).toBe('Room 12');
    expect(await c.blobs.run()).toMatchObject({ downloaded: 2, retrying: 0 });
    expect(await bytesOn(c, memo.ref.sha256)).toEqual(memo.bytes);
    expect(await bytesOn(c, photo.ref.sha256)).toEqual(photo.bytes);

    // The co-teacher's edit travels sealed too, and reaches the owner's tablet.
    await c.repo.update('notes', noteId, { text: 'Second draft: dialogue tags fixed' });
    expect((await c.engine.sync()).ok).toBe(true);
    expect((await a.engine.sync()).ok).toBe(true);
    expect((await a.repo.db.notes.get(noteId))?.text).toBe('Second draft: dialogue tags fixed');
    const after = await storeText(server);
    expect(after).not.toContain('tags fixed');
    expect(holdsBytes(after, memo.bytes)).toBe(false);
    expect(holdsBytes(after, photo.bytes)).toBe(false);
  });

  it('keeps the plain copy of a blob no record names sealed yet, so no tablet is left without it', async () => {
    server = await store.start();
    const teacher = await server.addTeacher('Ms Rivera');
    const ring = await Keyring.create(newRecoveryPhrase(), ITERATIONS);
    const plainRing = await Keyring.create(newRecoveryPhrase(), ITERATIONS);
    const a = await tablet(server, teacher.token, plainRing, 'Ms Rivera');
    const classId = await a.repo.create('classes', { name: 'Room 12', grade: '4', archived: false, order: 0 });
    const noteId = await a.repo.create('notes', {
      classId, studentId: 's1', pieceId: null, text: '', objectiveIds: [], context: null, private: false,
      at: Date.now(), printedAt: null, photoId: null, groupSessionId: null, conferenceId: null,
    });
    const photo = await photoOn(a, noteId);
    expect((await a.engine.sync()).ok).toBe(true);
    expect(await a.blobs.run()).toMatchObject({ uploaded: 1 });

    // Tablet B downloads the photo plain, then holds a key for the class without re-sending its records: the ref on
    // the server is still plain, so the plain copy must stay even though B's queue seals what it uploads.
    const b = await tablet(server, teacher.token, ring, 'Ms Rivera');
    expect((await b.engine.sync()).ok).toBe(true);
    expect(await b.blobs.run()).toMatchObject({ downloaded: 1 });
    await ring.addClassKey(classId);
    await b.blobs.store.sweep();
    await b.blobs.run();
    expect(await server.blobs.get(teacher.id, classId, photo.ref.sha256)).toBeDefined();
  });

  it('stores a seal group once, and a later write to the field holding it leaves its group-mates readable', async () => {
    server = await store.start();
    const { teacher, phrase, ring, a, studentId } = await keyedRoom(server);
    expect((await a.engine.sync()).ok).toBe(true);
    const storedFields = async () => {
      const rows = (await server!.db.dump('records')) as { id: string; fields: string }[];
      return JSON.parse(rows.find((r) => r.id === studentId)!.fields) as Record<string, { c?: string; same?: string }>;
    };
    // One seal for the five small fields written together, kept once: the others name the field holding it.
    const first = await storedFields();
    expect(Object.values(first).filter((v) => typeof v === 'object' && v?.c !== undefined)).toHaveLength(1);
    expect(first.lastName).toEqual({ e2: 2, same: 'firstName' });

    // firstName, which held the group's seal, is written again alone; the server merges field by field.
    await a.repo.update('students', studentId, { firstName: 'Mari' });
    expect((await a.engine.sync()).ok).toBe(true);
    const after = await storedFields();
    expect(after.firstName?.c).toBeDefined();
    expect(after.lastName?.c).toBe(first.firstName?.c);
    expect(after.order).toEqual({ e2: 2, same: 'lastName' });

    const b = await tablet(server, teacher.token, await Keyring.open(ring.vault, phrase), 'Ms Rivera');
    expect((await b.engine.sync()).ok).toBe(true);
    expect(await b.repo.db.students.get(studentId)).toMatchObject({ firstName: 'Mari', lastName: 'Quintanilla', order: 0, archived: false, sourceId: null });
  });

  it('reports a ciphertext changed on the server, applies the rest, and overwrites nothing', async () => {
    server = await store.start();
    const { teacher, phrase, ring, a, classId, studentId } = await keyedRoom(server);
    const b = await tablet(server, teacher.token, await Keyring.open(ring.vault, phrase), 'Ms Rivera');
    expect((await a.engine.sync()).ok).toBe(true);
    expect((await b.engine.sync()).ok).toBe(true);

    // A new value on A; the server damages it before B pulls.
    await a.repo.update('students', studentId, { firstName: 'Mari' });
    expect((await a.engine.sync()).ok).toBe(true);
    await tamper(server, studentId, 'firstName');
    const other = await a.repo.create('students', { classId, firstName: 'Dev', lastName: 'Patel', order: 1, archived: false, sourceId: null });
    expect((await a.engine.sync()).ok).toBe(true);

    const outcome = await b.engine.sync();
    expect(outcome.ok).toBe(false);
    expect(b.engine.getStatus().error).toMatchObject({ kind: 'tampered', message: expect.stringMatching(/failed the encryption check.*Nothing on this tablet was overwritten/) });
    expect(await b.repo.db.students.get(studentId)).toMatchObject({ firstName: 'Marisol', lastName: 'Quintanilla' });
    expect((await b.repo.db.students.get(other))?.firstName).toBe('Dev');

    // The warning stays while the damaged record is held, though the next pull brings nothing new.
    expect((await b.engine.sync()).ok).toBe(false);
    expect(b.engine.getStatus().error).toMatchObject({ kind: 'tampered' });
    // A good copy (a new write on A) replaces the held one, and the warning goes.
    await a.repo.update('students', studentId, { firstName: 'Marisa' });
    expect((await a.engine.sync()).ok).toBe(true);
    expect((await b.engine.sync()).ok).toBe(true);
    expect(b.engine.getStatus().error).toBeNull();
    expect(await b.repo.db.students.get(studentId)).toMatchObject({ firstName: 'Marisa', lastName: 'Quintanilla' });
    expect(await b.repo.db.local.where('key').startsWith('e2ee-held:').count()).toBe(0);
  });
});
