/**
 * What the Firefox tests do on pages, through puppeteer-core over WebDriver BiDi: open the
 * extension's pages, find controls by their label or name as a user does, type with the
 * keyboard, click with the mouse, and read what the assistant shows in its closed shadow root.
 *
 * The closed root: page scripts cannot open it, and neither can the tests' page script. WebDriver
 * BiDi, like the DevTools protocol the Chromium tests use, serializes a shadow host with its
 * root, closed or not (`shadowRoot` of the node's remote value); the tests hand that root to a
 * function the driver runs (`script.callFunction`) to read its text and the boxes of its buttons.
 */
import type { Browser, ElementHandle, Frame, Page } from 'puppeteer-core';
import { waitForText, waitUntil } from './wait';

interface BidiResult {
  type: 'success' | 'exception';
  result?: { type: string; value?: unknown };
  exceptionDetails?: { text?: string };
}
interface BidiConnection {
  send(method: string, params: Record<string, unknown>): Promise<{ result: unknown }>;
}

function connectionOf(frame: Frame): BidiConnection {
  // The BiDi browser's connection (puppeteer-core's BidiBrowser.connection).
  return (frame.page().browser() as Browser & { connection: BidiConnection }).connection;
}

/** The frame's BiDi browsing context id. */
function contextOf(frame: Frame): string {
  return (frame as Frame & { _id: string })._id;
}

/**
 * Opens an extension page (`moz-extension://…`) in `page`. BiDi reports no navigation event for
 * the extension's process, so the page is awaited by what it holds.
 */
export async function openExtensionPage(page: Page, url: string): Promise<void> {
  await connectionOf(page.mainFrame()).send('browsingContext.navigate', { context: contextOf(page.mainFrame()), url, wait: 'none' });
  await waitUntil(
    `${url} to load`,
    () => page.evaluate(() => `${document.readyState} ${location.href}`),
    (state) => state === `complete ${url}`,
  );
}

/** Runs `declaration` (a function's source) in the frame with the given arguments (BiDi values). */
async function callFunction(frame: Frame, declaration: string, args: Record<string, unknown>[]): Promise<unknown> {
  const { result } = (await connectionOf(frame).send('script.callFunction', {
    functionDeclaration: declaration,
    target: { context: contextOf(frame) },
    arguments: args,
    awaitPromise: true,
    resultOwnership: 'none',
  })) as { result: BidiResult };
  if (result.type === 'exception') throw new Error(`in the page: ${result.exceptionDetails?.text ?? 'exception'}`);
  return result.result?.value;
}

/** The BiDi id of the assistant UI's closed shadow root in `frame`, or null while there is none. */
async function assistantRoot(frame: Frame): Promise<string | null> {
  const host = await frame.$('ace-ach-assist-ui');
  if (!host) return null;
  try {
    const node = (host as ElementHandle & { remoteValue(): { value?: { shadowRoot?: { sharedId?: string; value?: { mode?: string } } } } }).remoteValue();
    const root = node.value?.shadowRoot;
    if (root?.value?.mode !== 'closed') throw new Error(`the assistant's shadow root is ${root?.value?.mode ?? 'missing'}, not closed`);
    return root.sharedId ?? null;
  } finally {
    await host.dispose();
  }
}

/** Every text the assistant's UI shows in `frame` (its closed root), one per line; '' when it has none. */
export async function assistantText(frame: Frame): Promise<string> {
  const root = await assistantRoot(frame);
  if (!root) return '';
  const text = await callFunction(
    frame,
    `(root) => {
      const texts = [];
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (node.parentElement?.closest('style') || !node.nodeValue.trim()) continue;
        texts.push(node.nodeValue.trim());
      }
      return texts.join('\\n');
    }`,
    [{ sharedId: root }],
  );
  return typeof text === 'string' ? text : '';
}

/** Waits until the assistant's UI in `frame` shows `pattern`. */
export function expectAssistantText(frame: Frame, pattern: RegExp): Promise<string> {
  return waitForText(`the assistant to show ${pattern}`, () => assistantText(frame), pattern);
}

