/**
 * The build step that ships zxcvbn's word lists (modules/zxcvbn-words.ts): it adds one generated
 * public file, whose text the extension reads back into the packages' lists.
 */
import { describe, expect, it } from 'vitest';
import type { ResolvedPublicFile, Wxt } from 'wxt';
import zxcvbnWordsModule from '../../../modules/zxcvbn-words';
import { parseZxcvbnWords, ZXCVBN_WORDS_FILE, zxcvbnWordsFromPackages } from '@/utils/passphrase/passphrase-word-lists';

describe('modules/zxcvbn-words', () => {
  it('adds the word-list file to the build’s public files', async () => {
    const hooks = new Map<string, (wxt: Wxt, files: ResolvedPublicFile[]) => Promise<void>>();
    const wxt = { hook: (name: string, run: (wxt: Wxt, files: ResolvedPublicFile[]) => Promise<void>) => hooks.set(name, run) } as unknown as Wxt;
    await zxcvbnWordsModule.setup?.(wxt);
    const files: ResolvedPublicFile[] = [];
    await hooks.get('build:publicAssets')!(wxt, files);
    expect(files).toHaveLength(1);
    const [file] = files as [{ relativeDest: string; contents: string }];
    expect(file.relativeDest).toBe(ZXCVBN_WORDS_FILE);
    expect(parseZxcvbnWords(file.contents)).toEqual(await zxcvbnWordsFromPackages());
  });
});
