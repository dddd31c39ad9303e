/**
 * In-browser helpers for bench/vault.bench.ts. Times are taken inside the extension's pages
 * (performance.now(), whose zero is the page's navigation start) so Playwright's own round trips
 * do not count. The popup's first row counts as painted when the Element Timing API says its
 * label's text was; elsewhere "painted" is the first task after the animation frame that follows
 * a DOM change. Replies are timed by wrapping chrome.runtime.sendMessage in the page, which the
 * popup's transport calls. While a page loads nothing is evaluated in it: Playwright's own
 * script, injected on the first evaluate, costs the page 15–25 ms of main thread, so the marks
 * come back as a console message instead. The functions passed to page.evaluate run in the page,
 * so they use nothing from this module's scope, and declare no named functions (tsx would wrap
 * those in a helper the page does not have).
 */
import type { BrowserContext, Page } from '@playwright/test';
import { handleWorkerMessage } from '../utils/import-worker/handle-message';
import type { WorkerReply } from '../utils/import-worker/messages';

/** What the popup's init script records, in ms from navigation start. */
export interface PopupMarks {
  /** The first profile row is in the DOM. */
  firstRow?: number;
  /** …and painted: the Element Timing API's render time of its label. */
  firstRowPainted?: number;
  /** The last answer from the background before the first row (0 on the floor page). */
  answered?: number;
  /** The popup's code has run: its first render is in the DOM (the floor page: its row). */
  appRendered?: number;
}

/** Console messages carrying marks start with this. */
const MARKS_MESSAGE = 'ace-bench-marks ';

interface ExtensionGlobal {
  chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } };
}

/**
 * The floor under any popup: an extension page whose one module script adds one row, with no
 * framework and no background request. The bench writes it into its own build folder only. The
 * label is a block, as the popup's are (flex items), so Element Timing reports it alone.
 */
export const FLOOR_PAGE = {
  name: 'bench-floor.html',
  html: '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>floor</title><script type="module" src="/bench-floor.js"></script></head><body><ul></ul></body></html>',
  scriptName: 'bench-floor.js',
  script:
    "const row = document.createElement('button'); row.className = 'profile-open'; const label = document.createElement('span'); label.className = 'profile-label'; label.style.display = 'block'; label.textContent = 'Acme Imports 0'; row.append(label); document.querySelector('ul').append(row);",
};

/** Where a page's first row is, for firstRowMarksScript: the pages it acts in and its selectors. */
export interface FirstRowTarget {
  /** Path parts of the pages it acts in. */
  readonly pages: readonly string[];
  /** The page's code has rendered. */
  readonly app: string;
  readonly row: string;
  /** The part of the row whose text Element Timing reports. */
  readonly cell: string;
}

/** The popup's first profile row, and the floor page's one row. */
export const POPUP_FIRST_ROW: FirstRowTarget = {
  pages: ['/popup.html', '/bench-floor'],
  app: '#app > *, button.profile-open',
  row: 'button.profile-open',
  cell: '.profile-label',
};

/**
 * Added to every page (context.addInitScript with a target): marks the target page's first row.
 * Runs in the page, so it uses nothing from this module's scope.
 */
export function firstRowMarksScript(target: FirstRowTarget): void {
  if (!target.pages.some((part) => location.pathname.includes(part))) return;
  const marks: PopupMarks = { answered: 0 };
  const runtime = (globalThis as unknown as Partial<ExtensionGlobal>).chrome?.runtime;
  if (runtime) {
    const send = runtime.sendMessage.bind(runtime);
    runtime.sendMessage = (message: unknown) => {
      const reply = send(message);
      void reply.then(() => {
        if (marks.firstRow === undefined) marks.answered = performance.now();
      });
      return reply;
    };
  }
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      const timing = entry as PerformanceEntry & { identifier: string; renderTime: number };
      if (timing.identifier !== 'ace-bench-first-row' || marks.firstRowPainted !== undefined) continue;
      marks.firstRowPainted = timing.renderTime || timing.startTime;
      console.debug('ace-bench-marks ' + JSON.stringify(marks));
    }
  }).observe({ type: 'element', buffered: true });
  const observer = new MutationObserver(() => {
    if (marks.appRendered === undefined && document.querySelector(target.app)) marks.appRendered = performance.now();
    const row = document.querySelector(target.row);
    if (!row) return;
    observer.disconnect();
    marks.firstRow = performance.now();
    // Before the paint: Element Timing reports when the cell's text is first painted.
    (row.querySelector(target.cell) ?? row).setAttribute('elementtiming', 'ace-bench-first-row');
  });
  observer.observe(document, { childList: true, subtree: true });
}