/** The middle of the assistant's first button in the top frame whose text matches `name`, or null. */
async function assistantButtonSpot(page: Page, name: RegExp): Promise<{ x: number; y: number } | null> {
  const root = await assistantRoot(page.mainFrame());
  if (!root) return null;
  const spot = await callFunction(
    page.mainFrame(),
    `(root, source, flags) => {
      const name = new RegExp(source, flags);
      const button = [...root.querySelectorAll('button')].find((b) => name.test(b.textContent.replace(/\\s+/g, ' ').trim()));
      const box = button?.getBoundingClientRect();
      return box && box.width > 0 && box.height > 0 ? JSON.stringify({ x: box.x + box.width / 2, y: box.y + box.height / 2 }) : '';
    }`,
    [{ sharedId: root }, { type: 'string', value: name.source }, { type: 'string', value: name.flags }],
  );
  return typeof spot === 'string' && spot ? (JSON.parse(spot) as { x: number; y: number }) : null;
}

/** Clicks a button of the assistant's UI in the top frame with the mouse, at its middle. */
export async function clickAssistantButton(page: Page, name: RegExp): Promise<void> {
  const spot = await waitUntil(`the assistant's button ${name}`, () => assistantButtonSpot(page, name), (found) => found !== null);
  await page.mouse.click(spot!.x, spot!.y);
}

/** A form control of `frame` whose label (label element, aria-label or aria-labelledby) reads `label`, or starts with it. */
export async function byLabel(frame: Frame, label: string): Promise<ElementHandle<HTMLElement>> {
  const handle = await waitUntil(`a control labelled "${label}"`, () => findByLabel(frame, label), (found) => found !== null);
  return handle!;
}

async function findByLabel(frame: Frame, label: string): Promise<ElementHandle<HTMLElement> | null> {
  const handle = await frame.evaluateHandle((label) => {
    const words = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();
    const names = (element: HTMLElement) => {
      const byIds = (element.getAttribute('aria-labelledby') ?? '')
        .split(/\s+/)
        .map((id) => words(document.getElementById(id)?.textContent))
        .join(' ');
      const labels = 'labels' in element ? [...((element as HTMLInputElement).labels ?? [])].map((l) => words(l.textContent)) : [];
      return [...labels, words(element.getAttribute('aria-label')), words(byIds)];
    };
    const controls = [...document.querySelectorAll<HTMLElement>('input, select, textarea')];
    // The label as written, else one that starts with it (a hint or a mark may follow).
    return (
      controls.find((element) => names(element).includes(label)) ??
      controls.find((element) => names(element).some((name) => name.startsWith(`${label} `))) ??
      null
    );
  }, label);
  const element = handle.asElement() as ElementHandle<HTMLElement> | null;
  if (!element) await handle.dispose();
  return element;
}

/** A shown button of `frame` (open shadow roots included) whose accessible name matches `name`. */
export async function button(frame: Frame, name: RegExp): Promise<ElementHandle<HTMLElement>> {
  const found = await waitUntil(`a button named ${name}`, () => findButton(frame, name), (element) => element !== null);
  return found!;
}

async function findButton(frame: Frame, name: RegExp): Promise<ElementHandle<HTMLElement> | null> {
  const handle = await frame.evaluateHandle(
    (source, flags) => {
      const pattern = new RegExp(source, flags);
      const words = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();
      // Open shadow roots too, and the closed one the closed-shadow practice page hands to tests.
      const buttons: HTMLElement[] = [];
      const visit = (root: Document | ShadowRoot) => {
        buttons.push(...root.querySelectorAll<HTMLElement>('button, [role=button]'));
        for (const element of root.querySelectorAll('*')) if (element.shadowRoot) visit(element.shadowRoot);
      };
      visit(document);
      const closed = (window as unknown as { portalClosedRoot?: ShadowRoot }).portalClosedRoot;
      if (closed) visit(closed);
      // Its name as a screen reader reads it: aria-label, else its text less aria-hidden parts, else its title.
      const nameOf = (element: HTMLElement) => {
        const label = words(element.getAttribute('aria-label'));
        if (label) return label;
        const texts: string[] = [];
        const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          if (!node.parentElement?.closest('[aria-hidden=true]')) texts.push(node.nodeValue ?? '');
        }
        return words(texts.join('')) || words(element.title);
      };
      return buttons.find((element) => element.getClientRects().length > 0 && pattern.test(nameOf(element))) ?? null;
    },
    name.source,
    name.flags,
  );
  const element = handle.asElement() as ElementHandle<HTMLElement> | null;
  if (!element) await handle.dispose();
  return element;
}

