/**
 * Reads the page's structure around candidate bank forms for the refund-form decision
 * (utils/detection/refund-form.ts): splits the visible fields into one candidate per editable
 * routing field, and reads each candidate's titles — the nearest heading before it, the legend,
 * aria-label(ledby), tab or card title of the regions around it — across shadow boundaries.
 */
import { isBankForm } from '@/utils/detection/bank-form';
import { chooseRefundForm, formPurpose, titlePurpose } from '@/utils/detection/refund-form';
import type { SearchRoot } from './detected-form';
import type { DetectedField, DetectedForm, OnFileValue } from './detected-form';
import { ariaTexts, textOf } from './field-label-text';
import type { VisibilityCheck } from './field-visibility';

const HEADING = 'h1, h2, h3, h4, h5, h6, [role=heading]';
/** Longer "titles" are paragraphs. */
const MAX_TITLE_LENGTH = 120;
/** Titles read per field: the nearest few decide, the page's outer ones rarely matter. */
const MAX_TITLES = 8;

/** The parent across shadow boundaries (a shadow root's host). */
function composedParent(node: Element): Element | null {
  if (node.parentElement) return node.parentElement;
  const root = node.getRootNode();
  return root.nodeType === 11 && 'host' in root ? (root as ShadowRoot).host : null;
}

function headingLevel(heading: Element): number {
  const tag = /^h([1-6])$/.exec(heading.localName);
  if (tag) return Number(tag[1]);
  const level = Number.parseInt(heading.getAttribute('aria-level') ?? '', 10);
  return Number.isFinite(level) && level > 0 ? level : 2;
}

function limited(text: string): string | undefined {
  return text && text.length <= MAX_TITLE_LENGTH ? text : undefined;
}

/** What a region around the fields calls itself: aria name, legend, its tab, a summary, a component's title. */
function regionTitle(region: Element): string | undefined {
  const root = region.getRootNode() as SearchRoot;
  if (root.nodeType !== 9 && root.nodeType !== 11) return undefined;
  const aria = ariaTexts(region, root)[0];
  if (aria) return aria;
  if (region.localName === 'fieldset' || region.localName === 'details') {
    const caption = region.querySelector(':scope > legend, :scope > summary');
    if (caption) return limited(textOf(caption));
  }
  if (region.getAttribute('role') === 'tabpanel' && region.id) {
    const tab = root.querySelector(`[role=tab][aria-controls~="${CSS.escape(region.id)}"]`);
    if (tab) return limited(textOf(tab));
  }
  // A component host's title (lightning-card title="...").
  if (region.localName.includes('-')) return limited(region.getAttribute('title') ?? '') || undefined;
  return undefined;
}

/**
 * Titles around `element`, nearest first: going up from it, the headings before it at each
 * level (only ones that outrank those already found, as an outline nests), and the title of each
 * region it lies in. Headings the user cannot see (another tab's) say nothing.
 */
export function sectionTitles(element: Element, isVisible: VisibilityCheck, enough: (title: string) => boolean = () => false): string[] {
  const titles: string[] = [];
  let level = 7;
  let node: Element | null = element;
  // Stops at the first title that is `enough`: the walk up a large page is the costly part.
  while (node && titles.length < MAX_TITLES && !(titles.length > 0 && enough(titles[titles.length - 1]!))) {
    for (let sibling = node.previousElementSibling; sibling && level > 1; sibling = sibling.previousElementSibling) {
      const headings = sibling.matches(HEADING) ? [sibling] : Array.from(sibling.querySelectorAll(HEADING)).reverse();
      for (const heading of headings) {
        const rank = headingLevel(heading);
        if (rank >= level || !isVisible(heading)) continue;
        const text = limited(textOf(heading));
        if (!text) continue;
        titles.push(text);
        level = rank;
        if (enough(text)) return titles;
      }
    }
    const parent = composedParent(node);
    const title = parent && regionTitle(parent);
    if (title) titles.push(title);
    node = parent;
  }
  return titles;
}

const saysPurpose = (title: string) => titlePurpose(title) !== 'unknown';

function isEditable(element: HTMLElement): boolean {
  if ((element as HTMLInputElement).readOnly || (element as HTMLInputElement).disabled) return false;
  return element.getAttribute('aria-readonly') !== 'true' && element.getAttribute('aria-disabled') !== 'true';
}

/** The element and everything above it, across shadow boundaries. */
function chainOf(element: Element): Element[] {
  const chain: Element[] = [];
  for (let node: Element | null = element; node; node = composedParent(node)) chain.push(node);
  return chain.reverse();
}

