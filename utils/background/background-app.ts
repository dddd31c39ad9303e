/**
 * The background's composition root: opens the database, builds the services and the handler
 * table, and offers the three things the service worker entry wires to browser events: a
 * message receiver, the auto-lock alarm and the startup chores. Browser APIs come in as
 * arguments (browser-apis.ts builds the real ones), so tests run all of it over fakes.
 */
import type { Handlers, SenderInfo, SenderKind } from '@/utils/messaging/handle-request';
import { handleRequest } from '@/utils/messaging/handle-request';
import { classifySender, type SenderFacts } from '@/utils/messaging/classify-sender';
import type { Reply, RequestType } from '@/utils/messaging/protocol';
import { FILL_COMMAND } from '@/utils/messaging/fill-command';
import type { PassphraseEstimator } from '@/utils/passphrase/passphrase-strength';
import { PBKDF2_ITERATIONS } from '@/utils/vault/key-derivation';
import type { ActivityInput } from './activity-actions';
import { appendActivity } from './activity-log';
import { countsAsUserActivity } from './auto-lock-activity';
import { createComparePacing } from './compare-pacing';
import { createDatabaseConnection } from './database';
import { createDirectoryService } from './directory-service';
import { createEnrollmentService, type BadgeApis } from './enrollment-service';
import { syncExtraHostScripts, type ScriptRegistrationApis } from './extra-host-scripts';
import { createHandlers } from './handlers';
import type { AssistantScript } from './handlers/assistant-script';
import { fillHandlers, type TabMessaging } from './handlers/fill';
import { createFillSessions } from './fill-sessions';
import { createFormFrames } from './form-frames';
import { createImportPlans } from './import-plans';
import { createImporterConfirmations } from './importer-confirmations';
import { createProfileListing } from './profile-listing';
import { createProfileStore } from './profile-store';
import { createVerificationStore } from './verification-store';
import type { BackgroundServices } from './services';
import { createManagedSettings, withManagedSettings, type ManagedArea } from './managed-settings';
import { createSettingsService } from './settings-service';
import { createTabImporters } from './tab-importers';
import { createSerialQueue } from './transactions';
import type { UnlockWindowApis } from './unlock-window';
import { createVaultService } from './vault-service';
import { createVaultSession, type SessionArea } from './vault-session';

export const AUTO_LOCK_ALARM = 'vault-auto-lock';
/** Soft-deleted profiles are kept this long for undo, then purged at startup. */
export const DELETED_PROFILE_RETENTION_MS = 24 * 60 * 60_000;
/** The worker starts often (it sleeps after 30 s idle); the purge need not run each time. */
export const PURGE_INTERVAL_MS = 60 * 60_000;
const LAST_PURGE = 'lastPurgeAt';

/** The part of browser.alarms the auto-lock needs. */
export interface AlarmApis {
  create(name: string, info: { periodInMinutes: number }): Promise<unknown> | void;
  clear(name: string): Promise<unknown>;
  get(name: string): Promise<unknown>;
}

