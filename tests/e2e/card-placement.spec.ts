/**
 * The assistant's card never covers a recognised field (with its label) nor a button of the
 * page (the form's and the others), at 800×600 and 1024×768, on every practice layout: it takes a free corner or folds
 * into its tab. Our card's and tab's boxes are read through the DevTools protocol (the closed
 * root); the fields', labels' and buttons' boxes as the page lays them out, labels found by what
 * the page says labels them (label[for] or a wrapping label, aria-labelledby, a table's column
 * header).
 */
import type { Frame, Page } from '@playwright/test';
import { aceUrl, expect, test } from './fixtures';
import { expectAssistantText } from './fill-steps';

interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

interface PiercedNode {
  nodeName: string;
  backendNodeId: number;
  attributes?: string[];
  children?: PiercedNode[];
  shadowRoots?: PiercedNode[];
  contentDocument?: PiercedNode;
}

const SIZES = [
  { width: 800, height: 600 },
  { width: 1024, height: 768 },
];

interface Layout {
  name: string;
  /** The form is in the page's only iframe. */
  inFrame?: boolean;
  /** Shows the form where it appears only on demand. */
  openForm?: (frame: Frame) => Promise<void>;
}

const LAYOUTS: Layout[] = [
  { name: 'plain' },
  { name: 'lightning' },
  { name: 'radio' },
  { name: 'sap-grid' },
  { name: 'fiori' },
  { name: 'inline-edit', openForm: (frame) => frame.getByRole('button', { name: 'Edit Bank Routing Number' }).click() },
  { name: 'closed-shadow' },
  { name: 'header-meta' },
  { name: 'top-frame', inFrame: true },
  { name: 'nickname' },
];

function attribute(node: PiercedNode, name: string): string | undefined {
  const at = node.attributes?.indexOf(name) ?? -1;
  return at >= 0 && at % 2 === 0 ? node.attributes![at + 1] : undefined;
}

function ours(node: PiercedNode, inside: boolean, into: PiercedNode[]) {
  const within = inside || node.nodeName === 'ACE-ACH-ASSIST-UI';
  const classes = (attribute(node, 'class') ?? '').split(' ');
  if (within && (classes.includes('card') || classes.includes('card-tab'))) into.push(node);
  for (const child of [...(node.shadowRoots ?? []), ...(node.children ?? [])]) ours(child, within, into);
  if (node.contentDocument) ours(node.contentDocument, false, into);
}

/** The boxes of our card and its tab as seen (a folded card is hidden, a hidden tab has no box), in page coordinates. */
async function cardBoxes(page: Page): Promise<{ what: string; box: Box }[]> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: PiercedNode };
    const nodes: PiercedNode[] = [];
    ours(root, false, nodes);
    const found: { what: string; box: Box }[] = [];
    for (const node of nodes) {
      const classes = (attribute(node, 'class') ?? '').split(' ');
      if (classes.includes('folded')) continue;
      const model = await cdp.send('DOM.getBoxModel', { backendNodeId: node.backendNodeId }).catch(() => null);
      if (!model) continue;
      const [x1, y1, , , x3, y3] = model.model.border as [number, number, number, number, number, number];
      if (x3 > x1 && y3 > y1) found.push({ what: classes.includes('card') ? 'card' : 'tab', box: { left: x1, top: y1, width: x3 - x1, height: y3 - y1 } });
    }
    return found;
  } finally {
    await cdp.detach();
  }
}

/**
 * What the card must leave uncovered in `frame`: each recognised bank field with its labels, and
 * every button of the page; in the frame's own coordinates.
 */
function pageObstacles(frame: Frame): Promise<{ what: string; box: Box }[]> {
  return frame.evaluate(() => {
    const closed = (window as unknown as { portalClosedRoot?: ShadowRoot }).portalClosedRoot;
    const roots: (Document | ShadowRoot)[] = [document];
    for (let i = 0; i < roots.length; i++) {
      for (const element of roots[i]!.querySelectorAll('*')) if (element.shadowRoot) roots.push(element.shadowRoot);
    }
    if (closed) roots.push(closed);
    const all = (selector: string) => roots.flatMap((root) => [...root.querySelectorAll<HTMLElement>(selector)]);
    const boxOf = (element: Element) => {
      const r = element.getBoundingClientRect();
      return { left: r.left, top: r.top, width: r.width, height: r.height };
    };
    const found: { what: string; box: ReturnType<typeof boxOf> }[] = [];
    const fields = all('[data-ace-ach-field]').filter((field) => field.dataset.aceAchField !== 'importer-number');
    for (const field of fields) {
      const name = field.dataset.aceAchField!;
      found.push({ what: `field ${name}`, box: boxOf(field) });
      const labels: Element[] = [...((field as HTMLInputElement).labels ?? [])];
      const rootNode = field.getRootNode() as Document | ShadowRoot;
      for (const id of field.getAttribute('aria-labelledby')?.split(/\s+/) ?? []) {
        const label = id && rootNode.getElementById(id);
        if (label) labels.push(label);
      }
      const cell = field.closest('td, [role="gridcell"]') as HTMLTableCellElement | null;
      const header = cell?.closest('table')?.querySelectorAll('thead th, [role="columnheader"]')[cell.cellIndex];
      if (header) labels.push(header);
      for (const label of labels) found.push({ what: `label of ${name}`, box: boxOf(label) });
    }
    // Every button of the page: the form's (also in shadow roots, the page's closed one included) and the others.
    const buttons = all('button, input[type="submit"], input[type="button"], [role="button"], lightning-button');
    for (const button of buttons) found.push({ what: `button ${button.textContent?.trim() || button.getAttribute('aria-label') || button.getAttribute('label')}`, box: boxOf(button) });
    return found.filter(({ box }) => box.width > 0 && box.height > 0);
  });
}

async function frameOffset(frame: Frame): Promise<{ x: number; y: number }> {
  const element = await frame.frameElement().catch(() => null);
  if (!element) return { x: 0, y: 0 };
  return element.evaluate((node) => {
    const iframe = node as HTMLIFrameElement;
    const r = iframe.getBoundingClientRect();
    return { x: r.left + iframe.clientLeft, y: r.top + iframe.clientTop };
  });
}

function overlaps(a: Box, b: Box): boolean {
  return a.left < b.left + b.width && b.left < a.left + a.width && a.top < b.top + b.height && b.top < a.top + a.height;
}

/** Each of our boxes that covers something of the form, named. */
async function coverings(page: Page, frame: Frame): Promise<string[]> {
  const offset = await frameOffset(frame);
  const obstacles = (await pageObstacles(frame)).map(({ what, box }) => ({ what, box: { ...box, left: box.left + offset.x, top: box.top + offset.y } }));
  const shown = await cardBoxes(page);
  if (shown.length === 0) return ['(no card or tab shown)'];
  return shown.flatMap((mine) => obstacles.filter((other) => overlaps(mine.box, other.box)).map((other) => `${mine.what} covers ${other.what}`));
}

for (const layout of LAYOUTS) {
  test(`the card covers no field, label or button: ${layout.name} at 800×600 and 1024×768`, async ({ page }) => {
    for (const size of SIZES) {
      await page.setViewportSize(size);
      await page.goto(aceUrl(layout.name));
      const frame = layout.inFrame ? (await expect.poll(() => page.frames().length).toBeGreaterThan(1), page.frames()[1]!) : page.mainFrame();
      await layout.openForm?.(frame);
      await expectAssistantText(frame, /ACE ACH Assist/);
      await expect.poll(() => coverings(page, frame), { message: `${layout.name} at ${size.width}×${size.height}` }).toEqual([]);
    }
  });
}
