// The recovery phrase: twelve words from the BIP-39 English list (128 random bits, with a checksum that catches a
// mistyped word), made and checked by @scure/bip39, an audited library, so no word list or checksum is ours.

import { generateMnemonic, validateMnemonic } from '@scure/bip39';
import { wordlist } from '@scure/bip39/wordlists/english.js';

export const PHRASE_WORDS = 12;

export function newRecoveryPhrase(): string {
  return generateMnemonic(wordlist, 128);
}

/** The phrase as typed, made canonical (case, spaces and line breaks do not matter), or what to fix. */
export function readPhrase(typed: string): { phrase: string } | { error: string } {
  const words = typed.normalize('NFKD').toLowerCase().split(/[\s,.]+/).filter(Boolean);
  if (words.length !== PHRASE_WORDS) return { error: `The recovery phrase has ${PHRASE_WORDS} words; this has ${words.length}. Type every word, in order.` };
  const unknown = words.findIndex((w) => !wordlist.includes(w));
  if (unknown >= 0) return { error: `Word ${unknown + 1} is not one of the phrase's words. Check its spelling.` };
  const phrase = words.join(' ');
  if (!validateMnemonic(phrase, wordlist)) return { error: 'The words are real, but not in this order or not this set: check each word and its place.' };
  return { phrase };
}
