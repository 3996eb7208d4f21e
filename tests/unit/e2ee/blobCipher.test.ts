// Sealed blobs (photo and memo bytes): they open to exactly the bytes sealed, are addressed by the SHA-256 of the
// ciphertext, carry no run of the plain bytes, and refuse to open when a byte is changed, under another class, kind
// or type, or with another key; the stand-in a push measures is exactly a real seal's length.
import 'fake-indexeddb/auto';
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BlobSealError, openBlob, sealBlob, type BlobPlace } from '../../../src/sync/e2ee/blobCipher';
import { withStandInSeals } from '../../../src/sync/e2ee/blobSeals';
import { newClassKey } from '../../../src/sync/e2ee/keys';
import { isBlobSeal } from '../../../src/shared/blobs';

const place: BlobPlace = { classId: 'class-1', kind: 'memo', type: 'audio/webm' };
const keysOf = (...ks: { id: string; key: CryptoKey }[]) => new Map(ks.map((k) => [k.id, k]));
const hex = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

describe('sealed blobs', () => {
  it('open to the same bytes, addressed by the hash of the ciphertext, with none of the plain bytes in it', async () => {
    const { classKey } = await newClassKey();
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ minLength: 32, maxLength: 4096 }), async (plain) => {
        const { bytes, seal } = await sealBlob(classKey, place, new Uint8Array(plain));
        expect(isBlobSeal(seal)).toBe(true);
        expect(seal.k).toBe(classKey.id);
        expect(seal.addr).toBe(hex(bytes));
        expect(seal.addr).not.toBe(hex(plain));
        // nonce (12) || ciphertext (as long as the bytes) || tag (16)
        expect(bytes.length).toBe(plain.length + 28);
        expect(Buffer.from(bytes).includes(Buffer.from(plain.subarray(0, 16)))).toBe(false);
        expect(await openBlob(keysOf(classKey), seal, place, bytes)).toEqual(new Uint8Array(plain));
      }),
      { numRuns: 40 },
    );
  });

  it('takes a fresh nonce each time, and gives the same bytes again only from the same seal', async () => {
    const { classKey } = await newClassKey();
    const plain = crypto.getRandomValues(new Uint8Array(2048));
    const one = await sealBlob(classKey, place, plain);
    const two = await sealBlob(classKey, place, plain);
    expect(one.seal.n).not.toBe(two.seal.n);
    expect(one.seal.addr).not.toBe(two.seal.addr);
    const again = await sealBlob(classKey, place, plain, one.seal.n);
    expect(again.seal).toEqual(one.seal);
    expect(again.bytes).toEqual(one.bytes);
  });

  it('refuses a flipped byte anywhere: nonce, ciphertext or tag', async () => {
    const { classKey } = await newClassKey();
    const plain = crypto.getRandomValues(new Uint8Array(300));
    const { bytes, seal } = await sealBlob(classKey, place, plain);
    for (const at of [0, 11, 12, 150, bytes.length - 1]) {
      const bad = new Uint8Array(bytes);
      bad[at]! ^= 0x01;
      await expect(openBlob(keysOf(classKey), seal, place, bad)).rejects.toMatchObject({ name: 'BlobSealError', reason: 'damaged' });
    }
    await expect(openBlob(keysOf(classKey), seal, place, bytes.subarray(0, 20))).rejects.toBeInstanceOf(BlobSealError);
  });

  it('refuses another class, another kind, another type, and another key', async () => {
    const { classKey } = await newClassKey();
    const { classKey: other } = await newClassKey();
    const { bytes, seal } = await sealBlob(classKey, place, crypto.getRandomValues(new Uint8Array(500)));
    for (const wrong of [{ ...place, classId: 'class-2' }, { ...place, kind: 'photo' as const }, { ...place, type: 'audio/mp4' }]) {
      await expect(openBlob(keysOf(classKey), seal, wrong, bytes)).rejects.toMatchObject({ reason: 'damaged' });
    }
    // The same key id over other key bytes (a substituted key) fails as damaged; a key id not held, as unknown.
    await expect(openBlob(keysOf({ id: classKey.id, key: other.key }), seal, place, bytes)).rejects.toMatchObject({ reason: 'damaged' });
    await expect(openBlob(keysOf(other), seal, place, bytes)).rejects.toMatchObject({ reason: 'unknown-key' });
  });

  it("measures a note's refs with a stand-in seal exactly as long as a real one", async () => {
    const { classKey } = await newClassKey();
    const { seal } = await sealBlob(classKey, place, crypto.getRandomValues(new Uint8Array(64)));
    const photo = { sha256: 'a'.repeat(64), type: 'image/jpeg', size: 64, width: 1, height: 1 };
    const rec = { table: 'notes' as const, id: 'n', fields: { photo, memos: [{ ...photo, id: 'm', durationMs: 1, at: 1 }] } };
    const shaped = withStandInSeals(classKey, rec);
    const real = { ...rec, fields: { photo: { ...photo, sealed: seal }, memos: [{ ...rec.fields.memos[0]!, sealed: seal }] } };
    expect(JSON.stringify(shaped).length).toBe(JSON.stringify(real).length);
  });
});