/** The next marks message of `page` (set up before the action that causes it). */
function nextMarks<T>(page: Page, timeoutMs: number): Promise<T> {
  return page
    .waitForEvent('console', { predicate: (message) => message.text().startsWith(MARKS_MESSAGE), timeout: timeoutMs })
    .then((message) => JSON.parse(message.text().slice(MARKS_MESSAGE.length)) as T);
}

/** Opens `url` (the popup or the floor page) and answers its first-row marks. */
export async function openAndMark(page: Page, url: string, timeoutMs = 30_000): Promise<Required<PopupMarks>> {
  const marks = nextMarks<Required<PopupMarks>>(page, timeoutMs);
  await page.goto(url);
  return marks;
}

/** Sends one protocol request from an extension page, as the popup does; throws its error. */
export async function send<T = unknown>(page: Page, type: string, payload: unknown): Promise<T> {
  const reply = (await page.evaluate(
    (message) => (globalThis as unknown as ExtensionGlobal).chrome.runtime.sendMessage(message),
    { type, payload },
  )) as { ok: boolean; data?: T; error?: { code: string; message: string } };
  if (!reply.ok) throw new Error(`${type}: ${reply.error?.code} ${reply.error?.message}`);
  return reply.data as T;
}

/** A request's round trip from an extension page, in ms (performance.now() in the page). */
export async function timedSend(page: Page, type: string, payload: unknown): Promise<number> {
  const { ms, reply } = await page.evaluate(async (message) => {
    const start = performance.now();
    const answer = (await (globalThis as unknown as ExtensionGlobal).chrome.runtime.sendMessage(message)) as { ok: boolean };
    return { ms: performance.now() - start, reply: answer };
  }, { type, payload });
  if (!reply.ok) throw new Error(`${type} failed: ${JSON.stringify(reply)}`);
  return ms;
}

/**
 * Imports a profiles file the way the options page does: the file is checked here with the
 * import worker's own handler (in Node), its good profiles go through import/begin and
 * import/chunk, then import/preview + import/commit; answers how many were added.
 */
export async function importProfiles(page: Page, text: string): Promise<number> {
  const replies: WorkerReply[] = [];
  await handleWorkerMessage(
    { type: 'check-profiles', file: new Blob([text]), fileName: 'bench.json', now: new Date().toISOString() },
    (reply) => replies.push(reply),
  );
  const done = replies.at(-1);
  if (done?.type !== 'profiles-done') throw new Error(`bench profiles refused: ${JSON.stringify(done)}`);
  if (done.rejectedCount > 0) throw new Error(`bench profiles rejected: ${JSON.stringify(done.rejected.slice(0, 3))}`);
  const { importId } = await send<{ importId: string }>(page, 'import/begin', {});
  for (const reply of replies) if (reply.type === 'candidates') await send(page, 'import/chunk', { importId, candidatesJson: reply.json });
  const preview = await send<{ token: string }>(page, 'import/preview', { importId });
  const { added } = await send<{ added: number }>(page, 'import/commit', { token: preview.token });
  return added;
}

export interface KeystrokeTiming {
  readonly query: string;
  /** Input event → the background's answer received (messaging and search). */
  readonly answered: number;
  /** Input event → list updated (rows and count in the DOM, aria-busy false). */
  readonly updated: number;
  /** Input event → the frame with the update painted. */
  readonly painted: number;
}

