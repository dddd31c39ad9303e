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
}

const noPause = () => Promise.resolve();

/** Pauses, then tells whether the job must stop. */
export async function shouldStop(control: RunControl): Promise<boolean> {
  if (control.signal?.aborted) return true;
  await (control.pause ?? noPause)();
  return control.signal?.aborted === true;
}
