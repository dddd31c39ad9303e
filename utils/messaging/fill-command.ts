/**
 * The keyboard shortcut that opens the profile picker on an ACE page (manifest `commands`): its
 * name, read by the manifest and the background, and the keys suggested to the browser (the user
 * may change them at chrome://extensions/shortcuts or in Firefox's add-on shortcuts).
 */
export const FILL_COMMAND = 'fill-bank-form';
export const FILL_COMMAND_KEYS = 'Alt+Shift+F';
export const FILL_COMMAND_DESCRIPTION = 'Fill the ACE bank form from a saved profile';
