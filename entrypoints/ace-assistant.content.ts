/**
 * The page assistant, injected by the background (page/assistant) into a frame that found a
 * bank form and into its tab's top frame: takes over the page that ace.content.ts watches.
 * Never listed in the manifest, so pages without a bank form never parse it.
 */
import { ACE_MATCH_PATTERNS } from '@/utils/ace-hosts';
import { runPageAssistant } from '@/utils/content/assistant/page-assistant';
import { takePage } from '@/utils/content/page-handoff';

export default defineContentScript({
  matches: ACE_MATCH_PATTERNS,
  registration: 'runtime',
  main() {
    takePage(runPageAssistant);
  },
});
