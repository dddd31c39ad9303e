/**
 * A field's own label texts, read from the page at fill time for the fill engine's last safety
 * net (utils/form-checks/number-field-guard.ts): label[for], the wrapping label, aria-label /
 * -labelledby, a component host's label, the placeholder; the text before it only when nothing
 * names it directly (grids and table cells).
 */
import type { SearchRoot } from '../detected-form';
import { ariaTexts, createLabelIndex, labelTexts, precedingTexts } from '../field-label-text';

export function ownLabelTexts(element: HTMLElement): string[] {
  const root = element.getRootNode() as SearchRoot;
  if (root.nodeType !== 9 && root.nodeType !== 11) return [];
  const texts = [...labelTexts(element, createLabelIndex(root)), ...ariaTexts(element, root)];
  const placeholder = element.getAttribute('placeholder');
  if (placeholder) texts.push(placeholder);
  return texts.length > 0 ? texts : precedingTexts(element);
}
