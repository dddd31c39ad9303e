/**
 * The frames of each tab that show a bank form now, as their content scripts report it
 * (page/form): where the popup's "Fill this page" and the keyboard shortcut open the picker.
 * Survives worker restarts (tab-session-store); reports of one tab are applied one at a time,
 * since every frame of a page reports at once when it loads.
 */
import { createTabSessionStore } from './tab-session-store';
import type { SessionArea } from './vault-session';

export interface FormFrames {
  report(tabId: number, frameId: number, present: boolean): Promise<void>;
  /** The tab's frames with a form, the top frame first, then in the order they appeared. */
  of(tabId: number): Promise<readonly number[]>;
  forget(tabId: number): Promise<void>;
}

const SESSION_KEY_PREFIX = 'aceFormFrames:';

function frameList(stored: unknown): readonly number[] | undefined {
  return Array.isArray(stored) && stored.every((id) => Number.isInteger(id) && id >= 0) ? (stored as number[]) : undefined;
}

export function createFormFrames(area: SessionArea): FormFrames {
  const store = createTabSessionStore(area, SESSION_KEY_PREFIX, frameList);
  const pending = new Map<number, Promise<void>>();

  function serially(tabId: number, task: () => Promise<void>): Promise<void> {
    const next = (pending.get(tabId) ?? Promise.resolve()).then(task, task);
    pending.set(tabId, next);
    void next.finally(() => pending.get(tabId) === next && pending.delete(tabId)).catch(() => {});
    return next;
  }

  return {
    report(tabId, frameId, present) {
      return serially(tabId, async () => {
        const frames = (await store.get(tabId)) ?? [];
        if (frames.includes(frameId) === present) return;
        const next = present ? [...frames, frameId].sort((a, b) => (a === 0 ? -1 : b === 0 ? 1 : 0)) : frames.filter((id) => id !== frameId);
        await (next.length > 0 ? store.set(tabId, next) : store.forget(tabId));
      });
    },
    async of(tabId) {
      await pending.get(tabId)?.catch(() => {});
      return (await store.get(tabId)) ?? [];
    },
    forget(tabId) {
      return serially(tabId, () => store.forget(tabId));
    },
  };
}
