/**
 * Build step (a WXT local module): writes privacy.html, the privacy notice the options page links
 * to, from the repository's PRIVACY.md, so the notice a user reads in the browser is the one in
 * the repository. Runs in Node at build time only.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { defineWxtModule } from 'wxt/modules';
import { markdownPage } from '../utils/privacy/markdown-page';

export default defineWxtModule({
  name: 'privacy-page',
  setup(wxt) {
    wxt.hook('build:publicAssets', async (_wxt, files) => {
      const markdown = await readFile(join(wxt.config.root, 'PRIVACY.md'), 'utf8');
      files.push({ relativeDest: 'privacy.html', contents: markdownPage(markdown) });
    });
  },
});
