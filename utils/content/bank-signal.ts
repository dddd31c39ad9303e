/**
 * The detector's gate: whether a root or an added subtree shows a routing word (the words come
 * from the vocabulary: utils/detection/vocabulary-stems.ts) in its text or in an attribute that
 * names a field. A bank form needs a routing field, and CBP's file labels its routing number the
 * same way, so until some part of a frame shows one, the detector classifies nothing there.
 *
 * Native reads only: one textContent and one selector query per root or added subtree, never a
 * walk over its elements in script.
 */
import { hasRoutingSignal, routingAttributeSelector } from '@/utils/detection/vocabulary-stems';
import type { SearchRoot } from './collect-roots';

/** Attributes whose words the classifier reads (name and id as identifiers; `label` of Lightning hosts and options). */
export const SIGNAL_ATTRIBUTES = ['name', 'id', 'placeholder', 'aria-label', 'title', 'label'];
const ATTRIBUTE_SIGNAL = routingAttributeSelector(SIGNAL_ATTRIBUTES);
/** A name composed of several elements ("Bank" + "Key"), which the page text may hold apart. */
const COMPOSED_NAME = '[aria-labelledby*=" "]';
const SIGNAL_SELECTOR = `${ATTRIBUTE_SIGNAL}, ${COMPOSED_NAME}`;
/** Added into a parent this small, the parent's text is read too (a label completed by a later word). */
const SMALL_PARENT = 4;

function composedNameSignals(element: Element): boolean {
  const root = element.getRootNode() as SearchRoot;
  if (typeof root.getElementById !== 'function') return false;
  const parts: string[] = [];
  for (const id of (element.getAttribute('aria-labelledby') ?? '').split(/\s+/)) {
    const target = id ? root.getElementById(id) : null;
    if (target) parts.push(target.textContent ?? '');
  }
  return parts.length > 1 && hasRoutingSignal(parts.join(' '), true);
}

/** Whether one element's own attributes (not its text) show a routing word. */
export function elementSignals(element: Element): boolean {
  return element.matches(ATTRIBUTE_SIGNAL) || (element.matches(COMPOSED_NAME) && composedNameSignals(element));
}

function subtreeAttributesSignal(scope: ParentNode): boolean {
  const found = scope.querySelectorAll(SIGNAL_SELECTOR);
  for (let i = 0; i < found.length; i++) if (elementSignals(found[i]!)) return true;
  return false;
}

/** Whether a root (document or shadow root) shows a routing word anywhere. */
export function rootSignals(root: SearchRoot): boolean {
  const text = root.nodeType === 9 ? ((root as Document).body ?? (root as Document).documentElement)?.textContent : root.textContent;
  return (!!text && hasRoutingSignal(text)) || subtreeAttributesSignal(root);
}

/** Whether an added node (an element's subtree, or a text) shows a routing word. */
export function addedNodeSignals(node: Node): boolean {
  const parent = node.parentElement;
  // A word added beside others may complete a phrase ("Bank" + "Key"): read a small parent whole.
  const scope = parent && (node.nodeType === 3 || parent.childElementCount <= SMALL_PARENT) ? parent : node;
  if (hasRoutingSignal(scope.textContent ?? '')) return true;
  if (node.nodeType !== 1) return false;
  return elementSignals(node as Element) || subtreeAttributesSignal(node as Element);
}