/**
 * Types `queries` into the popup's search box one keystroke each (each query is the box's whole
 * text after that keystroke), waiting for the list to update and `pauseMs` more before the next.
 */
export function typeAndTime(page: Page, queries: readonly string[], pauseMs: number): Promise<KeystrokeTiming[]> {
  return page.evaluate(
    async ({ queries, pauseMs }) => {
      const box = document.querySelector<HTMLInputElement>('#profile-search');
      const list = document.querySelector<HTMLUListElement>('#profile-results');
      if (!box || !list) throw new Error('the popup list is not showing');
      const runtime = (globalThis as unknown as ExtensionGlobal).chrome.runtime;
      const replies = { last: 0 };
      const send = runtime.sendMessage.bind(runtime);
      runtime.sendMessage = (message: unknown) => {
        const reply = send(message);
        void reply.then(() => {
          replies.last = performance.now();
        });
        return reply;
      };
      const timings: { query: string; answered: number; updated: number; painted: number }[] = [];
      for (const query of queries) {
        const updated = new Promise<number>((resolve, reject) => {
          let sawBusy = false;
          const timer = setTimeout(() => reject(new Error(`no update for “${query}”`)), 10_000);
          const observer = new MutationObserver(() => {
            const busy = list.getAttribute('aria-busy') === 'true';
            if (busy) sawBusy = true;
            else if (sawBusy) {
              observer.disconnect();
              clearTimeout(timer);
              resolve(performance.now());
            }
          });
          observer.observe(list, { attributes: true, attributeFilter: ['aria-busy'] });
        });
        box.value = query;
        const start = performance.now();
        box.dispatchEvent(new InputEvent('input', { bubbles: true, data: query.slice(-1) }));
        const at = await updated;
        const answered = replies.last - start;
        const painted = await new Promise<number>((resolve) =>
          requestAnimationFrame(() => {
            const channel = new MessageChannel();
            channel.port1.onmessage = () => resolve(performance.now());
            channel.port2.postMessage(null);
          }),
        );
        timings.push({ query, answered, updated: at - start, painted: painted - start });
        await new Promise((resolve) => setTimeout(resolve, pauseMs));
      }
      return timings;
    },
    { queries: [...queries], pauseMs },
  );
}

/** Each query as typed one character at a time, then erased one at a time. */
export function typedThenErased(text: string): string[] {
  const typed = Array.from({ length: text.length }, (_, i) => text.slice(0, i + 1));
  return [...typed, ...typed.slice(0, -1).reverse(), ''];
}

export interface UnlockMarks {
  /** Click on Unlock → the list's heading is in the DOM. */
  readonly heading: number;
  /** Click on Unlock → the first profile row painted (Element Timing). */
  readonly firstRowPainted: number;
}

/**
 * Arms the popup's unlock form, runs `click` (which presses Unlock) and answers the times from
 * the click to the list.
 */
export async function timeUnlock(page: Page, click: () => Promise<void>): Promise<UnlockMarks> {
  await page.evaluate(() => {
    const marks: { click?: number; heading?: number; firstRowPainted?: number } = {};
    document.addEventListener(
      'click',
      (event) => {
        if (event.target instanceof HTMLElement && event.target.closest('button')?.textContent?.trim() === 'Unlock') marks.click ??= performance.now();
      },
      true,
    );
    const observer = new MutationObserver(() => {
      if (marks.heading === undefined && document.querySelector('#list-heading')) marks.heading = performance.now();
      const row = document.querySelector('button.profile-open');
      if (!row) return;
      observer.disconnect();
      (row.querySelector('.profile-label') ?? row).setAttribute('elementtiming', 'ace-bench-unlocked-row');
    });
    observer.observe(document, { childList: true, subtree: true });
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        const timing = entry as PerformanceEntry & { identifier: string; renderTime: number };
        if (timing.identifier !== 'ace-bench-unlocked-row' || marks.firstRowPainted !== undefined) continue;
        marks.firstRowPainted = timing.renderTime || timing.startTime;
        console.debug('ace-bench-marks ' + JSON.stringify(marks));
      }
    }).observe({ type: 'element' });
  });
  const marks = nextMarks<{ click: number; heading: number; firstRowPainted: number }>(page, 30_000);
  await click();
  const { click: at, heading, firstRowPainted } = await marks;
  return { heading: heading - at, firstRowPainted: firstRowPainted - at };
}

