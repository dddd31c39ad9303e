/**
 * In-page helpers for bench/import-preview.bench.ts. The options page's init script records every
 * long task (PerformanceObserver 'longtask': main-thread tasks over 50 ms, with their durations),
 * when the file input's change event fired, and when the awaited result appeared (the import
 * preview's heading, or the directory's new record count). The functions passed to the page run
 * there, so they use nothing from this module's scope and declare no named functions.
 */
import type { Page } from '@playwright/test';

export type AwaitedResult = 'preview' | 'directory';

export interface PreviewWindow {
  /** Change event of the file input → result in the DOM, ms. */
  readonly totalMs: number;
  /** Longest main-thread task overlapping that window, ms (0 when none reached 50 ms). */
  readonly longestTaskMs: number;
  /** Tasks over 50 ms in that window: [ms after the change event, duration ms]. */
  readonly longTasks: [number, number][];
}

interface BenchGlobal {
  aceBench?: { tasks: [number, number][]; start: number; end: number; until: AwaitedResult | '' };
}

/** Added to every page (context.addInitScript); acts in the options page only. */
export function optionsPageProbe(): void {
  if (!location.pathname.endsWith('/options.html')) return;
  const bench = { tasks: [] as [number, number][], start: 0, end: 0, until: '' as string };
  (globalThis as unknown as BenchGlobal).aceBench = bench as BenchGlobal['aceBench'];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) bench.tasks.push([entry.startTime, entry.duration]);
  }).observe({ type: 'longtask', buffered: true });
  document.addEventListener(
    'change',
    (event) => {
      if ((event.target as HTMLInputElement).type === 'file') bench.start = event.timeStamp;
    },
    true,
  );
  new MutationObserver(() => {
    if (bench.end > 0 || bench.start === 0) return;
    const done =
      bench.until === 'preview'
        ? document.getElementById('import-preview-heading') !== null
        : /^Current directory: [\d,]+ records/.test(document.getElementById('directory-summary')?.textContent ?? '') &&
          document.getElementById('directory-progress')?.getAttribute('aria-valuetext') === 'Finished.';
    if (done) bench.end = performance.now();
  }).observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
}

/** Arms the probe for the next file choice (after the page has loaded and settled). */
export async function armProbe(page: Page, until: AwaitedResult): Promise<void> {
  await page.evaluate((awaited) => {
    const bench = (globalThis as unknown as BenchGlobal).aceBench!;
    bench.tasks = [];
    bench.start = 0;
    bench.end = 0;
    bench.until = awaited;
  }, until);
}

/** Waits for the awaited result, then answers the window's figures. */
export async function previewWindow(page: Page, timeoutMs: number): Promise<PreviewWindow> {
  await page.waitForFunction(() => ((globalThis as unknown as BenchGlobal).aceBench?.end ?? 0) > 0, null, {
    polling: 500,
    timeout: timeoutMs,
  });
  return page.evaluate(() => {
    const bench = (globalThis as unknown as BenchGlobal).aceBench!;
    const inside = bench.tasks.filter(([start, duration]) => start + duration > bench.start && start < bench.end);
    return {
      totalMs: bench.end - bench.start,
      longestTaskMs: Math.max(0, ...inside.map(([, duration]) => duration)),
      longTasks: inside.map(([start, duration]): [number, number] => [Math.round(start - bench.start), Math.round(duration)]),
    };
  });
}

interface ExtensionGlobal {
  chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } };
  aceProbe?: { stop: boolean; rounds: number[] };
}

/**
 * From another extension page (the popup), asks the background vault/status every 100 ms until
 * stopped, as the popup would while the import runs: how long the background keeps it waiting.
 */
export async function startBackgroundProbe(page: Page): Promise<void> {
  await page.evaluate(() => {
    const scope = globalThis as unknown as ExtensionGlobal;
    const probe = { stop: false, rounds: [] as number[] };
    scope.aceProbe = probe;
    void (async () => {
      while (!probe.stop) {
        const start = performance.now();
        await scope.chrome.runtime.sendMessage({ type: 'vault/status', payload: {} });
        probe.rounds.push(performance.now() - start);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    })();
  });
}

/** Stops the probe: the slowest answer and how many were asked. */
export async function stopBackgroundProbe(page: Page): Promise<{ slowestMs: number; rounds: number }> {
  return page.evaluate(() => {
    const probe = (globalThis as unknown as ExtensionGlobal).aceProbe!;
    probe.stop = true;
    return { slowestMs: Math.max(0, ...probe.rounds), rounds: probe.rounds.length };
  });
}
