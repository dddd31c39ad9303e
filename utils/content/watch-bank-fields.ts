/**
 * Finds the bank fields of the page (top document, open shadow roots, fields added later) and
 * marks each with `data-ace-ach-field`, the testing contract, plus a badge in our isolated UI.
 * DOM changes are batched: one scan per burst of mutations, never one per mutation.
 */
import { classifyFieldLabel } from '@/utils/classify-field-label';
import { collectShadowRoots } from './collect-roots';
import { fieldLabelText } from './field-label-text';
import { createFieldBadges } from './field-badges';

export const FIELD_ATTRIBUTE = 'data-ace-ach-field';
const SCAN_DELAY_MS = 50;

type ScheduleTimeout = (callback: () => void, ms: number) => unknown;

export function watchBankFields(
  doc: Document,
  signal: AbortSignal,
  setTimer: ScheduleTimeout = (callback, ms) => setTimeout(callback, ms),
): void {
  const watchedRoots = new Set<ShadowRoot>();
  const badges = createFieldBadges(doc, signal);
  const observer = new MutationObserver(() => scheduleScan());
  let scanPending = false;

  function observe(root: Document | ShadowRoot) {
    observer.observe(root, { childList: true, subtree: true });
  }

  function scan() {
    scanPending = false;
    if (signal.aborted) return;
    const roots = new Set<ShadowRoot>();
    collectShadowRoots(doc, roots);
    for (const root of roots) {
      if (!watchedRoots.has(root)) {
        watchedRoots.add(root);
        observe(root);
      }
    }
    const marked: HTMLElement[] = [];
    for (const root of [doc, ...roots]) {
      for (const input of root.querySelectorAll<HTMLInputElement>('input:not([type=hidden])')) {
        const kind = classifyFieldLabel(fieldLabelText(input));
        if (kind) {
          if (input.getAttribute(FIELD_ATTRIBUTE) !== kind) input.setAttribute(FIELD_ATTRIBUTE, kind);
          marked.push(input);
        }
      }
    }
    badges.show(marked);
  }

  function scheduleScan() {
    if (scanPending || signal.aborted) return;
    scanPending = true;
    setTimer(scan, SCAN_DELAY_MS);
  }

  observe(doc);
  signal.addEventListener('abort', () => observer.disconnect(), { once: true });
  scan();
}