/** PBKDF2-SHA256 in the page with WebCrypto: the floor under any unlock. */
export function timePbkdf2(page: Page, iterations: number): Promise<number> {
  return page.evaluate(async (iterations) => {
    const material = await crypto.subtle.importKey('raw', new TextEncoder().encode('correct horse battery staple 42'), 'PBKDF2', false, ['deriveBits']);
    const start = performance.now();
    await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt: crypto.getRandomValues(new Uint8Array(16)), iterations }, material, 256);
    return performance.now() - start;
  }, iterations);
}

/** Arms the options page: times from the directory file's change event to the new status. */
export async function armDirectoryTiming(page: Page, expected: string): Promise<void> {
  await page.evaluate((expected) => {
    const marks: { change?: number; changeAt?: number; done?: number; doneAt?: number } = {};
    (window as unknown as { __aceDirectory: typeof marks }).__aceDirectory = marks;
    document.addEventListener(
      'change',
      () => {
        marks.change ??= performance.now();
        marks.changeAt ??= Date.now();
      },
      true,
    );
    const observer = new MutationObserver(() => {
      const text = document.body.textContent ?? '';
      // The status and the "now in use" message change in the same render.
      if (text.includes(expected) && text.includes('The FedACH directory was imported and is now in use.')) {
        observer.disconnect();
        marks.done = performance.now();
        marks.doneAt = Date.now();
      }
    });
    observer.observe(document.body, { childList: true, subtree: true, characterData: true });
  }, expected);
}

export async function directoryMarks(page: Page): Promise<{ fromChange: number; doneAt: number }> {
  await page.waitForFunction(() => (window as unknown as { __aceDirectory: { done?: number } }).__aceDirectory.done !== undefined, null, {
    timeout: 60_000,
  });
  const marks = await page.evaluate(() => (window as unknown as { __aceDirectory: { change: number; done: number; doneAt: number } }).__aceDirectory);
  return { fromChange: marks.done - marks.change, doneAt: marks.doneAt };
}

/**
 * Durations of the background's own User Timing measures (utils/background/timing.ts); with
 * `waitMs`, waits that long at most for a first one.
 */
export async function workerMeasures(context: BrowserContext, name: string, waitMs = 0): Promise<number[]> {
  const [worker] = context.serviceWorkers();
  if (!worker) return [];
  const read = () => worker.evaluate((name) => performance.getEntriesByName(name, 'measure').map((entry) => entry.duration), name);
  const until = Date.now() + waitMs;
  let found = await read();
  while (found.length === 0 && Date.now() < until) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    found = await read();
  }
  return found;
}

/** Leaves a mark in the running service worker: gone once the worker has been restarted. */
export async function markWorker(context: BrowserContext): Promise<void> {
  for (const worker of context.serviceWorkers()) {
    await worker.evaluate(() => {
      (globalThis as unknown as { __aceBenchMark?: boolean }).__aceBenchMark = true;
    });
  }
}

export async function workerWasRestarted(context: BrowserContext): Promise<boolean> {
  const [worker] = context.serviceWorkers();
  if (!worker) return true;
  return !(await worker.evaluate(() => (globalThis as unknown as { __aceBenchMark?: boolean }).__aceBenchMark === true));
}

/** Stops the extension's service worker (DevTools protocol), as Chrome does after 30 s idle. */
export async function stopServiceWorkers(context: BrowserContext, page: Page): Promise<void> {
  const session = await context.newCDPSession(page);
  try {
    await session.send('ServiceWorker.enable');
    await session.send('ServiceWorker.stopAllWorkers');
  } finally {
    await session.detach();
  }
}
