/**
 * What the background tells a page assistant (tabs.sendMessage to one frame): open the profile
 * picker (the popup's "Fill this page", the keyboard shortcut), or fetch the profile the user
 * just chose in this frame's picker. They carry no profile data: the content script asks for
 * that itself (page/fill), so the background checks that request's sender.
 */

export type AssistantCommand =
  | { readonly type: 'ace-ach/open-picker' }
  | { readonly type: 'ace-ach/fill-ready'; readonly token: string };

/** The command a runtime message holds, or undefined for anything else. */
export function readAssistantCommand(message: unknown): AssistantCommand | undefined {
  if (typeof message !== 'object' || message === null) return undefined;
  const { type, token } = message as { type?: unknown; token?: unknown };
  if (type === 'ace-ach/open-picker') return { type };
  if (type === 'ace-ach/fill-ready' && typeof token === 'string' && token.length <= 64) return { type, token };
  return undefined;
}
