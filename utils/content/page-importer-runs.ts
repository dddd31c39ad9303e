/**
 * Reads which importer the page shows, element by element: each text that holds an
 * importer-number-shaped value, with the label beside it (a dt, the cell before it in its row,
 * a title span, aria-label) and the heading of the section, card or dialog around it; the pure
 * choice is utils/detection/page-importer.ts. Walks the roots the field detector already knows
 * (the document, open and closed shadow roots), never the page's glued `textContent`.
 */
import { findImporterNumbers } from '@/utils/bank/importer-number-search';
import { choosePageImporter, type ImporterRun, type PageImporter } from '@/utils/detection/page-importer';
import type { SearchRoot } from './detected-form';
import { ariaTexts, createLabelIndex, isShadowRoot, labelTexts, textOf } from './field-label-text';

export interface PageRun extends ImporterRun {
  /** The element holding the text: what gets `data-ace-ach-field="importer-number"`. */
  readonly element: HTMLElement;
}

export interface PageImporterReading {
  readonly importer: PageImporter;
  /** The elements showing the importer's number, when found. */
  readonly elements: HTMLElement[];
}

/** Every importer number has a run of 4 digits: other texts are skipped at once. */
const MAY_HOLD_NUMBER = /\d{4}/;
const NOT_PAGE_TEXT = new Set(['script', 'style', 'noscript', 'template', 'option', 'textarea', 'select', 'title']);
/** How far the reading goes: texts per page, label and context lengths, levels climbed for each. */
const LIMIT = { runs: 200, labelChars: 64, contextChars: 160, labelSteps: 3, contextSteps: 16 } as const;
/** Containers whose own heading or name tells whose numbers they hold. */
const SECTION =
  'section, article, aside, fieldset, dialog, [role=dialog], [role=alertdialog], [role=region], [role=group], [role=tabpanel], [aria-label], [aria-labelledby]';
const HEADING = 'h1, h2, h3, h4, h5, h6, [role=heading], legend, caption';
const HAS_LETTER = /\p{L}/u;

/** The element above `node`, crossing out of a shadow root to its host. */
function up(node: Node): HTMLElement | null {
  if (node.parentElement) return node.parentElement;
  const root = node.parentNode;
  return root && isShadowRoot(root) ? (root.host as HTMLElement) : null;
}

function nodeText(node: Node): string {
  if (node.nodeType === 3) return (node.nodeValue ?? '').replace(/\s+/g, ' ').trim();
  return node.nodeType === 1 ? textOf(node as Element) : '';
}

/**
 * The words before `holder` at its level or a few levels up: a title span, a dt, the cell
 * before it in its row. Separators ("·") are passed over; a text holding another number (the
 * pair before this one) or a long text ends the search.
 */
function labelBefore(holder: HTMLElement): string {
  let node: Node | null = holder;
  for (let step = 0; node && step <= LIMIT.labelSteps; step++) {
    for (let sibling = node.previousSibling; sibling; sibling = sibling.previousSibling) {
      const text = nodeText(sibling);
      if (!HAS_LETTER.test(text)) continue;
      if (text.length > LIMIT.labelChars || findImporterNumbers(text).length > 0) return '';
      return text;
    }
    const parent: HTMLElement | null = up(node);
    if (!parent || parent.matches(SECTION)) return '';
    node = parent;
  }
  return '';
}

function limited(text: string): string {
  return text.length <= LIMIT.contextChars ? text : text.slice(0, LIMIT.contextChars);
}

/** A heading among the few elements before `element` ("Designated Agent" above its table). */
function headingBefore(element: Element): string {
  let sibling = element.previousElementSibling;
  for (let step = 0; sibling && step < 3; step++, sibling = sibling.previousElementSibling) {
    if (sibling.matches(HEADING)) return textOf(sibling);
  }
  return '';
}