export interface BackgroundAppOptions {
  /** The extension's own id and origin (runtime.id, runtime.getURL('/')) for the sender check. */
  readonly ownId: string;
  readonly ownOrigin: string;
  readonly sessionArea: SessionArea;
  readonly scriptApis: ScriptRegistrationApis;
  /** The auto-lock alarm runs only while the vault is unlocked; absent, only the lazy check does. */
  readonly alarms?: AlarmApis;
  /** Messages to a tab's frames and the active tab (filling); absent, nothing opens the picker. */
  readonly tabMessaging?: TabMessaging;
  /** Injects the page assistant into a frame that found a bank form (browser.scripting). */
  readonly assistantScript?: AssistantScript;
  /** What page/open-unlock opens the popup page with; absent, it answers that it cannot. */
  readonly unlockWindow?: UnlockWindowApis;
  /**
   * Every storage area of the extension (storage.local and storage.session), emptied by Erase
   * all data; absent, only the vault's own keys in the session area go (by locking).
   */
  readonly storageAreas?: readonly { clear(): Promise<void> }[];
  /** Defaults to the global indexedDB; tests pass a fresh fake factory. */
  readonly indexedDB?: IDBFactory;
  /** PBKDF2 iterations for the vault; tests lower it (allowed only under vitest). */
  readonly iterations?: number;
  readonly backupIterations?: number;
  readonly now?: () => number;
  /** How the background waits out a tab's comparison pacing; tests move their clock instead. */
  readonly sleep?: (ms: number) => Promise<void>;
  readonly newId?: () => string;
  /** Faults that are not the user's doing (they answer "internal"); never given secrets. */
  readonly onError?: (error: unknown) => void;
  /** zxcvbn for new passphrases; the worker reads the word lists the build ships, tests the packages'. */
  readonly passphraseEstimator: () => Promise<PassphraseEstimator>;
  /** The organization's settings (storage.managed); absent, nothing is managed. */
  readonly managedArea?: ManagedArea;
  /** Where a managed value that is ignored is reported. */
  readonly warn?: (message: string) => void;
  /** The toolbar badge: mismatches and re-verifies while unlocked; absent, no badge. */
  readonly badge?: BadgeApis;
  /** How the badge waits for a burst of changes to pause (setTimeout); tests run it by hand. */
  readonly badgeTimer?: (run: () => void, ms: number) => unknown;
}

export interface BackgroundApp {
  readonly services: BackgroundServices;
  /** The handler table as the receiver runs it (the user's requests count as activity: auto-lock-activity.ts). */
  readonly handlers: Handlers;
  /** Answers one runtime message; `sender` as the browser reports it. */
  receive(message: unknown, sender: SenderFacts): Promise<Reply>;
  onAlarm(name: string): Promise<void>;
  /** A tab closed: forgets the importer its page showed, its form frames and picker sessions. */
  onTabRemoved(tabId: number): Promise<void>;
  /** A keyboard shortcut (manifest commands) was pressed with `tabId` active. */
  onCommand(name: string, tabId: number | undefined): Promise<void>;
  /**
   * Run on every worker start: purges expired soft-deleted profiles (once per browser session
   * and then hourly at most), keeps the extra hosts' content scripts registered and, while
   * unlocked, the auto-lock alarm running.
   */
  startup(): Promise<void>;
  /** The browser reported a change of the organization's settings (storage.onChanged, area "managed"). */
  onManagedChanged(): Promise<void>;
}

/**
 * Requests after which the badge's count may have changed: a recorded visit, fill or Save, the
 * profiles, the FedACH file, the re-verify setting, the vault's state.
 */
const BADGE_REQUESTS: ReadonlySet<RequestType> = new Set<RequestType>([
  'page/compare', 'page/fill-done', 'page/saved',
  'profiles/save', 'profiles/delete', 'profiles/restore', 'import/commit',
  'directory/import-commit', 'settings/set', 'data/erase',
  'vault/setup', 'vault/unlock', 'vault/lock',
]);

/**
 * A comparison changes the count only when it is recorded: the rest come with every pause in the
 * user's typing, and each recount works out every importer's row.
 */
function changesBadge(type: RequestType, payload: unknown): boolean {
  return type !== 'page/compare' || (payload as { recordVerification?: unknown }).recordVerification === true;
}

/** Counts the badge again after each request that may change it, whether it succeeded or not. */
function refreshingBadge(handlers: Handlers, refreshBadge: () => void): Handlers {
  const wrapped: Record<string, unknown> = { ...handlers };
  for (const type of BADGE_REQUESTS) {
    const handler = handlers[type] as (p: unknown, s: SenderKind, i: SenderInfo) => Promise<unknown>;
    wrapped[type] = async (payload: unknown, sender: SenderKind, senderInfo: SenderInfo) => {
      try {
        return await handler(payload, sender, senderInfo);
      } finally {
        if (changesBadge(type, payload)) refreshBadge();
      }
    };
  }
  return wrapped as Handlers;
}

