/**
 * Settings in IndexedDB, one record per setting, each value parsed with its field of the
 * protocol's settings schema; a missing setting takes its default and a damaged one goes to
 * quarantine and takes its default too. Cached in memory: every message's sender check reads
 * the extra hosts.
 */
import { z } from 'zod/mini';
import { DEFAULT_SETTINGS, settingsSchema, type Settings } from '@/utils/messaging/shapes';
import type { AppDatabase } from './database';
import { quarantineKeys } from './quarantine';
import { writeTransaction } from './transactions';

type SettingKey = keyof Settings;
const SETTING_KEYS = Object.keys(settingsSchema.shape) as SettingKey[];

function recordSchemaFor(key: SettingKey) {
  return z.object({ key: z.literal(key), value: settingsSchema.shape[key] });
}

export async function readSettings(database: AppDatabase): Promise<Settings> {
  const transaction = database.transaction('settings', 'readonly');
  const records = await Promise.all(SETTING_KEYS.map((key) => transaction.store.get(key)));
  await transaction.done;
  const settings: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  for (const [i, key] of SETTING_KEYS.entries()) {
    const record: unknown = records[i];
    if (record === undefined) continue;
    const schema = recordSchemaFor(key);
    const parsed = schema.safeParse(record);
    if (parsed.success) settings[key] = parsed.data.value;
    else await quarantineKeys(database, 'settings', [key], schema);
  }
  return settings as Settings;
}

export async function writeSettings(database: AppDatabase, changes: Partial<Settings>): Promise<void> {
  await writeTransaction(database, ['settings'], async (transaction) => {
    for (const key of SETTING_KEYS) {
      if (changes[key] !== undefined) await transaction.store.put({ key, value: changes[key] });
    }
  });
}

export interface SettingsService {
  get(): Promise<Settings>;
  /** Validated changes only; answers the settings as stored. */
  set(changes: Partial<Settings>): Promise<Settings>;
  /** Drops the cached settings (the database was erased). */
  forget(): void;
}

export function createSettingsService(database: () => Promise<AppDatabase>): SettingsService {
  let cached: Promise<Settings> | undefined;
  const get = () => {
    if (!cached) {
      const reading = database().then(readSettings);
      cached = reading;
      reading.catch(() => {
        if (cached === reading) cached = undefined;
      });
    }
    return cached;
  };
  return {
    get,
    forget() {
      cached = undefined;
    },
    async set(changes) {
      await writeSettings(await database(), changes);
      cached = undefined;
      return get();
    },
  };
}
