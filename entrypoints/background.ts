/**
 * Background service worker: owns the profile vault (IndexedDB, encryption, lock) and answers
 * the extension's pages and the ACE content scripts through the one message protocol. Only
 * runtime.onMessage is listened to; nothing is reachable from web pages or other extensions.
 */
import { browser } from 'wxt/browser';
import { createBackgroundApp } from '@/utils/background/background-app';
import { browserAlarms, browserScriptApis, browserSessionArea } from '@/utils/background/browser-apis';

export default defineBackground(() => {
  const app = createBackgroundApp({
    ownId: browser.runtime.id,
    ownOrigin: browser.runtime.getURL('/'),
    sessionArea: browserSessionArea(),
    scriptApis: browserScriptApis(),
    alarms: browserAlarms(),
    onError: (error) => console.error('ACE ACH Assist background:', error),
  });

  browser.runtime.onMessage.addListener((message, sender) => app.receive(message, sender));
  browser.alarms.onAlarm.addListener((alarm) => void app.onAlarm(alarm.name));
  void app.startup();
});
