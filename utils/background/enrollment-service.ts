/**
 * The status page's data in the background: records verification events per importer number
 * (verification-store.ts), turns them with the live profiles, the imported FedACH file and the
 * re-verify setting into the status rows (enrollment/enrollment-status.ts), and keeps the
 * toolbar badge at the count of mismatches and re-verifies while the vault is unlocked.
 */
import { directoryWarning } from '@/utils/enrollment/directory-warning';
import { badgeCount, enrollmentRows, type EnrollmentRow } from '@/utils/enrollment/enrollment-status';
import type { VerificationEvent } from '@/utils/enrollment/verification-event';
import type { DirectoryService } from './directory-service';
import { createHistoryCache } from './history-cache';
import type { ProfileStore } from './profile-store';
import type { SettingsService } from './settings-service';
import type { VaultService } from './vault-service';
import type { VerificationStore } from './verification-store';

/** The toolbar badge (browser.action, or browserAction in Firefox's MV2 build). */
export interface BadgeApis {
  setText(text: string): Promise<void>;
  setColor(color: string): Promise<void>;
}

/** Changes come in bursts (an import, a page that refreshes): the badge is counted once they pause. */
export const BADGE_DELAY_MS = 500;
const BADGE_COLOR = '#b3261e';

export interface EnrollmentSnapshot {
  readonly rows: EnrollmentRow[];
  readonly now: number;
  readonly reverifyDays: number;
}

export interface EnrollmentService {
  /** Adds the event to the importer's history (vault unlocked); false when it repeats the latest. */
  record(importerNumber: string, event: VerificationEvent): Promise<boolean>;
  /** Every importer's row as of now (vault unlocked). */
  snapshot(): Promise<EnrollmentSnapshot>;
  /** Counts the badge again once changes pause; clears it while locked. */
  refreshBadge(): void;
  /** Drops the decrypted histories kept in memory (the vault locked, or all data was erased). */
  forget(): void;
}

export interface EnrollmentServiceOptions {
  readonly vault: VaultService;
  readonly profiles: ProfileStore;
  readonly directory: DirectoryService;
  readonly settings: SettingsService;
  readonly verifications: VerificationStore;
  readonly now: () => number;
  readonly badge?: BadgeApis;
  readonly onError: (error: unknown) => void;
  readonly setTimeout?: (run: () => void, ms: number) => unknown;
}

export function createEnrollmentService(options: EnrollmentServiceOptions): EnrollmentService {
  const { vault, profiles, directory, settings, verifications, now, badge } = options;
  const later = options.setTimeout ?? ((run: () => void, ms: number) => setTimeout(run, ms));
  let badgeTimer = false;
  let shown: string | undefined;
  // One count at a time, in order: a slow one (thousands of importers) finishing after a later
  // one would leave its stale text on the badge, or a stale `shown` that skips the next change.
  let showing: Promise<void> = Promise.resolve();
  const cache = createHistoryCache(verifications);

  async function snapshot(): Promise<EnrollmentSnapshot> {
    const key = await vault.requireKey();
    const [{ profiles: live }, histories, index, { reverifyDays }] = await Promise.all([
      profiles.list(),
      cache.digests(key),
      directory.index(),
      settings.get(),
    ]);
    const at = now();
    const warnings = index ? { directory: (routingNumber: string) => directoryWarning(index, routingNumber) } : {};
    const rows = enrollmentRows({ profiles: live, histories, ...warnings, now: at, reverifyDays });
    return { rows, now: at, reverifyDays };
  }

  async function showBadge(): Promise<void> {
    if (!badge) return;
    const text = (await vault.status()).state === 'unlocked' ? String(badgeCount((await snapshot()).rows) || '') : '';
    if (text === shown) return;
    if (shown === undefined) await badge.setColor(BADGE_COLOR);
    await badge.setText(text);
    shown = text;
  }

  return {
    async record(importerNumber, event) {
      return cache.append(await vault.requireKey(), importerNumber, event);
    },
    forget: () => cache.forget(),
    snapshot,
    refreshBadge() {
      if (!badge || badgeTimer) return;
      badgeTimer = true;
      later(() => {
        badgeTimer = false;
        showing = showing.then(showBadge).catch(options.onError);
      }, BADGE_DELAY_MS);
    },
  };
}
