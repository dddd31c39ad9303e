/**
 * zxcvbn's word lists (common passwords, English words, names, Wikipedia words, keyboard
 * layouts) as one JSON file the extension ships beside its code (written at build time by
 * modules/zxcvbn-words.ts) and reads when a passphrase is first estimated.
 *
 * Why a file and not code: as code the lists are 2.4 MB that the background service worker would
 * load on every start (Chrome stops it after 30 s idle), and the packages decompress them as soon
 * as they are imported. A file costs nothing until a passphrase is set, and the worker and the
 * extension pages share one copy.
 */
import type { OptionsDictionary, OptionsGraph } from '@zxcvbn-ts/core';

/** Where the file lies in the built extension (not web-accessible: only our own pages and worker read it). */
export const ZXCVBN_WORDS_FILE = 'zxcvbn-words.json';

export interface ZxcvbnWords {
  readonly dictionary: OptionsDictionary;
  readonly graphs: OptionsGraph;
}

/** The lists as the packages export them (build time and tests; the packages are large). */
export async function zxcvbnWordsFromPackages(): Promise<ZxcvbnWords> {
  const [common, en] = await Promise.all([import('@zxcvbn-ts/language-common'), import('@zxcvbn-ts/language-en')]);
  return { dictionary: { ...common.dictionary, ...en.dictionary }, graphs: common.adjacencyGraphs };
}

function isStringList(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((entry) => typeof entry === 'string');
}

/** The file's text read back; throws on anything but the shape the build writes. */
export function parseZxcvbnWords(text: string): ZxcvbnWords {
  const parsed: unknown = JSON.parse(text);
  const { dictionary, graphs } = (parsed ?? {}) as { dictionary?: unknown; graphs?: unknown };
  if (
    typeof dictionary !== 'object' || dictionary === null || !Object.values(dictionary).every(isStringList) ||
    typeof graphs !== 'object' || graphs === null || !('qwerty' in graphs)
  ) {
    throw new Error(`${ZXCVBN_WORDS_FILE} is not zxcvbn's word lists.`);
  }
  return { dictionary: dictionary as OptionsDictionary, graphs: graphs as OptionsGraph };
}
