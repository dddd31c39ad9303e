/**
 * The accessibility audit's steps: axe-core (through @axe-core/playwright) on one state of a page,
 * keeping the serious and critical violations, and a way for axe to see the assistant's UI,
 * which lives in a closed shadow root.
 *
 * Why the in-page UI is audited where it is drawn, and how: axe runs as page script, and a page
 * script cannot enter a closed root (that is the point of it). The DevTools protocol can: it
 * hands the test the real closed root (DOM.resolveNode), and the test gives the host element, in
 * the page's main world only, a `shadowRoot` getter returning it. axe then walks, measures and
 * colour-checks the very DOM and CSS the extension drew on the practice page, with the page's
 * own layout around it, and descends into the picker's frame from there. Nothing changes for the
 * extension: its content script lives in an isolated world, where the host's wrapper is another
 * object and the root stays closed. A test-only copy of the UI would audit a copy.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Frame, Locator, Page } from '@playwright/test';
import axe from 'axe-core';
import { expect } from './fixtures';

interface PiercedNode {
  nodeName: string;
  backendNodeId: number;
  children?: PiercedNode[];
  shadowRoots?: PiercedNode[];
  contentDocument?: PiercedNode;
}

function assistantRoots(node: PiercedNode, into: PiercedNode[]) {
  if (node.nodeName === 'ACE-ACH-ASSIST-UI' && node.shadowRoots?.[0]) into.push(node.shadowRoots[0]);
  for (const child of [...(node.shadowRoots ?? []), ...(node.children ?? [])]) assistantRoots(child, into);
}

/** Lets this page's main world (where axe runs) see the assistant's closed root, for this test only. */
export async function exposeAssistantRoot(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: PiercedNode };
    const roots: PiercedNode[] = [];
    assistantRoots(root, roots);
    expect(roots, 'the assistant UI is on the page').toHaveLength(1);
    const { object } = await cdp.send('DOM.resolveNode', { backendNodeId: roots[0]!.backendNodeId });
    await cdp.send('Runtime.callFunctionOn', {
      objectId: object.objectId!,
      functionDeclaration: `function () {
        const root = this;
        Object.defineProperty(root.host, 'shadowRoot', { configurable: true, get: () => root });
      }`,
    });
  } finally {
    await cdp.detach();
  }
}

export interface Finding {
  rule: string;
  impact: string;
  help: string;
  targets: string[];
}

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

type Results = Awaited<ReturnType<AxeBuilder['analyze']>>;

const serious = (results: Results['violations']): Finding[] =>
  results
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => ({
      rule: violation.id,
      impact: violation.impact!,
      help: violation.help,
      targets: violation.nodes.map((node) => JSON.stringify(node.target)),
    }));

/** The elements whose contrast axe could not judge (e.g. scrolled under a sticky footer). */
const contrastUnknown = (results: Results): string[] =>
  results.incomplete.filter((rule) => rule.id === 'color-contrast').flatMap((rule) => rule.nodes.map((node) => JSON.stringify(node.target)));

async function analyze(page: Page, include?: string): Promise<Results> {
  let builder = new AxeBuilder({ page }).withTags(TAGS);
  if (include) builder = builder.include(include);
  return builder.analyze();
}

/** Fails with what axe found (rule, impact, elements) when `page` has a serious or critical violation. */
export async function expectNoSeriousViolations(page: Page, what: string, include?: string): Promise<void> {
  expect(serious((await analyze(page, include)).violations), `axe on ${what}`).toEqual([]);
}

/**
 * A view taller than its scrolling box (the popup's editor, whose actions stick to its bottom):
 * audited at every half box height from top to bottom, and every element whose contrast axe
 * could not judge at one place (under the sticky footer) must be judged at another.
 */
