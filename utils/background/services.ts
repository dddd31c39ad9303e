/**
 * What the request handlers work with, gathered in one object so the background wires the real
 * adapters (background-app.ts) and tests wire fakes, with the handlers none the wiser.
 */
import type { PassphraseEstimator } from '@/utils/passphrase/passphrase-strength';
import type { ActivityInput } from './activity-actions';
import type { AppDatabase } from './database';
import type { DirectoryService } from './directory-service';
import type { EnrollmentService } from './enrollment-service';
import type { ImportPlans } from './import-plans';
import type { ProfileListing } from './profile-listing';
import type { ProfileStore } from './profile-store';
import type { ManagedSettings } from './managed-settings';
import type { SettingsService } from './settings-service';
import type { VaultService } from './vault-service';

export interface BackgroundServices {
  readonly database: () => Promise<AppDatabase>;
  readonly vault: VaultService;
  readonly profiles: ProfileStore;
  /** The live profiles' summaries, searched and paged for profiles/list. */
  readonly profileListing: ProfileListing;
  /** The user's settings with the organization's managed values over them (managed-settings.ts). */
  readonly settings: SettingsService;
  /** The organization's policy: the passphrase minimum and whether export is allowed are read here. */
  readonly managed: ManagedSettings;
  readonly directory: DirectoryService;
  /** Verification histories, the status page's rows and the toolbar badge. */
  readonly enrollment: EnrollmentService;
  readonly importPlans: ImportPlans;
  /** Profile changes run one at a time (they read, encrypt, then write). */
  readonly profileWrites: <T>(task: () => Promise<T>) => Promise<T>;
  readonly log: (entry: ActivityInput) => Promise<void>;
  readonly now: () => number;
  readonly newId: () => string;
  /** PBKDF2 iterations of encrypted backups; undefined = the backup format's default. */
  readonly backupIterations?: number;
  /** Brings the extra hosts' content script registration in line with the settings. */
  readonly syncExtraHosts: (hosts: readonly string[]) => Promise<void>;
  /** Empties every storage area of the extension (storage.local, storage.session): data/erase. */
  readonly eraseExtensionStorage: () => Promise<void>;
  /** zxcvbn for new passphrases, set up on the first call (utils/passphrase-estimator.ts). */
  readonly passphraseEstimator: () => Promise<PassphraseEstimator>;
}

export function isoNow(services: Pick<BackgroundServices, 'now'>): string {
  return new Date(services.now()).toISOString();
}
