// @vitest-environment happy-dom
/**
 * Incremental scans (scan-added.ts): after controls are added, merging the classified additions
 * into the last scan must give what a full rescan gives, or decline (null) so the caller rescans.
 * Checked on generated pages (tests/support/layout-variants.ts) with additions of every shape at
 * random places; and through the detector, a late form and a control added beside its label.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { classifyField } from '@/utils/detection/classify-field';
import type { FieldFeatures } from '@/utils/detection/field-features';
import { FIELD_ATTRIBUTE } from '@/utils/content/field-marks';
import { scanAdded } from '@/utils/content/scan-added';
import { scanRoot, WATCHED_SELECTOR, type RootScan } from '@/utils/content/scan-root';
import type { DetectedForm } from '@/utils/content/field-detection';
import { generateVariants, type LayoutPage } from '../../support/layout-variants';
import { ENABLED_SPACE } from '../../support/layout-space';
import { mountLayout } from '../../support/mount-layout';
import { seededRandom, type Random } from '../../support/seeded-random';
import { settleDetection, startTestDetection } from '../../support/start-detection';

const PAGES = generateVariants(ENABLED_SPACE).filter((page) => page.options.shadow === 'none');

/** What a scan says, with elements compared by identity. */
function summary(scan: RootScan) {
  return {
    fields: scan.fields.map((field) => [field.kind, field.control, field.element, field.elements, field.options?.map((option) => option.element), field.classification]),
    values: scan.values.map((value) => [value.kind, value.element]),
  };
}

/** A page's markup with its ids renamed, so it can sit beside another page. */
function renamed(page: LayoutPage, prefix: string): string {
  return page.html
    .replace(/\b(id|for|name)="([^"]*)"/g, (_, attribute: string, value: string) => `${attribute}="${prefix}${value}"`)
    .replace(/\b(aria-labelledby|aria-controls|aria-owns|headers)="([^"]*)"/g, (_, attribute: string, value: string) => `${attribute}="${value.split(/\s+/).map((id) => prefix + id).join(' ')}"`);
}

const pick = <T,>(random: Random, list: readonly T[]): T => list[Math.floor(random() * list.length)]!;

/** Inserts `nodes` at the end of the page (as apps append), or before, after or inside a random element. */
function insertSomewhere(random: Random, nodes: Node[]) {
  if (random() < 0.4) {
    document.body.append(...nodes);
    return;
  }
  const targets = Array.from(document.body.querySelectorAll('*'));
  const target = pick(random, [document.body, ...targets]);
  const where = target === document.body ? pick(random, ['prepend', 'append'] as const) : pick(random, ['before', 'after', 'prepend', 'append'] as const);
  target[where](...nodes);
}

/** What the detector does for every batch: labels added to a root join its label index. */
function indexLabels(previous: RootScan, nodes: Node[]) {
  for (const node of nodes) {
    if (node.nodeType !== 1) continue;
    const element = node as Element;
    previous.labels?.add([...(element.matches('label') ? [element] : []), ...element.querySelectorAll('label')]);
  }
}

function watchedIn(nodes: Node[]): Element[] {
  const found: Element[] = [];
  for (const node of nodes) {
    if (node.nodeType !== 1) continue;
    const element = node as Element;
    if (element.matches(WATCHED_SELECTOR)) found.push(element);
    found.push(...element.querySelectorAll(WATCHED_SELECTOR));
  }
  return found;
}

afterEach(() => {
  document.body.replaceChildren();
});

