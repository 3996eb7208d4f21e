// Sealed field values: they open to exactly what was sealed, carry none of it in the clear, and refuse to open when
// changed, moved to another record, field or stamp, or opened with another class's key.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isSealed, staysPlain } from '../../../src/shared/e2ee';
import { openFields, openValue, sealFields, sealValue, SealError, type FieldPlace } from '../../../src/sync/e2ee/fieldCipher';
import { fromBase64url, toBase64url } from '../../../src/sync/e2ee/bytes';
import { newClassKey } from '../../../src/sync/e2ee/keys';

const place: FieldPlace = { table: 'notes', id: 'note-1', field: 'text', stamp: '000001a2b3c4d-0000-dev1' };
const keysOf = (...ks: { id: string; key: CryptoKey }[]) => new Map(ks.map((k) => [k.id, k]));

describe('sealed field values', () => {
  it('open to the same value, and the sealed form holds no trace of it', async () => {
    const { classKey } = await newClassKey();
    await fc.assert(
      fc.asyncProperty(fc.jsonValue(), fc.string({ minLength: 6 }), async (value, words) => {
        const v = { value, words };
        const sealed = await sealValue(classKey, place, v);
        expect(isSealed(sealed)).toBe(true);
        // Only the key id and the ciphertext travel; the ciphertext is the group's JSON text plus nonce and tag.
        expect(Object.keys(sealed).sort()).toEqual(['c', 'e2', 'k']);
        expect(sealed.c).not.toContain(words);
        expect(fromBase64url(sealed.c).length).toBe(new TextEncoder().encode(JSON.stringify({ [place.field]: v })).length + 28);
        expect(await openValue(keysOf(classKey), place, sealed)).toEqual(JSON.parse(JSON.stringify(v)));
      }),
      { numRuns: 60 },
    );
  });

  it('use a fresh nonce every time: the same value sealed twice differs', async () => {
    const { classKey } = await newClassKey();
    const a = await sealValue(classKey, place, 'Maya used dialogue');
    const b = await sealValue(classKey, place, 'Maya used dialogue');
    expect(a.c).not.toBe(b.c);
    expect(fromBase64url(a.c).subarray(0, 12)).not.toEqual(fromBase64url(b.c).subarray(0, 12));
  });

  it('refuse a flipped byte anywhere, a value moved to another record, field or stamp, and another key', async () => {
    const { classKey } = await newClassKey();
    const other = await newClassKey();
    const sealed = await sealValue(classKey, place, 'Maya used dialogue');
    const bytes = fromBase64url(sealed.c);
    for (const i of [0, 5, 12, bytes.length - 17, bytes.length - 1]) {
      const flipped = new Uint8Array(bytes);
      flipped[i] = flipped[i]! ^ 0x01;
      await expect(openValue(keysOf(classKey), place, { ...sealed, c: toBase64url(flipped) })).rejects.toMatchObject({ name: 'SealError', reason: 'damaged' });
    }
    for (const moved of [{ ...place, id: 'note-2' }, { ...place, field: 'studentId' }, { ...place, table: 'conferences' }, { ...place, stamp: '000001a2b3c4e-0000-dev1' }]) {
      await expect(openValue(keysOf(classKey), moved, sealed)).rejects.toBeInstanceOf(SealError);
    }
    await expect(openValue(keysOf({ ...other.classKey, id: classKey.id }), place, sealed)).rejects.toMatchObject({ reason: 'damaged' });
    await expect(openValue(keysOf(other.classKey), place, sealed)).rejects.toMatchObject({ reason: 'unknown-key' });
    await expect(openValue(keysOf(classKey), place, { ...sealed, c: 'not*base64' })).rejects.toMatchObject({ reason: 'damaged' });
  });
});

describe('sealing a record', () => {
  const rec = {
    table: 'notes' as const,
    id: 'note-1',
    fields: { classId: 'class-a', studentId: 'stu-1', text: 'Maya used dialogue', private: false, deleted: false, tags: ['dialogue'] },
    meta: Object.fromEntries(['classId', 'studentId', 'text', 'private', 'deleted', 'tags'].map((f, i) => [f, { t: `00000000000${i}-0000-dev1`, by: 'Ms Rivera' }])),
  };

  it('leaves classId, deleted and a note\u2019s private flag plain, seals the rest, and opens back to the record', async () => {
    const { classKey } = await newClassKey();
    const sealed = await sealFields(classKey, rec);
    for (const [f, v] of Object.entries(sealed.fields)) expect(isSealed(v)).toBe(!staysPlain('notes', f));
    expect(sealed.fields.classId).toBe('class-a');
    expect(sealed.fields.private).toBe(false);
    expect(JSON.stringify(sealed)).not.toMatch(/Maya|dialogue|stu-1/);
    expect(sealed.meta).toEqual(rec.meta);
    expect(await openFields(keysOf(classKey), sealed)).toEqual(rec);
  });

  it('refuses to open a record when one field was swapped with another field\u2019s ciphertext', async () => {
    const { classKey } = await newClassKey();
    const sealed = await sealFields(classKey, rec);
    const swapped = { ...sealed, fields: { ...sealed.fields, text: sealed.fields.studentId } };
    await expect(openFields(keysOf(classKey), swapped)).rejects.toMatchObject({ field: 'text', reason: 'damaged' });
  });

  it('keeps a field name like __proto__ as data, never as the prototype', async () => {
    const { classKey } = await newClassKey();
    const odd = JSON.parse('{"table":"notes","id":"n","fields":{"__proto__":{"polluted":true}},"meta":{"__proto__":{"t":"1","by":"x"}}}');
    const sealed = await sealFields(classKey, odd);
    expect(Object.keys(sealed.fields)).toEqual(['__proto__']);
    const opened = await openFields(keysOf(classKey), sealed);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getOwnPropertyDescriptor(opened.fields, '__proto__')?.value).toEqual({ polluted: true });
  });
});
