/**
 * In-page helpers for bench/enrollment.bench.ts: where the status page's first row is and the timing
 * of a search keystroke or a chip toggle. Times are taken inside the page (performance.now(), zero
 * at navigation start), and while the page loads nothing is evaluated in it: the marks come back
 * as a console message that openAndMark (vault-page.ts) waits for. Functions passed to
 * page.evaluate run in the page, so they use nothing from this module's scope.
 */
import type { Page } from '@playwright/test';
import type { FirstRowTarget } from './vault-page';

/** status.html's first table row, for firstRowMarksScript (vault-page.ts). */
export const STATUS_FIRST_ROW: FirstRowTarget = { pages: ['/status.html'], app: '#app > *', row: '#status-table tbody tr', cell: 'td' };

export type StatusStep = { readonly search: string } | { readonly chip: string };

export interface StepTiming {
  readonly step: string;
  /** Input event or click → the page's work done (handler, view, render: the DOM updated). */
  readonly updated: number;
  /** …→ the next frame's work done (style, layout, paint). */
  readonly painted: number;
  /** The live region afterwards ("N importers shown"): the step really changed the view. */
  readonly shown: string;
}

/**
 * Runs the steps on the open status page, one at a time, `pauseMs` apart: a search step sets the
 * search box's whole text and fires its input event (one keystroke); a chip step clicks the chip
 * whose accessible text starts with `chip`. Preact renders in a microtask after the handler, so
 * a task posted after the event runs once the DOM is updated.
 */
export function timeStatusSteps(page: Page, steps: readonly StatusStep[], pauseMs: number): Promise<StepTiming[]> {
  return page.evaluate(
    async ({ steps, pauseMs }) => {
      const box = document.querySelector<HTMLInputElement>('#status-search');
      const live = document.querySelector('#status-shown');
      if (!box || !live) throw new Error('the status table is not showing');
      // No named helper functions here (tsx would wrap them in one the page does not have).
      const channel = new MessageChannel();
      let taskDone: ((at: number) => void) | undefined;
      channel.port1.onmessage = () => taskDone?.(performance.now());
      const timings: { step: string; updated: number; painted: number; shown: string }[] = [];
      for (const step of steps) {
        let start: number;
        let name: string;
        if ('search' in step) {
          name = `search “${step.search}”`;
          box.value = step.search;
          start = performance.now();
          box.dispatchEvent(new InputEvent('input', { bubbles: true, data: step.search.slice(-1) }));
        } else {
          const chip = [...document.querySelectorAll<HTMLButtonElement>('.chips button')].find((button) => button.textContent?.startsWith(step.chip));
          if (!chip) throw new Error(`no chip ${step.chip}`);
          name = `chip ${step.chip} → ${chip.getAttribute('aria-pressed') === 'true' ? 'off' : 'on'}`;
          start = performance.now();
          chip.click();
        }
        const updated = await new Promise<number>((resolve) => {
          taskDone = resolve;
          channel.port2.postMessage(null);
        });
        const painted = await new Promise<number>((resolve) =>
          requestAnimationFrame(() => {
            taskDone = resolve;
            channel.port2.postMessage(null);
          }),
        );
        timings.push({ step: name, updated: updated - start, painted: painted - start, shown: live.textContent ?? '' });
        await new Promise((resolve) => setTimeout(resolve, pauseMs));
      }
      return timings;
    },
    { steps: [...steps], pauseMs },
  );
}
