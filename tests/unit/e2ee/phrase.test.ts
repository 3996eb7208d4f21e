// The recovery phrase as a teacher types it back: case and spacing do not matter; a wrong word says which.
import { describe, expect, it } from 'vitest';
import { newRecoveryPhrase, readPhrase } from '../../../src/sync/e2ee/phrase';

describe('recovery phrase', () => {
  it('is twelve words, new each time, and read back however it is spaced or capitalised', () => {
    const phrase = newRecoveryPhrase();
    expect(phrase.split(' ')).toHaveLength(12);
    expect(newRecoveryPhrase()).not.toBe(phrase);
    const typed = `  ${phrase.toUpperCase().split(' ').join('\n ')}  `;
    expect(readPhrase(typed)).toEqual({ phrase });
  });

  it('says what to fix: a missing word, a misspelt word (by its place), or words out of order', () => {
    const words = newRecoveryPhrase().split(' ');
    expect(readPhrase(words.slice(1).join(' '))).toEqual({ error: expect.stringMatching(/has 12 words; this has 11/) });
    const misspelt = [...words];
    misspelt[3] = 'zzzq';
    expect(readPhrase(misspelt.join(' '))).toEqual({ error: expect.stringMatching(/^Word 4 is not one of the phrase/) });
    // Swapping two different words breaks the checksum in all but a few cases; find a pair that does.
    let found = false;
    for (let i = 0; i < 11 && !found; i++) {
      const swapped = [...words];
      [swapped[i], swapped[i + 1]] = [swapped[i + 1]!, swapped[i]!];
      const r = readPhrase(swapped.join(' '));
      if ('error' in r) {
        expect(r.error).toMatch(/not in this order or not this set/);
        found = true;
      }
    }
    expect(found).toBe(true);
  });
});
