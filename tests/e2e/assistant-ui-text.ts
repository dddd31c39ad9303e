/**
 * Reads what the assistant shows inside its closed shadow root. Page scripts (and Playwright's
 * locators, which run as page script) cannot see into it; the DevTools protocol can, which is
 * how these tests read the messages a user sees.
 */
import type { Page } from '@playwright/test';

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

/** Every text the assistant's UI holds in this page and its frames, joined by new lines. */
export async function assistantText(page: Page): Promise<string> {
  const cdp = await page.context().newCDPSession(page);
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