/** Runs `recordActivity` before each request that says the user is there (auto-lock-activity.ts). */
function countingActivity(handlers: Handlers, recordActivity: () => Promise<void>): Handlers {
  const wrapped: Record<string, unknown> = {};
  for (const [type, handler] of Object.entries(handlers) as [
    RequestType,
    (p: unknown, s: SenderKind, i: SenderInfo) => Promise<unknown>,
  ][]) {
    wrapped[type] = async (payload: unknown, sender: SenderKind, senderInfo: SenderInfo) => {
      if (countsAsUserActivity(type, sender)) await recordActivity();
      return handler(payload, sender, senderInfo);
    };
  }
  return wrapped as Handlers;
}

/** The tab and frame a message came from, as far as the browser says. */
function senderInfoOf(sender: SenderFacts): SenderInfo {
  const tab = sender.tab as { id?: unknown } | undefined;
  const tabId = typeof tab?.id === 'number' ? tab.id : undefined;
  return {
    ...(tabId !== undefined ? { tabId } : {}),
    ...(typeof sender.frameId === 'number' ? { frameId: sender.frameId } : {}),
    ...(typeof sender.url === 'string' ? { url: sender.url } : {}),
    ...(typeof sender.origin === 'string' ? { origin: sender.origin } : {}),
    ...(typeof sender.documentId === 'string' ? { documentId: sender.documentId } : {}),
  };
}

