/**
 * Background service worker: owns the profile vault (IndexedDB, encryption, lock) and answers
 * the extension's pages and the ACE content scripts through the one message protocol. Only
 * runtime.onMessage takes messages (besides it: the auto-lock alarm, tabs closing and the fill
 * shortcut); nothing is reachable from web pages or other extensions.
 */
import { browser } from 'wxt/browser';
import { createBackgroundApp } from '@/utils/background/background-app';
import {
  browserAlarms,
  browserAssistantScript,
  browserBadge,
  browserManagedArea,
  browserScriptApis,
  browserSessionArea,
  browserStorageAreas,
  browserTabMessaging,
} from '@/utils/background/browser-apis';
import { recordTiming, WORKER_START_MEASURE } from '@/utils/background/timing';
import { lazyPassphraseEstimator } from '@/utils/passphrase/passphrase-estimator';
import { fetchPackagedWords } from '@/utils/passphrase/passphrase-words-file';

export default defineBackground(() => {
  const tabMessaging = browserTabMessaging();
  const assistantScript = browserAssistantScript();
  const badge = browserBadge();
  const app = createBackgroundApp({
    ownId: browser.runtime.id,
    ownOrigin: browser.runtime.getURL('/'),
    sessionArea: browserSessionArea(),
    storageAreas: browserStorageAreas(),
    scriptApis: browserScriptApis(),
    alarms: browserAlarms(),
    ...(tabMessaging ? { tabMessaging } : {}),
    ...(assistantScript ? { assistantScript } : {}),
    // The ACE page's "Unlock" button: the popup page in a small window (a tab where none exist).
    unlockWindow: {
      popupUrl: browser.runtime.getURL('/popup.html'),
      // The other-importer question where the browser cannot tell whether the page shows ours.
      confirmUrl: browser.runtime.getURL('/confirm.html'),
      ...(browser.windows ? { windows: browser.windows } : {}),
      ...(browser.tabs ? { tabs: browser.tabs } : {}),
    },
    onError: (error) => console.error('ACE ACH Assist background:', error),
    // zxcvbn's word lists are read from the extension's files on the first new passphrase only.
    passphraseEstimator: lazyPassphraseEstimator(fetchPackagedWords),
    managedArea: browserManagedArea(),
    ...(badge ? { badge } : {}),
    warn: (message) => console.warn('ACE ACH Assist:', message),
  });

  browser.runtime.onMessage.addListener((message, sender) => app.receive(message, sender));
  browser.alarms.onAlarm.addListener((alarm) => void app.onAlarm(alarm.name));
  // Needs no permission; guarded all the same for browsers without it.
  browser.tabs?.onRemoved?.addListener((tabId) => void app.onTabRemoved(tabId));
  browser.commands?.onCommand.addListener((name, tab) => void app.onCommand(name, tab?.id));
  browser.storage.onChanged.addListener((_changes, area) => {
    if (area === 'managed') void app.onManagedChanged();
  });
  void app.startup();
  // Bench builds only: from the worker's start (its time origin) to here.
  recordTiming(WORKER_START_MEASURE, 0);
});
