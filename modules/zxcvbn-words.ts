/**
 * Build step (a WXT local module): writes zxcvbn's word lists, taken from the @zxcvbn-ts
 * language packages, into the extension as one JSON file (utils/passphrase-word-lists.ts says
 * why a file). Runs in Node at build time only.
 */
import { defineWxtModule } from 'wxt/modules';
import { ZXCVBN_WORDS_FILE, zxcvbnWordsFromPackages } from '../utils/passphrase/passphrase-word-lists';

export default defineWxtModule({
  name: 'zxcvbn-words',
  setup(wxt) {
    wxt.hook('build:publicAssets', async (_wxt, files) => {
      files.push({ relativeDest: ZXCVBN_WORDS_FILE, contents: JSON.stringify(await zxcvbnWordsFromPackages()) });
    });
  },
});
