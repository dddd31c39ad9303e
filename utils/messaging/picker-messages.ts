/**
 * The one message the profile picker page sends to the page assistant around it (by
 * postMessage, which the ACE page's own scripts may see too, so it carries no data), and how
 * the assistant recognises it.
 */
export const PICKER_CLOSE_MESSAGE = { source: 'ace-ach-assist-picker', type: 'close' } as const;

export function isPickerCloseMessage(data: unknown): boolean {
  if (typeof data !== 'object' || data === null) return false;
  const { source, type } = data as { source?: unknown; type?: unknown };
  return source === PICKER_CLOSE_MESSAGE.source && type === PICKER_CLOSE_MESSAGE.type;
}

/** Fragment of picker.html: the session token (hex, as fill-sessions.ts makes it). */
export function pickerPath(token: string): string {
  return `/picker.html#${token}`;
}
