/** The one element of ours in the page (its shadow root is closed); the detector never looks inside it. */
export const UI_HOST_TAG = 'ace-ach-assist-ui';
