/**
 * The importer each ACE tab shows, as the tab's top frame last reported it (page/importer). The
 * bank form may sit in an iframe that cannot see the importer's number, so every frame of the
 * tab is compared against what the top frame said. Survives worker restarts (tab-session-store).
 */
import { z } from 'zod/mini';
import { normaliseImporterNumber } from '@/utils/bank/importer-number';
import { createTabSessionStore, type TabSessionStore } from './tab-session-store';
import type { SessionArea } from './vault-session';

export interface TabImporter {
  /** Normalised importer numbers; empty when the page shows none that can be read. */
  readonly importerNumbers: readonly string[];
  /** Numbers the page shows with nothing saying which is the importer's: the user chooses. */
  readonly candidates?: readonly string[];
  readonly accountName?: string;
  /** The top frame's address when it reported. */
  readonly url?: string;
}

export interface TabImporterReport {
  readonly importerNumbers: readonly string[];
  readonly candidates?: readonly string[] | undefined;
  readonly accountName?: string | undefined;
  readonly url?: string | undefined;
}

export type TabImporters = Omit<TabSessionStore<TabImporter>, 'set'> & {
  /** Replaces what the tab showed before: a page that shows no importer clears it. */
  set(tabId: number, report: TabImporterReport): Promise<void>;
};

const SESSION_KEY_PREFIX = 'aceTabImporter:';

const storedTabImporterSchema = z.object({
  importerNumbers: z.array(z.string()),
  candidates: z.optional(z.array(z.string())),
  accountName: z.optional(z.string()),
  url: z.optional(z.string()),
});

function readableNumbers(texts: readonly string[]): string[] {
  const numbers = new Set<string>();
  for (const text of texts) {
    const normalised = normaliseImporterNumber(text);
    if (normalised !== undefined) numbers.add(normalised);
  }
  return [...numbers];
}

/**
 * Readable numbers only, normalised and without repeats, in the page's order. Candidates count
 * only while the page labels no importer number, and only two or more make a question.
 */
export function tabImporterFrom(report: TabImporterReport): TabImporter {
  const importerNumbers = readableNumbers(report.importerNumbers);
  const candidates = importerNumbers.length === 0 ? readableNumbers(report.candidates ?? []) : [];
  const accountName = report.accountName?.trim();
  return {
    importerNumbers,
    ...(candidates.length > 1 ? { candidates } : {}),
    ...(accountName ? { accountName } : {}),
    ...(report.url ? { url: report.url } : {}),
  };
}

export function createTabImporters(area: SessionArea): TabImporters {
  const store = createTabSessionStore<TabImporter>(area, SESSION_KEY_PREFIX, (stored) => {
    const parsed = storedTabImporterSchema.safeParse(stored);
    return parsed.success ? parsed.data : undefined;
  });
  return { ...store, set: (tabId, report) => store.set(tabId, tabImporterFrom(report)) };
}
