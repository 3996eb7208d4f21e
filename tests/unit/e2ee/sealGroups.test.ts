// Seal groups: a record's small fields written under one stamp share one seal (one AES-GCM call), a long text is
// sealed alone, every field still opens and merges on its own, and the size measured before sealing is the size sent.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compactSeals, expandSeals, isSealed, staysPlain, type SealedValue } from '../../../src/shared/e2ee';
import { openFields, sealFields } from '../../../src/sync/e2ee/fieldCipher';
import { sealedBytes } from '../../../src/sync/e2ee/sealer';
import { sealGroups } from '../../../src/sync/e2ee/groups';
import { newClassKey } from '../../../src/sync/e2ee/keys';
import { fromBase64url, toBase64url } from '../../../src/sync/e2ee/bytes';
import { mergeStamped } from '../../../src/domain/merge';

const keysOf = (k: { id: string; key: CryptoKey }) => new Map([[k.id, k]]);
const T1 = '000000000000001-000000-dev1';
const T2 = '000000000000002-000000-dev2';
const metaOf = (fields: Record<string, unknown>, t: string) => Object.fromEntries(Object.keys(fields).map((f) => [f, { t, by: 'Ms Rivera' }]));

const mark = (fields: Record<string, unknown>, t = T1) => ({ table: 'marks' as const, id: 'mark-1', fields, meta: metaOf(fields, t) });
const markFields = { classId: 'class-a', pieceId: 'piece-1', studentId: 'stu-1', objectiveId: 'obj-1', value: 'x', at: 1733300000000, deleted: false };

