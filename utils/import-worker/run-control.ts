/**
 * How a job of the import worker is paced and stopped: between two batches it awaits `pause` and
 * checks its signal. The page stops a job by terminating the worker, so the worker itself needs
 * no turn of the event loop (a setTimeout between 200 batches would add 4 ms clamps each); the
 * signal and a real pause are what tests and an in-page run use.
 */
export interface RunControl {
  readonly signal?: AbortSignal;
  /** Between batches; defaults to a resolved promise (no macrotask). */
  readonly pause?: () => Promise<void>;
  /**
   * Flow control: resolves once the page has passed on enough of the `posted` data batches
   * (profiles, directory records) that few are waiting there. Without it the worker never waits.
   */
  readonly passedOn?: (posted: number) => Promise<void>;
}

/**
 * Data batches the page may hold before the worker waits: the background takes a batch in about
 * the time the worker checks one, and a page holding tens of thousands of profiles would spend
 * its time collecting garbage.
 */
export const BATCHES_AHEAD = 3;

/** The worker's side of the page's acknowledgements ('passed-on' messages). */
export function createFlowControl(ahead = BATCHES_AHEAD) {
  let acknowledged = 0;
  let waiting: { posted: number; resolve: () => void } | undefined;
  return {
    /** The page has passed on this many batches in all. */
    acknowledge(batches: number): void {
      acknowledged = Math.max(acknowledged, batches);
      if (waiting && waiting.posted - acknowledged <= ahead) {
        const { resolve } = waiting;
        waiting = undefined;
        resolve();
      }
    },
    passedOn(posted: number): Promise<void> {
      if (posted - acknowledged <= ahead) return Promise.resolve();
      return new Promise<void>((resolve) => (waiting = { posted, resolve }));
    },
  };
}

const noPause = () => Promise.resolve();

/** Pauses, then tells whether the job must stop. */
export async function shouldStop(control: RunControl): Promise<boolean> {
  if (control.signal?.aborted) return true;
  await (control.pause ?? noPause)();
  return control.signal?.aborted === true;
}
