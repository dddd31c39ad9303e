/**
 * The real browser APIs the background app needs, from WXT's polyfilled `browser`: the
 * storage.session and storage.managed areas, content script registration for extra hosts, and alarms. The only
 * module of utils/background that touches `browser` directly.
 */
import { browser } from 'wxt/browser';
import type { AssistantCommand } from '@/utils/messaging/assistant-commands';
import type { AlarmApis } from './background-app';
import type { BadgeApis } from './enrollment-service';
import type { TabMessaging } from './handlers/fill';
import type { ScriptRegistrationApis } from './extra-host-scripts';
import type { ManagedArea } from './managed-settings';
import type { AssistantScript } from './handlers/assistant-script';
import type { SessionArea } from './vault-session';

export function browserSessionArea(): SessionArea {
  return browser.storage.session;
}

/** Every storage area the extension may have written: what Erase all data empties. */
export function browserStorageAreas(): { clear(): Promise<void> }[] {
  return [browser.storage.local, browser.storage.session];
}

/** The organization's settings: Chrome's policy for this extension, Firefox's policies.json "3rdparty" section. */
export function browserManagedArea(): ManagedArea | undefined {
  const managed = browser.storage?.managed;
  return managed ? { get: () => managed.get() } : undefined;
}

export function browserAlarms(): AlarmApis | undefined {
  return browser.alarms;
}

export function browserScriptApis(): ScriptRegistrationApis {
  // Firefox MV2 builds may lack scripting or its registration methods; the sync checks each.
  const scripting = (browser as { scripting?: ScriptRegistrationApis['scripting'] }).scripting;
  const permissions = (browser as { permissions?: ScriptRegistrationApis['permissions'] }).permissions;
  return {
    ...(scripting ? { scripting } : {}),
    ...(permissions ? { permissions } : {}),
    contentScriptFiles: () => browser.runtime.getManifest().content_scripts?.[0]?.js ?? [],
  };
}

export function browserTabMessaging(): TabMessaging | undefined {
  if (!browser.tabs?.sendMessage) return undefined;
  return {
    sendToFrame: (tabId: number, frameId: number, command: AssistantCommand) => browser.tabs.sendMessage(tabId, command, { frameId }),
    async activeTabId() {
      // A popup window of ours (the unlock window) may be the focused one: the page is in a normal window.
      const window = browser.windows ? await browser.windows.getLastFocused({ windowTypes: ['normal'] }) : undefined;
      const [tab] = await browser.tabs.query(window?.id === undefined ? { active: true, lastFocusedWindow: true } : { active: true, windowId: window.id });
      return tab?.id;
    },
  };
}

/** The page assistant's script, built from entrypoints/ace-assistant.content.ts (registered at run time, never in the manifest). */
export const ASSISTANT_SCRIPT_FILE = '/content-scripts/ace-assistant.js';

export function browserAssistantScript(): AssistantScript | undefined {
  const scripting = (browser as { scripting?: { executeScript?: typeof browser.scripting.executeScript } }).scripting;
  if (!scripting?.executeScript) return undefined;
  return async (tabId, frameId) => {
    await scripting.executeScript!({ target: { tabId, frameIds: [frameId] }, files: [ASSISTANT_SCRIPT_FILE] });
  };
}

/** The toolbar button's badge: `action` in MV3, `browserAction` in Firefox's MV2 build. */
export function browserBadge(): BadgeApis | undefined {
  const action = (browser.action ?? browser.browserAction) as typeof browser.action | undefined;
  if (!action?.setBadgeText) return undefined;
  return {
    setText: async (text) => {
      await action.setBadgeText({ text });
    },
    setColor: async (color) => {
      await action.setBadgeBackgroundColor({ color });
    },
  };
}