describe('seal groups', () => {
  it('seal a mark\u2019s five fields once, and open them back', async () => {
    const { classKey } = await newClassKey();
    const sealed = await sealFields(classKey, mark(markFields));
    const cs = new Set(Object.values(sealed.fields).filter(isSealed).map((v) => v.c));
    expect(Object.values(sealed.fields).filter(isSealed)).toHaveLength(5);
    expect(cs.size).toBe(1);
    expect(await openFields(keysOf(classKey), sealed)).toEqual(mark(markFields));
  });

  it('seal a long text alone, and fields of another stamp apart', async () => {
    const { classKey } = await newClassKey();
    const text = 'Maya used dialogue to show how the characters felt, and her ending circles back to the beginning.';
    const fields = { classId: 'class-a', studentId: 'stu-1', text, tags: ['dialogue'], deleted: false };
    const rec = { table: 'notes' as const, id: 'note-1', fields, meta: { ...metaOf(fields, T1), tags: { t: T2, by: 'Ms Rivera' } } };
    const sealed = await sealFields(classKey, rec);
    const c = (f: string) => (sealed.fields[f as keyof typeof fields] as unknown as SealedValue).c;
    expect(new Set([c('studentId'), c('text'), c('tags')]).size).toBe(3);
    expect(await openFields(keysOf(classKey), sealed)).toEqual(rec);
  });

  it('merge per field: a newer seal of one field beside an older group opens to the merged record', async () => {
    const { classKey } = await newClassKey();
    const first = await sealFields(classKey, mark(markFields));
    const toggled = await sealFields(classKey, mark({ value: 'check', at: 1733300001000 }, T2));
    // The server merges sealed values on stamps alone, as it does plain ones.
    const merged = mergeStamped({ id: 'mark-1', fields: first.fields, meta: first.meta }, { id: 'mark-1', fields: toggled.fields, meta: toggled.meta }).merged;
    const opened = await openFields(keysOf(classKey), { table: 'marks', ...merged });
    expect(opened.fields).toEqual({ ...markFields, value: 'check', at: 1733300001000 });
  });

  it('send a group\u2019s seal once: the other fields name the field holding it, and a dangling name does not open', async () => {
    const { classKey } = await newClassKey();
    const sealed = await sealFields(classKey, mark(markFields));
    const sent = compactSeals(sealed.fields);
    expect(sent.studentId).toEqual({ e2: 2, same: 'pieceId' });
    expect(JSON.stringify(sent).length).toBeLessThan(JSON.stringify(sealed.fields).length / 2);
    const { pieceId: _gone, ...orphaned } = sent;
    await expect(openFields(keysOf(classKey), { ...mark(markFields), fields: expandSeals(orphaned) })).rejects.toMatchObject({ field: 'studentId', reason: 'damaged' });
  });

  it('still open records sealed by the first format 2 builds, whose envelopes were marked circulateE2ee', async () => {
    const { classKey } = await newClassKey();
    const sent = await sealFields(classKey, mark(markFields), undefined, true);
    const legacy = JSON.parse(JSON.stringify(sent).replaceAll('"e2":2', '"circulateE2ee":2')) as typeof sent;
    expect(JSON.stringify(legacy)).not.toContain('"e2"');
    expect(isSealed(legacy.fields.pieceId)).toBe(true);
    expect((await openFields(keysOf(classKey), legacy)).fields).toEqual(markFields);
    expect(expandSeals(legacy.fields).studentId).toEqual(legacy.fields.pieceId);
  });

  it('refuse a group\u2019s ciphertext under a field outside it, under another stamp, or with a flipped byte', async () => {
    const { classKey } = await newClassKey();
    const fields = { classId: 'class-a', studentId: 'stu-1', text: 'x'.repeat(80), deleted: false };
    const sealed = await sealFields(classKey, { table: 'notes' as const, id: 'note-1', fields, meta: metaOf(fields, T1) });
    // studentId's group does not hold text, though both are under the same stamp.
    const moved = { ...sealed, fields: { ...sealed.fields, text: sealed.fields.studentId } };
    await expect(openFields(keysOf(classKey), moved)).rejects.toMatchObject({ field: 'text', reason: 'damaged' });
    const restamped = { ...sealed, meta: { ...sealed.meta, studentId: { t: T2, by: 'Ms Rivera' } } };
    await expect(openFields(keysOf(classKey), restamped)).rejects.toMatchObject({ field: 'studentId', reason: 'damaged' });
    const s = sealed.fields.text as unknown as SealedValue;
    const bytes = fromBase64url(s.c);
    bytes[20] = bytes[20]! ^ 1;
    const flipped = { ...sealed, fields: { ...sealed.fields, text: { ...s, c: toBase64url(bytes) } } };
    await expect(openFields(keysOf(classKey), flipped)).rejects.toMatchObject({ field: 'text', reason: 'damaged' });
  });

  it('open any record to itself, and measure its sealed JSON exactly before sealing', async () => {
    const { classKey } = await newClassKey();
    const name = fc.constantFrom('studentId', 'text', 'tags', 'at', 'value', 'pieceId', 'title', 'é', '__proto__', 'classId', 'deleted');
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(fc.tuple(name, fc.jsonValue({ maxDepth: 2 }), fc.constantFrom(T1, T2)), { selector: (x) => x[0], minLength: 1, maxLength: 8 }), fc.nat(), async (parts, blank) => {
        const fields: Record<string, unknown> = JSON.parse(`{${parts.map(([f, v]) => `${JSON.stringify(f)}:${JSON.stringify(v)}`).join(',')}}`);
        // A field holding undefined is left out of plain JSON but sealed as null: measured too (every third run).
        const emptied = blank % 3 === 0 ? parts[blank % parts.length]![0] : undefined;
        if (emptied !== undefined) Object.defineProperty(fields, emptied, { value: undefined, enumerable: true, writable: true, configurable: true });
        const meta: Record<string, { t: string; by: string }> = JSON.parse(`{${parts.map(([f, , t]) => `${JSON.stringify(f)}:${JSON.stringify({ t, by: 'x' })}`).join(',')}}`);
        const rec = { table: 'notes' as const, id: 'n', fields, meta };
        const sealed = await sealFields(classKey, rec);
        const sent = { ...sealed, fields: compactSeals(sealed.fields) };
        expect(new TextEncoder().encode(JSON.stringify(sent)).length).toBe(sealedBytes(classKey, rec, sealGroups(rec.table, rec.id, rec.fields, rec.meta)));
        expect(expandSeals(sent.fields)).toEqual(sealed.fields);
        const back = emptied === undefined || staysPlain('notes', emptied) ? rec : { ...rec, fields: { ...rec.fields, [emptied]: null } };
        expect(JSON.stringify(await openFields(keysOf(classKey), { ...sent, fields: expandSeals(sent.fields) }))).toBe(JSON.stringify(back));
        // Sealed straight to the sent form (as a push does): the form compactSeals makes, measured alike, and it
        // opens as sent, references and all.
        const direct = await sealFields(classKey, rec, undefined, true);
        expect(compactSeals(expandSeals(direct.fields))).toEqual(direct.fields);
        expect(new TextEncoder().encode(JSON.stringify(direct)).length).toBe(new TextEncoder().encode(JSON.stringify(sent)).length);
        expect(JSON.stringify(await openFields(keysOf(classKey), direct))).toBe(JSON.stringify(back));
      }),
      { numRuns: 80 },
    );
  });
});