export function createBackgroundApp(options: BackgroundAppOptions): BackgroundApp {
  const now = options.now ?? (() => Date.now());
  const newId = options.newId ?? (() => crypto.randomUUID());
  const onError = options.onError ?? (() => {});
  const database = createDatabaseConnection(options.indexedDB);
  const managed = createManagedSettings(options.managedArea, options.warn ?? (() => {}));
  const settings = withManagedSettings(createSettingsService(database), managed);
  const profiles = createProfileStore(database);
  const profileListing = createProfileListing(profiles);

  // The log never fails the request it records: the change itself has already been made.
  const log = async (entry: ActivityInput) => {
    try {
      await appendActivity(await database(), entry, new Date(now()));
    } catch (error) {
      onError(error);
    }
  };

  const importPlans = createImportPlans(now, newId);
  const fillSessions = createFillSessions(now);
  const { alarms } = options;
  // No alarm while locked: nothing to lock, and no reason to wake the worker every minute.
  const startAlarm = async () => {
    if (alarms && !(await alarms.get(AUTO_LOCK_ALARM))) await alarms.create(AUTO_LOCK_ALARM, { periodInMinutes: 1 });
  };
  const vault = createVaultService({
    database,
    session: createVaultSession(options.sessionArea),
    iterations: options.iterations ?? PBKDF2_ITERATIONS,
    now,
    autoLockMinutes: async () => (await settings.get()).autoLockMinutes,
    log,
    onUnlock: async () => {
      await startAlarm();
      enrollment.refreshBadge();
    },
    onLock: async () => {
      importPlans.clear();
      fillSessions.clear();
      enrollment.forget();
      enrollment.refreshBadge();
      await alarms?.clear(AUTO_LOCK_ALARM);
    },
  });
  const directory = createDirectoryService({ database, now, newId });
  const enrollment = createEnrollmentService({
    vault,
    profiles,
    directory,
    settings,
    verifications: createVerificationStore(database),
    now,
    onError,
    ...(options.badge ? { badge: options.badge } : {}),
    ...(options.badgeTimer ? { setTimeout: options.badgeTimer } : {}),
  });

  const syncExtraHosts = async (hosts: readonly string[]) => {
    try {
      await syncExtraHostScripts(options.scriptApis, hosts);
    } catch (error) {
      // The hosts are saved either way; the options page shows whether the permission is granted.
      onError(error);
    }
  };

  const services: BackgroundServices = {
    database,
    vault,
    profiles,
    profileListing,
    settings,
    managed,
    directory,
    enrollment,
    importPlans,
    profileWrites: createSerialQueue(),
    log,
    now,
    newId,
    syncExtraHosts,
    eraseExtensionStorage: async () => {
      await Promise.all((options.storageAreas ?? []).map((area) => area.clear()));
    },
    passphraseEstimator: options.passphraseEstimator,
    ...(options.backupIterations === undefined ? {} : { backupIterations: options.backupIterations }),
  };
  const tabImporters = createTabImporters(options.sessionArea);
  const formFrames = createFormFrames(options.sessionArea);
  const { openPickerInTab, ...fill } = fillHandlers(services, {
    tabImporters,
    formFrames,
    sessions: fillSessions,
    ...(options.tabMessaging ? { tabs: options.tabMessaging } : {}),
    confirmations: createImporterConfirmations(newId),
    ...(options.unlockWindow ? { windows: options.unlockWindow } : {}),
  });
  const pacing = createComparePacing();
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const pageDependencies = {
    tabImporters,
    pacing,
    sleep,
    ...(options.unlockWindow ? { unlockWindow: options.unlockWindow } : {}),
    ...(options.assistantScript ? { assistantScript: options.assistantScript } : {}),
  };
  const handlers = countingActivity(
    refreshingBadge(createHandlers(services, pageDependencies, fill), () => enrollment.refreshBadge()),
    () => vault.recordActivity(),
  );

  return {
    services,
    handlers,

    async receive(message, sender) {
      let extraHosts: readonly string[] = [];
      try {
        extraHosts = (await settings.get()).extraHosts;
      } catch (error) {
        onError(error);
      }
      const kind = classifySender(sender, options.ownId, options.ownOrigin, extraHosts);
      return handleRequest(handlers, message, kind, onError, senderInfoOf(sender));
    },

    async onAlarm(name) {
      if (name !== AUTO_LOCK_ALARM) return;
      try {
        await vault.lockIfIdle();
      } catch (error) {
        onError(error);
      }
    },

    async onTabRemoved(tabId) {
      fillSessions.endTab(tabId);
      pacing.forget(tabId);
      try {
        await Promise.all([tabImporters.forget(tabId), formFrames.forget(tabId)]);
      } catch (error) {
        onError(error);
      }
    },

    async onCommand(name, tabId) {
      if (name !== FILL_COMMAND) return;
      try {
        await vault.recordActivity();
        await openPickerInTab(tabId ?? (await options.tabMessaging?.activeTabId()));
      } catch (error) {
        onError(error);
      }
    },

    async onManagedChanged() {
      managed.refresh();
      try {
        await syncExtraHosts((await settings.get()).extraHosts);
      } catch (error) {
        onError(error);
      }
    },

    async startup() {
      try {
        const lastPurge = (await options.sessionArea.get([LAST_PURGE]))[LAST_PURGE];
        if (typeof lastPurge !== 'number' || now() - lastPurge >= PURGE_INTERVAL_MS || now() < lastPurge) {
          const cutoff = new Date(now() - DELETED_PROFILE_RETENTION_MS).toISOString();
          await profiles.purgeDeleted(cutoff);
          await options.sessionArea.set({ [LAST_PURGE]: now() });
        }
      } catch (error) {
        onError(error);
      }
      try {
        // Every profile is not read ahead here: the worker usually wakes for the popup, whose
        // first page comes from its own record (profile-list-head.ts), and reading them all at
        // once would hold up that answer. The listing reads them right after it.
        if ((await vault.status()).state === 'unlocked') {
          await startAlarm();
          // A day may have passed: importers can have come due for re-verification.
          enrollment.refreshBadge();
        }
      } catch (error) {
        onError(error);
      }
      try {
        await syncExtraHosts((await settings.get()).extraHosts);
      } catch (error) {
        onError(error);
      }
    },
  };
}