/** Waits until `frame` shows a heading that reads `text`. */
export function expectHeading(frame: Frame, text: string): Promise<unknown> {
  return waitUntil(
    `the heading "${text}"`,
    () => frame.evaluate(() => [...document.querySelectorAll('h1, h2, h3, [role=heading]')].filter((h) => h.getClientRects().length > 0).map((h) => h.textContent?.trim())),
    (headings) => headings.includes(text),
  );
}

/** Types `text` into the control as a user does: focus, select what it holds, type over it. */
export async function typeInto(control: ElementHandle<HTMLElement>, text: string): Promise<void> {
  await control.focus();
  await control.evaluate((element) => (element as HTMLInputElement).select?.());
  const page = control.frame.page();
  if (text === '') await page.keyboard.press('Backspace');
  else await page.keyboard.type(text);
}

/** The page's own model (window.portalState) in `frame`. */
export function portalState(frame: Frame): Promise<Record<string, string>> {
  return frame.evaluate(() => ({ ...(window as unknown as { portalState: Record<string, string> }).portalState }));
}

/** What the page's Save handed on (window.portalSaves), in `frame`. */
export function portalSaves(frame: Frame): Promise<Record<string, string>[]> {
  return frame.evaluate(() => (window as unknown as { portalSaves: Record<string, string>[] }).portalSaves.map((save) => ({ ...save })));
}

/** The frame whose document is the extension's `path` (BiDi does not always report its address). */
export async function extensionFrame(page: Page, path: string): Promise<Frame> {
  const found = await waitUntil(
    `a frame showing ${path}`,
    async () => {
      for (const frame of page.frames().toReversed()) {
        if (frame === page.mainFrame() || frame.detached) continue;
        const href = await frame.evaluate(() => `${document.readyState} ${location.href}`).catch(() => '');
        if (href.startsWith('complete moz-extension://') && href.includes(path)) return frame;
      }
      return null;
    },
    (frame) => frame !== null,
  );
  return found!;
}

/**
 * The form's control the assistant marked as `kind` (`data-ace-ach-field`), in open shadow
 * roots too and in the closed root the closed-shadow practice page hands to tests.
 */
export async function markedControl(frame: Frame, kind: string): Promise<ElementHandle<HTMLElement>> {
  const found = await waitUntil(
    `the field marked ${kind}`,
    async () => {
      const handle = await frame.evaluateHandle((kind) => {
        const selector = `[data-ace-ach-field="${kind}"]:is(input, select, textarea)`;
        const search = (root: Document | ShadowRoot): HTMLElement | null => {
          const here = root.querySelector<HTMLElement>(selector);
          if (here) return here;
          for (const element of root.querySelectorAll('*')) {
            const inside = element.shadowRoot && search(element.shadowRoot);
            if (inside) return inside;
          }
          return null;
        };
        const closed = (window as unknown as { portalClosedRoot?: ShadowRoot }).portalClosedRoot;
        return search(document) ?? (closed ? search(closed) : null);
      }, kind);
      const element = handle.asElement() as ElementHandle<HTMLElement> | null;
      if (!element) await handle.dispose();
      return element;
    },
    (element) => element !== null,
  );
  return found!;
}

/** The check state the assistant wrote on a field (`data-ace-ach-state`), or null. */
export function checkState(element: ElementHandle<HTMLElement>): Promise<string | null> {
  return element.evaluate((e) => e.getAttribute('data-ace-ach-state'));
}
