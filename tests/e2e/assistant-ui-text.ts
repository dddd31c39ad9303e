/**
 * Reads what the assistant shows inside its closed shadow root. Page scripts (and Playwright's
 * locators, which run as page script) cannot see into it; the DevTools protocol can, which is
 * how these tests read the messages a user sees.
 */
import { expect, type Frame, type Page } from '@playwright/test';

interface DomNode {
  nodeName: string;
  nodeType: number;
  nodeValue?: string;
  children?: DomNode[];
  shadowRoots?: DomNode[];
  contentDocument?: DomNode;
}

function textOf(node: DomNode, into: string[]) {
  if (node.nodeType === 3 && node.nodeValue?.trim()) into.push(node.nodeValue.trim());
  if (node.nodeName === 'STYLE') return;
  for (const child of [...(node.shadowRoots ?? []), ...(node.children ?? [])]) textOf(child, into);
}

function findHosts(node: DomNode, into: DomNode[]) {
  if (node.nodeName === 'ACE-ACH-ASSIST-UI') into.push(node);
  for (const child of [...(node.shadowRoots ?? []), ...(node.children ?? [])]) findHosts(child, into);
  if (node.contentDocument) findHosts(node.contentDocument, into);
}

/**
 * Every text the assistant's UI holds in this page and its same-process frames, joined by new
 * lines; a frame in a process of its own (another site, a sandboxed frame) is read on its own.
 */
export async function assistantText(target: Page | Frame): Promise<string> {
  const page = 'page' in target ? target.page() : target;
  // A frame in the page's own process has no session of its own: the page's session reads it.
  const cdp = await page
    .context()
    .newCDPSession(target)
    .catch(() => page.context().newCDPSession(page));
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
    const hosts: DomNode[] = [];
    findHosts(root, hosts);
    const texts: string[] = [];
    for (const host of hosts) textOf(host, texts);
    return texts.join('\n');
  } finally {
    await cdp.detach();
  }
}

/** Whether the assistant's UI host's shadow root is closed (page scripts cannot open it). */
export async function assistantRootIsClosed(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const host = document.querySelector('ace-ach-assist-ui');
    return host !== null && host.shadowRoot === null;
  });
}

interface PiercedNode extends DomNode {
  backendNodeId: number;
  attributes?: string[];
}

function buttonsIn(node: PiercedNode, inside: boolean, into: PiercedNode[]) {
  const within = inside || node.nodeName === 'ACE-ACH-ASSIST-UI';
  if (within && node.nodeName === 'BUTTON') into.push(node);
  for (const child of [...(node.shadowRoots ?? []), ...(node.children ?? [])] as PiercedNode[]) buttonsIn(child, within, into);
  if (node.contentDocument) buttonsIn(node.contentDocument as PiercedNode, false, into);
}

/**
 * Clicks a button of the assistant's UI (closed shadow root) the way a user does: with the mouse,
 * at the middle of the button, found by its text through the DevTools protocol.
 */
export async function clickAssistantButton(page: Page, name: RegExp): Promise<void> {
  // The button may be drawn a frame after the text the test waited for: look until it is there.
  let spot: { x: number; y: number } | null = null;
  await expect
    .poll(async () => (spot = await assistantButtonSpot(page, name)), { message: `assistant button ${name}`, timeout: 10_000 })
    .not.toBeNull();
  await page.mouse.click(spot!.x, spot!.y);
}

/** The middle of the assistant's first button named `name` (and its DevTools node), or null while there is none with a box. */
export async function assistantButtonSpot(page: Page, name: RegExp): Promise<{ x: number; y: number; backendNodeId: number } | null> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: PiercedNode };
    const buttons: PiercedNode[] = [];
    buttonsIn(root, false, buttons);
    const named = buttons.find((button) => {
      const texts: string[] = [];
      textOf(button, texts);
      return name.test(texts.join(' '));
    });
    if (!named) return null;
    const box = await cdp.send('DOM.getBoxModel', { backendNodeId: named.backendNodeId }).catch(() => null);
    if (!box) return null;
    const [x1, y1, , , x3, y3] = (box as { model: { content: number[] } }).model.content as [number, number, number, number, number, number];
    return x3 > x1 && y3 > y1 ? { x: (x1 + x3) / 2, y: (y1 + y3) / 2, backendNodeId: named.backendNodeId } : null;
  } finally {
    await cdp.detach();
  }
}
