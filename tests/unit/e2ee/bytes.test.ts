// The byte helpers the seals depend on: UTF-8 views in the reused buffer, base64url that joins at a nonce's edge,
// and nonces that never share a byte.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { freshBytes, fromBase64url, toBase64url, utf8, utf8Length, utf8Views } from '../../../src/sync/e2ee/bytes';

describe('e2ee bytes', () => {
  it('gives each text its own UTF-8 bytes, side by side in one buffer, short or past the buffer', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string({ unit: 'grapheme' }), fc.string({ minLength: 70_000, maxLength: 70_010 })), { minLength: 1, maxLength: 3 }), (texts) => {
        const views = utf8Views(...texts);
        expect(views.map((v) => [...v])).toEqual(texts.map((t) => [...utf8(t)]));
        texts.forEach((t, i) => expect(views[i]!.length).toBe(utf8Length(t)));
      }),
      { numRuns: 60 },
    );
  });

  it("joins a 12-byte nonce's base64url to the ciphertext's as the base64url of both", () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 0, maxLength: 200 }), (ct) => {
        const iv = freshBytes(12);
        const both = new Uint8Array([...iv, ...ct]);
        expect(toBase64url(iv) + toBase64url(ct)).toBe(toBase64url(both));
        expect([...fromBase64url(toBase64url(iv) + toBase64url(ct))]).toEqual([...both]);
      }),
    );
  });

  it('never hands out the same random bytes twice, across refills of its block', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 2_000; i++) {
      const n = toBase64url(freshBytes(12));
      expect(seen.has(n)).toBe(false);
      seen.add(n);
    }
  });
});
