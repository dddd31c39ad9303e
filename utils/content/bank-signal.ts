/**
 * The detector's gate: whether a root or an added subtree shows a routing word (the words come
 * from the vocabulary: utils/detection/vocabulary-stems.ts) in its text or in an attribute that
 * names a field. A bank form needs a routing field, and CBP's file labels its routing number the
 * same way, so until some part of a frame shows one, the detector classifies nothing there.
 *
 * Native reads first: one textContent per root or added subtree, and the few elements that can
 * carry a name outside the text (controls, elements with aria-label or a `label` attribute) from
 * native collections; their attributes are joined and searched at once.
 */
import { hasRoutingSignal } from '@/utils/detection/vocabulary-stems';
import type { SearchRoot } from './detected-form';
import { CONTROL_SELECTOR } from './field-label-text';

/** Attributes whose words the classifier reads as names (title too, cheaply, as pages name fields by it). */
export const SIGNAL_ATTRIBUTES = ['name', 'id', 'placeholder', 'aria-label', 'title', 'label'] as const;
/** Elements that may be named by attributes alone: controls, aria-labelled values and groups, Lightning hosts, options. */
const CARRIERS = `${CONTROL_SELECTOR}, [aria-label], [label]`;
/** Added into a parent this small, the parent's text is read too (a label completed by a later word). */
const SMALL_PARENT = 4;

/** A name composed of several elements ("Bank" + "Key"), which the page text may hold apart. */
function composedNameSignals(element: Element): boolean {
  const ids = element.getAttribute('aria-labelledby');
  if (!ids || !/\S\s+\S/.test(ids)) return false;
  const root = element.getRootNode() as SearchRoot;
  if (typeof root.getElementById !== 'function') return false;
  const parts: string[] = [];
  for (const id of ids.split(/\s+/)) {
    const target = id ? root.getElementById(id) : null;
    if (target) parts.push(target.textContent ?? '');
  }
  return hasRoutingSignal(parts.join(' '), true);
}

/** Whether one element's own attributes (not its text) show a routing word. */
export function elementSignals(element: Element): boolean {
  for (const attribute of SIGNAL_ATTRIBUTES) {
    const value = element.getAttribute(attribute);
    if (value && hasRoutingSignal(value, true)) return true;
  }
  return composedNameSignals(element);
}

/** Whether any of `elements` shows a routing word in its attributes: one search over them all first. */
function anySignals(lists: ArrayLike<Element>[]): boolean {
  const values: string[] = [];
  const composed: Element[] = [];
  for (const list of lists) {
    for (let i = 0; i < list.length; i++) {
      const element = list[i]!;
      for (const attribute of SIGNAL_ATTRIBUTES) {
        const value = element.getAttribute(attribute);
        if (value) values.push(value);
      }
      if (/\S\s+\S/.test(element.getAttribute('aria-labelledby') ?? '')) composed.push(element);
    }
  }
  // The joined text holds every attribute's words: nothing there, nothing in any of them.
  if (values.length > 0 && hasRoutingSignal(values.join('\n'), true) && lists.some((list) => Array.prototype.some.call(list, elementSignals))) {
    return true;
  }
  return composed.some(composedNameSignals);
}

/**
 * The elements of a scope that may carry a name in attributes. On a document, one fast query
 * per tag or attribute (a selector list takes the engine's slow path over every element).
 */
function carriersIn(scope: Document | ShadowRoot | Element): ArrayLike<Element>[] {
  if (scope.nodeType !== 9) return [scope.querySelectorAll(CARRIERS)];
  const doc = scope as Document;
  return [
    doc.getElementsByTagName('input'),
    doc.getElementsByTagName('select'),
    doc.getElementsByTagName('textarea'),
    doc.querySelectorAll('[role=combobox]'),
    doc.querySelectorAll('[aria-label]'),
    doc.querySelectorAll('[label]'),
  ];
}

/** Whether a root (document or shadow root) shows a routing word anywhere. */
export function rootSignals(root: SearchRoot): boolean {
  const text = root.nodeType === 9 ? ((root as Document).body ?? (root as Document).documentElement)?.textContent : root.textContent;
  return (!!text && hasRoutingSignal(text)) || anySignals(carriersIn(root));
}

/** Whether an added node (an element's subtree, or a text) shows a routing word. */
export function addedNodeSignals(node: Node): boolean {
  const parent = node.parentElement;
  // A word added beside others may complete a phrase ("Bank" + "Key"): read a small parent whole.
  const scope = parent && (node.nodeType === 3 || parent.childElementCount <= SMALL_PARENT) ? parent : node;
  if (hasRoutingSignal(scope.textContent ?? '')) return true;
  if (node.nodeType !== 1) return false;
  return anySignals([[node as Element], carriersIn(node as Element)[0]!]);
}
