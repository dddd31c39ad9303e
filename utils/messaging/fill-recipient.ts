/**
 * Which frames may receive profile data (a picker session, the values of a fill): the top frame
 * of an ACE host over https, or a frame whose own origin is an ACE host over https. Never a
 * sandboxed frame, whose origin is opaque ("null") whatever its address says, and never a frame
 * of another origin. Judged from what the browser reports of the sender, not from anything the
 * content script says. Pure, so the rule is tested without a browser.
 */
import { isAceUrl } from '@/utils/ace-hosts';

export interface FillSenderFacts {
  /** The frame's document address. */
  readonly url?: string;
  /** The frame's own origin, where the browser reports it (Chrome; Firefox's MessageSender lists it too). */
  readonly origin?: string;
  readonly frameId?: number;
}

/** Why a frame is refused, in the words the activity log and the page show. */
export type FillRefusal = 'sandboxed' | 'not-ace-origin' | 'not-https' | 'unknown-frame';

export const FILL_REFUSAL_WORDS: Readonly<Record<FillRefusal, string>> = {
  sandboxed: 'the bank form is in a sandboxed frame',
  'not-ace-origin': 'the bank form is in a frame of another site',
  'not-https': 'the page is not served over https',
  'unknown-frame': 'the browser did not say which frame asked',
};

function originOf(url: string): string | undefined {
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}

/** Undefined when the frame may receive profile data; else why not. */
export function fillRefusal(sender: FillSenderFacts, extraHosts: readonly string[] = []): FillRefusal | undefined {
  if (!sender.url || typeof sender.frameId !== 'number') return 'unknown-frame';
  if (sender.origin === 'null') return 'sandboxed';
  // A browser that reports no origin: the document's address gives it (a sandboxed frame cannot
  // be told from the sender there).
  const origin = sender.origin ?? originOf(sender.url);
  if (!origin || origin === 'null') return 'sandboxed';
  if (!origin.startsWith('https:') || !sender.url.startsWith('https:')) return 'not-https';
  if (!isAceUrl(origin, extraHosts) || !isAceUrl(sender.url, extraHosts)) return 'not-ace-origin';
  return undefined;
}
