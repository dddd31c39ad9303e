/**
 * Content script on the ACE Portal hosts, in every frame: finds the bank fields and marks them.
 */
import { ACE_MATCH_PATTERNS } from '@/utils/ace-hosts';
import { watchBankFields } from '@/utils/content/watch-bank-fields';

export default defineContentScript({
  matches: ACE_MATCH_PATTERNS,
  allFrames: true,
  runAt: 'document_idle',
  main(ctx) {
    watchBankFields(document, ctx.signal, (callback, ms) => ctx.setTimeout(callback, ms));
  },
});
