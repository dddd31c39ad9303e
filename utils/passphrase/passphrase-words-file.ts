/**
 * Reads zxcvbn's word lists from the file the build ships (ZXCVBN_WORDS_FILE), for the
 * background worker and the extension pages. fetch() of the extension's own files works in both;
 * the file is not web-accessible, so no web page can read it.
 */
import { browser } from 'wxt/browser';
import { parseZxcvbnWords, ZXCVBN_WORDS_FILE, type ZxcvbnWords } from './passphrase-word-lists';

export async function fetchPackagedWords(): Promise<ZxcvbnWords> {
  // The file is made by the build (modules/zxcvbn-words.ts), so WXT's list of public paths lacks it.
  const url = browser.runtime.getURL(`/${ZXCVBN_WORDS_FILE}` as Parameters<typeof browser.runtime.getURL>[0]);
  const response = await fetch(url);
  if (!response.ok) throw new Error(`Could not read ${ZXCVBN_WORDS_FILE} (${response.status}).`);
  return parseZxcvbnWords(await response.text());
}