interface Candidate {
  routing: DetectedField;
  block: Element;
  fields: DetectedField[];
  onFile: OnFileValue[];
  titles: string[];
}

/**
 * One candidate per editable routing field: the largest part of the page around it that holds
 * no other one. Fields and values outside every candidate are returned apart.
 */
function splitCandidates(fields: readonly DetectedField[], onFile: readonly OnFileValue[]) {
  // Read-only routing boxes show what is on file; they anchor a form only where nothing is editable.
  const all = fields.filter((field) => field.kind === 'routing');
  const editable = all.filter((field) => isEditable(field.element));
  const routings = editable.length > 0 ? editable : all;
  const chains = routings.map((field) => chainOf(field.element));
  const candidates: Candidate[] = routings.map((routing, i) => {
    const chain = chains[i]!;
    let shared = 0;
    chains.forEach((other, j) => {
      if (j === i) return;
      let common = 0;
      while (common < chain.length && chain[common] === other[common]) common++;
      shared = Math.max(shared, common);
    });
    return { routing, block: chain[Math.min(shared, chain.length - 1)]!, fields: [], onFile: [], titles: [] };
  });
  const rest = { fields: [] as DetectedField[], onFile: [] as OnFileValue[] };
  const owner = (element: Element) => {
    if (candidates.length === 1) return candidates[0];
    const chain = new Set(chainOf(element));
    return candidates.find((candidate) => chain.has(candidate.block));
  };
  for (const field of fields) (owner(field.element)?.fields ?? rest.fields).push(field);
  for (const value of onFile) (owner(value.element)?.onFile ?? rest.onFile).push(value);
  return { candidates, rest };
}

/**
 * The refund form among the visible fields: the candidates' fields and values that belong to
 * it, plus those outside every candidate unless their own titles name another account. When
 * nothing tells candidates apart, the form has no fields until the user chose (`chosenRouting`:
 * the routing field of the candidate chosen earlier).
 */
export function pickRefundForm(
  fields: readonly DetectedField[],
  onFile: readonly OnFileValue[],
  isVisible: VisibilityCheck,
  chosenRouting: Element | null,
): DetectedForm | null {
  const { candidates, rest } = splitCandidates(fields, onFile);
  if (candidates.length === 0) return null;
  for (const candidate of candidates) candidate.titles = sectionTitles(candidate.routing.element, isVisible, saysPurpose);
  const choice = chooseRefundForm(candidates.map((candidate) => ({ kinds: candidate.fields.map((f) => f.kind), titles: candidate.titles })));
  if (choice.choice === 'none') return null;
  let index = choice.choice === 'one' ? choice.index : choice.indexes.find((i) => candidates[i]!.routing.element === chosenRouting);
  const others = candidates.length > 1 ? outside(rest, isVisible) : rest;
  if (index === undefined) {
    const asked = (choice as { indexes: readonly number[] }).indexes.map((i, n) => ({
      title: candidates[i]!.titles[0] ?? `Form ${n + 1}`,
      fields: candidates[i]!.fields,
    }));
    return { fields: [], onFile: [], candidates: asked };
  }
  const chosen = candidates[index]!;
  const inOrder = new Set([...chosen.fields, ...others.fields]);
  const values = new Set([...chosen.onFile, ...others.onFile]);
  return { fields: fields.filter((field) => inOrder.has(field)), onFile: onFile.filter((value) => values.has(value)) };
}

/** Fields outside every candidate, less those whose titles name another account. */
function outside(rest: { fields: DetectedField[]; onFile: OnFileValue[] }, isVisible: VisibilityCheck) {
  const keep = (element: Element) => formPurpose(sectionTitles(element, isVisible, saysPurpose)) !== 'other';
  return { fields: rest.fields.filter((field) => keep(field.element)), onFile: rest.onFile.filter((value) => keep(value.element)) };
}

/**
 * Where no editable refund form is shown, CBP's file alone (view mode of an inline-edit record,
 * a read-only section, one field being edited) showing a routing and an account number is the
 * form: nothing to fill, but compared with the profile. Never another account's values.
 */
export function onFileOnlyForm(fields: readonly DetectedField[], onFile: readonly OnFileValue[], isVisible: VisibilityCheck): DetectedForm | null {
  if (!isBankForm(onFile.filter((value) => /\d/.test(value.text)).map((value) => value.kind))) return null;
  const kept = outside({ fields: [...fields], onFile: [...onFile] }, isVisible);
  const shown = kept.onFile.filter((value) => /\d/.test(value.text));
  return isBankForm(shown.map((value) => value.kind)) ? kept : null;
}