describe('scanAdded on generated pages', () => {
  it('equals a full rescan whenever it does not decline', () => {
    const random = seededRandom(2026);
    let merged = 0;
    let declined = 0;
    for (let round = 0; round < 240; round++) {
      const page = pick(random, PAGES);
      document.body.innerHTML = '<main></main>';
      mountLayout(document.querySelector('main')!, page);
      const shape = round % 4;
      let nodes: Node[];
      if (shape === 3) {
        // A control rendered after its label: taken out before the first scan, put back after.
        const controls = Array.from(document.querySelectorAll('input:not([type=radio]), select'));
        const control = pick(random, controls);
        const place = { parent: control.parentNode!, next: control.nextSibling };
        control.remove();
        const previous = scanRoot(document);
        place.parent.insertBefore(control, place.next);
        nodes = [control];
        const result = scanAdded(document, previous, nodes, watchedIn(nodes), classifyField);
        if (result) {
          merged++;
          expect(summary(result)).toEqual(summary(scanRoot(document)));
        } else declined++;
        continue;
      }
      const previous = scanRoot(document);
      const other = pick(random, PAGES);
      const holder = document.createElement('div');
      holder.innerHTML = renamed(other, `r${round}-`);
      if (shape === 0) nodes = [holder];
      else if (shape === 1) nodes = Array.from(holder.childNodes);
      else {
        // Bare controls, with or without a label of their own.
        nodes = Array.from({ length: 1 + Math.floor(random() * 3) }, (_, i) => {
          const span = document.createElement('span');
          span.innerHTML = random() < 0.5 ? `<input id="x${round}-${i}">` : `<label for="x${round}-${i}">Bank Account Number</label><input id="x${round}-${i}">`;
          return span;
        });
      }
      insertSomewhere(random, nodes);
      indexLabels(previous, nodes);
      const result = scanAdded(document, previous, nodes, watchedIn(nodes), classifyField);
      if (result) {
        merged++;
        expect(summary(result)).toEqual(summary(scanRoot(document)));
      } else declined++;
    }
    // Both paths were taken often enough for the comparison to mean something.
    expect(merged).toBeGreaterThan(50);
    expect(declined).toBeGreaterThan(20);
  });

  it('declines where an addition renames what was there', () => {
    document.body.innerHTML = `<div><span id="t">Notes</span><input id="a"></div><fieldset><legend>Bank Routing Number</legend><input id="r"></fieldset>`;
    const previous = scanRoot(document);
    // A new text right before the old input changes its nearby text.
    const span = document.createElement('span');
    span.textContent = 'Bank Account Number';
    document.getElementById('a')!.before(span);
    expect(scanAdded(document, previous, [span], [], classifyField)).toBeNull();
    span.remove();
    // A second control in the fieldset takes its legend from the first.
    const input = document.createElement('input');
    document.querySelector('fieldset')!.append(input);
    expect(scanAdded(document, previous, [input], [input], classifyField)).toBeNull();
    input.remove();
    // A label naming an old control.
    const label = document.createElement('label');
    label.htmlFor = 'a';
    label.textContent = 'Bank Account Number';
    document.body.append(label);
    expect(scanAdded(document, previous, [label], [], classifyField)).toBeNull();
  });
});

describe('incremental scans through the detector', () => {
  let controller: AbortController;
  let reports: (DetectedForm | null)[];
  let classified: FieldFeatures[];

  beforeEach(() => {
    controller = new AbortController();
    reports = [];
    classified = [];
  });
  afterEach(() => controller.abort());

  function start() {
    return startTestDetection(controller.signal, reports, {
      classify: (features) => {
        classified.push(features);
        return classifyField(features);
      },
    });
  }
  const settle = settleDetection;
  const marks = () => Array.from(document.querySelectorAll(`[${FIELD_ATTRIBUTE}]`), (element) => [element.id, element.getAttribute(FIELD_ATTRIBUTE)]);

  it('classifies only the added controls of a batch that just adds, and finds a late form among them', async () => {
    document.body.innerHTML = `<h1>ACH Refund Authorization: Bank Routing Number on file below</h1>${Array.from({ length: 20 }, (_, i) => `<div><label for="u${i}">Entry Line ${i}</label><input id="u${i}"></div>`).join('')}<div id="dyn"></div>`;
    start();
    expect(classified).toHaveLength(20);
    classified = [];
    const dyn = document.getElementById('dyn')!;
    for (let i = 0; i < 5; i++) dyn.insertAdjacentHTML('beforeend', `<div><label for="d${i}">Added Line ${i}</label><input id="d${i}"></div>`);
    await settle();
    expect(classified).toHaveLength(5);
    classified = [];
    dyn.insertAdjacentHTML('beforeend', `<form><label for="r">Bank Routing Number</label><input id="r"><label for="a">Bank Account Number</label><input id="a"></form>`);
    await settle();
    expect(classified).toHaveLength(2);
    expect(marks()).toEqual([
      ['r', 'routing'],
      ['a', 'account'],
    ]);
  });

  it('finds a control added next to the label that names it', async () => {
    document.body.innerHTML = `<label for="r">Bank Routing Number</label><span id="slot"></span><label for="a">Bank Account Number</label><input id="a">`;
    start();
    expect(reports).toEqual([]);
    const input = document.createElement('input');
    input.id = 'r';
    document.getElementById('slot')!.append(input);
    await settle();
    expect(marks()).toEqual([
      ['r', 'routing'],
      ['a', 'account'],
    ]);
    expect(reports.at(-1)?.fields.map((field) => field.kind)).toEqual(['routing', 'account']);
  });
});
