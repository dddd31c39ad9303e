// @vitest-environment happy-dom
/**
 * The detector's gate (field-detection.ts, bank-signal.ts): a frame that shows no routing word
 * costs no classification and no layout read; a routing word appearing later anywhere (a new
 * subtree, a new shadow root, an attribute) opens it and the form is found as before.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { classifyField } from '@/utils/detection/classify-field';
import type { FieldFeatures } from '@/utils/detection/field-features';
import { FIELD_ATTRIBUTE } from '@/utils/content/field-marks';
import type { startFieldDetection, DetectedForm } from '@/utils/content/field-detection';
import { settleDetection, startTestDetection } from '../../support/start-detection';

let controller: AbortController;
let reports: (DetectedForm | null)[];
let classified: number;
let visibilityReads: number;

function start(extra: Partial<Parameters<typeof startFieldDetection>[0]> = {}) {
  return startTestDetection(controller.signal, reports, {
    isVisible: () => {
      visibilityReads++;
      return true;
    },
    classify: (features: FieldFeatures) => {
      classified++;
      return classifyField(features);
    },
    ...extra,
  });
}

const settle = settleDetection;

const kinds = (root: ParentNode = document) => Array.from(root.querySelectorAll(`[${FIELD_ATTRIBUTE}]`), (element) => element.getAttribute(FIELD_ATTRIBUTE));

/** Many labelled fields of an ACE page that are none of ours. */
const UNRELATED = Array.from(
  { length: 30 },
  (_, i) => `<div><label for="u${i}">${['Entry Number', 'Port of Entry', 'Invoice Value', 'Carrier Code'][i % 4]} ${i}</label><input id="u${i}" name="field${i}"></div>`,
).join('');
/** Bank words without a routing word: no bank form can be here. */
const NO_ROUTING = `<label for="n1">Bank Account Number</label><input id="n1"><label for="n2">Bank Name</label><input id="n2"><label for="n3">Importer Number</label><input id="n3">`;

beforeEach(() => {
  controller = new AbortController();
  reports = [];
  classified = 0;
  visibilityReads = 0;
});
afterEach(() => {
  controller.abort();
  document.body.replaceChildren();
});

describe('the detector gate', () => {
  it('classifies nothing and reads no layout on a page without a routing word, however it changes', async () => {
    document.body.innerHTML = UNRELATED + NO_ROUTING;
    const detection = start();
    const more = document.createElement('section');
    more.innerHTML = (UNRELATED + NO_ROUTING).replace(/(u|n)(\d+)/g, 'v$1$2');
    document.body.append(more);
    document.getElementById('u1')!.setAttribute('aria-label', 'Account Number');
    await settle();
    expect(classified).toBe(0);
    expect(visibilityReads).toBe(0);
    expect(reports).toEqual([]);
    expect(detection.roots()).toEqual([document]);
  });

  it('classifies as before when the page shows a routing word at start', () => {
    document.body.innerHTML = `${UNRELATED}<label for="r">Bank Routing Number</label><input id="r"><label for="a">Bank Account Number</label><input id="a">`;
    start();
    expect(classified).toBeGreaterThan(30);
    expect(kinds()).toEqual(['routing', 'account']);
  });

  it('opens on a form added later in a new subtree, and finds it with the fields that were already there', async () => {
    document.body.innerHTML = `${UNRELATED}<label for="a">Bank Account Number</label><input id="a">`;
    start();
    const section = document.createElement('section');
    section.innerHTML = `<div><span>ABA/Routing No.</span><input id="r"></div>`;
    document.body.append(section);
    await settle();
    expect(classified).toBeGreaterThan(30);
    // The account field was present before the signal: it is scanned once the gate opens.
    expect(reports.at(-1)?.fields.map((field) => [field.element.id, field.kind])).toEqual([
      ['a', 'account'],
      ['r', 'routing'],
    ]);
  });

  it('opens on a routing word in a shadow root attached later', async () => {
    document.body.innerHTML = UNRELATED;
    start();
    await settle();
    expect(classified).toBe(0);
    const host = document.createElement('c-bank-card');
    host.attachShadow({ mode: 'open' }).innerHTML = `<label for="r">Bank Key</label><input id="r"><label for="a">Bank Account</label><input id="a">`;
    document.body.append(host);
    await settle();
    expect(kinds(host.shadowRoot!)).toEqual(['routing', 'account']);
  });

  it('opens on a routing word in a closed shadow root present at start', () => {
    document.body.innerHTML = UNRELATED;
    const host = document.createElement('c-bank-card');
    const closed = host.attachShadow({ mode: 'closed' });
    closed.innerHTML = `<input placeholder="Routing number"><input placeholder="Account number">`;
    document.body.append(host);
    start({ shadowRootOf: (element) => (element === host ? closed : element.shadowRoot) });
    expect(kinds(closed)).toEqual(['routing', 'account']);
  });

  it('opens on an attribute set later (aria-label, a Lightning host label)', async () => {
    document.body.innerHTML = `${UNRELATED}<input id="r"><label for="a">Account Number</label><input id="a">`;
    start();
    await settle();
    expect(classified).toBe(0);
    document.getElementById('r')!.setAttribute('aria-label', 'Routing Number');
    await settle();
    expect(kinds()).toEqual(['routing', 'account']);
  });

  it('opens on a Lightning host whose label attribute names the routing number', async () => {
    document.body.innerHTML = `<lightning-input id="host"></lightning-input><label for="a">Bank Account Number</label><input id="a">`;
    const host = document.getElementById('host')!;
    const root = host.attachShadow({ mode: 'open' });
    root.innerHTML = `<input id="inner">`;
    start();
    expect(classified).toBe(0);
    host.setAttribute('label', 'Bank Key');
    await settle();
    expect(kinds(root)).toEqual(['routing']);
    expect(kinds()).toEqual(['account']);
  });

  it('opens on a phrase completed by a later word, and on a name composed of two elements', async () => {
    document.body.innerHTML = `<label for="r" id="rl">Bank</label><input id="r" maxlength="9"><label for="a">Bank Account</label><input id="a">`;
    start();
    document.getElementById('rl')!.append(' Key');
    await settle();
    expect(kinds()).toEqual(['routing', 'account']);

    controller.abort();
    controller = new AbortController();
    document.body.innerHTML = `<span id="p2">Key</span><p>Other text</p><span id="p1">Bank</span><input aria-labelledby="p1 p2"><label for="a2">Bank Account</label><input id="a2">`;
    start();
    expect(kinds()).toEqual(['routing', 'account']);
  });
});
