/**
 * Background service worker. It will own the profile vault (IndexedDB) and answer the content
 * scripts; for now it only announces itself so the extension has a worker to be found by.
 */
export default defineBackground(() => {
  browser.runtime.onInstalled.addListener(({ reason }) => {
    console.info(`ACE ACH Assist ${browser.runtime.getManifest().version}: ${reason}`);
  });
});