/** The header of the column holding `holder` in a table or grid ("Importer Number" above the rows). */
function columnHeader(holder: HTMLElement): string {
  const cell = holder.closest('td, [role=gridcell], [role=cell]');
  const row = cell?.parentElement;
  const grid = row?.closest('table, [role=grid], [role=table], [role=treegrid]');
  if (!cell || !row || !grid) return '';
  const index = Array.prototype.indexOf.call(row.children, cell);
  const header = grid.querySelector('tr:has(> th), [role=row]:has(> [role=columnheader])');
  const title = header && header !== row ? header.children[index] : undefined;
  return title?.matches('th, [role=columnheader]') ? textOf(title) : '';
}

/**
 * The header of its column, else the name or heading of the nearest section, card or dialog
 * around `holder` that has one.
 */
function contextOf(holder: HTMLElement): string {
  const column = columnHeader(holder);
  if (column) return limited(column);
  let element: HTMLElement | null = holder;
  for (let step = 0; element && step < LIMIT.contextSteps; step++, element = up(element)) {
    const before = headingBefore(element);
    if (before) return limited(before);
    if (!element.matches(SECTION)) continue;
    const root = element.getRootNode() as SearchRoot;
    const named = ariaTexts(element, root)[0] ?? (element.querySelector(HEADING) ? textOf(element.querySelector(HEADING)!) : '');
    if (named) return limited(named);
  }
  return '';
}

/** The runs of one root: texts holding an importer-number-shaped value, in document order. */
function runsOf(root: SearchRoot, isVisible: (element: Element) => boolean, runs: PageRun[]): void {
  const doc = root.nodeType === 9 ? (root as Document) : root.ownerDocument;
  if (!doc) return;
  // One native read of the root's text says whether any node can hold a number: most roots of
  // a big page hold none, and walking their text nodes one by one is what costs.
  const text = root.nodeType === 9 ? (root as Document).documentElement?.textContent : root.textContent;
  if (!text || !MAY_HOLD_NUMBER.test(text)) return;
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node && runs.length < LIMIT.runs; node = walker.nextNode()) {
    const value = node.nodeValue ?? '';
    if (!MAY_HOLD_NUMBER.test(value) || findImporterNumbers(value).length === 0) continue;
    const holder = up(node);
    if (!holder || NOT_PAGE_TEXT.has(holder.localName) || !isVisible(holder)) continue;
    const root = holder.getRootNode() as SearchRoot;
    const label = ariaTexts(holder, root)[0] ?? labelBefore(holder);
    runs.push({ label, value: value.replace(/[ \u00a0]+/g, ' ').trim(), context: contextOf(holder), element: holder });
  }
}

/** Inputs showing a number (SAP and read-only forms show values in inputs): the control's value. */
function inputRunsOf(root: SearchRoot, isVisible: (element: Element) => boolean, runs: PageRun[]): void {
  const inputs = root.querySelectorAll('input:not([type=hidden])');
  let labels: ReturnType<typeof createLabelIndex> | undefined;
  for (let i = 0; i < inputs.length && runs.length < LIMIT.runs; i++) {
    const input = inputs[i] as HTMLInputElement;
    const value = input.value;
    if (!MAY_HOLD_NUMBER.test(value) || findImporterNumbers(value).length === 0 || !isVisible(input)) continue;
    labels ??= createLabelIndex(root);
    const label = labelTexts(input, labels)[0] ?? ariaTexts(input, root)[0] ?? labelBefore(input);
    runs.push({ label, value: value.trim(), context: contextOf(input), element: input });
  }
}

export function readImporterRuns(roots: Iterable<SearchRoot>, isVisible: (element: Element) => boolean): PageRun[] {
  const runs: PageRun[] = [];
  for (const root of roots) {
    runsOf(root, isVisible, runs);
    inputRunsOf(root, isVisible, runs);
  }
  return runs;
}

/** The page's importer and, when found, the elements showing its number. */
export function readPageImporter(roots: Iterable<SearchRoot>, isVisible: (element: Element) => boolean): PageImporterReading {
  const runs = readImporterRuns(roots, isVisible);
  const importer = choosePageImporter(runs);
  const elements = importer.status === 'found' ? [...new Set(importer.runs.map((index) => runs[index]!.element))] : [];
  return { importer, elements };
}