export async function expectNoSeriousViolationsScrolled(page: Page, what: string, scroller: Locator): Promise<void> {
  const { height, full } = await scroller.evaluate((element) => ({ height: element.clientHeight, full: element.scrollHeight }));
  let unknown: string[] | undefined;
  for (let top = 0; ; top = Math.min(top + height / 2, full - height)) {
    await scroller.evaluate((element, top) => element.scrollTo(0, top), top);
    const results = await analyze(page);
    expect(serious(results.violations), `axe on ${what}, scrolled to ${top}px`).toEqual([]);
    const here = contrastUnknown(results);
    unknown = unknown ? unknown.filter((target) => here.includes(target)) : here;
    if (top >= full - height) break;
  }
  expect(unknown, `contrast never judged on ${what}`).toEqual([]);
}

/**
 * axe in one frame of the page (the picker, our extension page inside the assistant's closed
 * root, which Playwright cannot reach from the iframe element, so @axe-core/playwright cannot
 * descend into it from the page): axe-core's own script run in that frame, as the builder does.
 */
export async function expectNoSeriousViolationsInFrame(frame: Frame, what: string): Promise<void> {
  await frame.evaluate(axe.source);
  const results = (await frame.evaluate(
    (tags) => (window as unknown as { axe: typeof axe }).axe.run(document, { runOnly: { type: 'tag', values: tags } }),
    TAGS,
  )) as Results;
  expect(serious(results.violations), `axe on ${what}`).toEqual([]);
  expect(contrastUnknown(results), `contrast not judged on ${what}`).toEqual([]);
}

/** WCAG's contrast ratio of two opaque sRGB colours. */
function contrast(a: readonly number[], b: readonly number[]): number {
  const luminance = (rgb: readonly number[]) => {
    const [r, g, b2] = rgb.map((c) => {
      const s = c / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    }) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * b2;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/**
 * The contrast of every text of ours on the ACE page. axe leaves it "incomplete" there: it lays
 * out only what is under `<body>`, and our element hangs on `<html>` (where it is kept against
 * pages that wrap it). Every text of ours sits on a background we paint ourselves (chip, message
 * box, card, dialog, button), so the ratio follows from the computed colours of the text and of
 * its nearest element with an opaque background, as axe computes it: 4.5:1, or 3:1 for large text.
 */
export async function expectAssistantTextContrast(page: Page, what: string): Promise<void> {
  await exposeAssistantRoot(page);
  const texts = await page.evaluate(() => {
    const parse = (color: string) => (color.match(/[\d.]+/g) ?? []).map(Number);
    const root = document.querySelector('ace-ach-assist-ui')!.shadowRoot!;
    const found: { text: string; fg: number[]; bg: number[] | null; large: boolean }[] = [];
    for (const element of root.querySelectorAll<HTMLElement>('*')) {
      const own = [...element.childNodes].filter((node) => node.nodeType === 3 && node.textContent!.trim()).map((node) => node.textContent!.trim());
      const box = element.getBoundingClientRect();
      if (own.length === 0 || box.width <= 1 || box.height <= 1 || element.closest('style')) continue;
      const style = getComputedStyle(element);
      let bg: number[] | null = null;
      for (let at: Element | null = element; at && !bg; at = at.parentElement) {
        const rgba = parse(getComputedStyle(at).backgroundColor);
        if (rgba.length === 3 || rgba[3] === 1) bg = rgba.slice(0, 3);
      }
      const size = parseFloat(style.fontSize);
      const bold = Number(style.fontWeight) >= 700;
      found.push({ text: own.join(' '), fg: parse(style.color), bg, large: size >= 24 || (bold && size >= 18.66) });
    }
    return found;
  });
  expect(texts.length, `texts of ours on ${what}`).toBeGreaterThan(0);
  const poor = texts
    .map((text) => ({ ...text, ratio: text.bg && text.fg.length === 3 ? contrast(text.fg, text.bg) : 0 }))
    .filter((text) => text.ratio < (text.large ? 3 : 4.5))
    .map((text) => `${text.text}: ${text.ratio.toFixed(2)} (${String(text.fg)} on ${String(text.bg)})`);
  expect(poor, `contrast of our texts on ${what}`).toEqual([]);
}
