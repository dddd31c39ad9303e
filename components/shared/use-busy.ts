/**
 * One task at a time from a form (create the vault, change the passphrase, export a backup): while
 * it runs the form is busy (its button disabled, aria-busy set) and another submit does nothing;
 * whatever the task throws goes to `fail`, in the words the screen gives it.
 */
import { useState } from 'preact/hooks';

export type RunWhileBusy = (task: () => Promise<void>) => Promise<void>;

export function useBusy(fail: (error: unknown) => void): readonly [busy: boolean, run: RunWhileBusy] {
  const [busy, setBusy] = useState(false);
  async function run(task: () => Promise<void>) {
    if (busy) return;
    setBusy(true);
    try {
      await task();
    } catch (error) {
      fail(error);
    } finally {
      setBusy(false);
    }
  }
  return [busy, run];
}
