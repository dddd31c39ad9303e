/**
 * The organization's settings as the background reads them: storage.managed (handed in, see
 * browser-apis.ts) read once and kept until the browser says the policy changed, and the user's
 * settings service wrapped so that every reader gets the managed values and no request can
 * change them. An unreadable managed area counts as no policy (Firefox throws when none is set).
 */
import { RequestError } from '@/utils/messaging/request-error';
import type { ManagedPolicy, Settings } from '@/utils/messaging/shapes';
import { managedChangeRefusal, mergeManagedSettings, readManagedPolicy } from './managed-policy';
import type { SettingsService } from './settings-service';

/** The part of browser.storage.managed this needs. */
export interface ManagedArea {
  get(): Promise<Record<string, unknown>>;
}

export interface ManagedSettings {
  policy(): Promise<ManagedPolicy>;
  /** The browser reported a policy change: the next read asks it again. */
  refresh(): void;
}

export function createManagedSettings(area: ManagedArea | undefined, warn: (message: string) => void): ManagedSettings {
  let cached: Promise<ManagedPolicy> | undefined;
  const read = async (): Promise<ManagedPolicy> => {
    if (!area) return {};
    let raw: unknown;
    try {
      raw = await area.get();
    } catch {
      // Firefox rejects the read when no policy names this add-on: nothing is managed.
      return {};
    }
    return readManagedPolicy(raw, warn);
  };
  return {
    policy() {
      cached ??= read();
      return cached;
    },
    refresh() {
      cached = undefined;
    },
  };
}

/** The user's settings with the managed values over them; a change to a managed value is refused before anything is written. */
export function withManagedSettings(user: SettingsService, managed: ManagedSettings): SettingsService {
  const get = async (): Promise<Settings> => mergeManagedSettings(await user.get(), await managed.policy());
  return {
    get,
    forget: () => user.forget(),
    async set(changes) {
      const refusal = managedChangeRefusal(changes, await managed.policy());
      if (refusal) throw new RequestError('forbidden', refusal);
      await user.set(changes);
      return get();
    },
  };
}
