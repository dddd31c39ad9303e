/**
 * The importer each ACE tab shows, as the tab's top frame last reported it (page/importer). The
 * bank form may sit in an iframe that cannot see the importer's number, so every frame of the
 * tab is compared against what the top frame said. Kept in memory and in storage.session: the
 * service worker is stopped when idle while the tab stays open, and storage.session outlives
 * the worker (not the browser, whose tab ids start over anyway).
 */
import { z } from 'zod/mini';
import { normaliseImporterNumber } from '@/utils/bank/importer-number';
import type { SessionArea } from './vault-session';

export interface TabImporter {
  /** Normalised importer numbers; empty when the page shows none that can be read. */
  readonly importerNumbers: readonly string[];
  readonly accountName?: string;
  /** The top frame's address when it reported. */
  readonly url?: string;
}

export interface TabImporterReport {
  readonly importerNumbers: readonly string[];
  readonly accountName?: string | undefined;
  readonly url?: string | undefined;
}

export interface TabImporters {
  /** Replaces what the tab showed before: a page that shows no importer clears it. */
  set(tabId: number, report: TabImporterReport): Promise<void>;
  get(tabId: number): Promise<TabImporter | undefined>;
  /** The tab closed. */
  forget(tabId: number): Promise<void>;
}

const SESSION_KEY_PREFIX = 'aceTabImporter:';

const storedTabImporterSchema = z.object({
  importerNumbers: z.array(z.string()),
  accountName: z.optional(z.string()),
  url: z.optional(z.string()),
});

function sessionKey(tabId: number): string {
  return `${SESSION_KEY_PREFIX}${tabId}`;
}

/** Readable numbers only, normalised and without repeats, in the page's order. */
export function tabImporterFrom(report: TabImporterReport): TabImporter {
  const numbers = new Set<string>();
  for (const text of report.importerNumbers) {
    const normalised = normaliseImporterNumber(text);
    if (normalised !== undefined) numbers.add(normalised);
  }
  const accountName = report.accountName?.trim();
  return {
    importerNumbers: [...numbers],
    ...(accountName ? { accountName } : {}),
    ...(report.url ? { url: report.url } : {}),
  };
}

export function createTabImporters(area: SessionArea): TabImporters {
  const known = new Map<number, TabImporter>();
  /** Bumped by every set and forget: tells a session read that finished late it is stale. */
  let changes = 0;

  return {
    async set(tabId, report) {
      const importer = tabImporterFrom(report);
      // Memory first: a compare arriving while the session write is under way sees it already.
      known.set(tabId, importer);
      changes++;
      await area.set({ [sessionKey(tabId)]: importer });
    },

    async get(tabId) {
      const remembered = known.get(tabId);
      if (remembered) return remembered;
      const key = sessionKey(tabId);
      const before = changes;
      const parsed = storedTabImporterSchema.safeParse((await area.get([key]))[key]);
      // A set or forget while the session was read is newer than what the read found.
      if (changes !== before) return known.get(tabId);
      if (!parsed.success) return undefined;
      const importer: TabImporter = parsed.data;
      known.set(tabId, importer);
      return importer;
    },

    async forget(tabId) {
      known.delete(tabId);
      changes++;
      await area.remove([sessionKey(tabId)]);
    },
  };
}
