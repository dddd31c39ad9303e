/**
 * Other-importer questions asked in the extension's own window (where the browser cannot tell
 * whether the ACE page shows our UI, e.g. Firefox: a page could hide our question and have the
 * user click "Fill anyway" unseen). Each question waits for the window's answer; no answer in
 * time (the window closed, forgotten) counts as Cancel. Kept in memory only.
 */
import type { ImporterQuestion } from '@/utils/messaging/importer-question';

/** Long enough to read and answer; a forgotten question fills nothing. */
export const CONFIRMATION_TIMEOUT_MS = 3 * 60_000;
/** A page that asks in a loop cannot grow the map without bound. */
const MAX_PENDING = 10;

export interface ImporterConfirmations {
  /**
   * Asks `question`: `open(id)` shows the window for it; resolves with the answer, false when
   * the window could not be opened or no answer came in time.
   */
  ask(question: ImporterQuestion, open: (id: string) => Promise<void>): Promise<boolean>;
  /** The question a window with `id` shows, while it waits for an answer. */
  question(id: string): ImporterQuestion | undefined;
  /** The window's answer; false when no question waits under `id`. */
  answer(id: string, fill: boolean): boolean;
}

interface Pending {
  readonly question: ImporterQuestion;
  readonly resolve: (fill: boolean) => void;
}

export function createImporterConfirmations(
  newId: () => string,
  setTimer: (callback: () => void, ms: number) => unknown = (callback, ms) => setTimeout(callback, ms),
): ImporterConfirmations {
  const pending = new Map<string, Pending>();

  function settle(id: string, fill: boolean): boolean {
    const waiting = pending.get(id);
    if (!waiting) return false;
    pending.delete(id);
    waiting.resolve(fill);
    return true;
  }

  return {
    async ask(question, open) {
      if (pending.size >= MAX_PENDING) settle(pending.keys().next().value!, false);
      const id = newId();
      const answered = new Promise<boolean>((resolve) => pending.set(id, { question, resolve }));
      setTimer(() => settle(id, false), CONFIRMATION_TIMEOUT_MS);
      try {
        await open(id);
      } catch (error) {
        settle(id, false);
        throw error;
      }
      return answered;
    },
    question: (id) => pending.get(id)?.question,
    answer: (id, fill) => settle(id, fill),
  };
}
