/**
 * Picker sessions: one per picker the page assistant opens. A session ties the picker page to
 * the frame that asked for it (tab, frame, document), remembers the profile the user chose
 * there, and lets that frame fetch the profile's values once. Kept in memory only: a session
 * lives for the seconds between opening the picker and choosing, while the messages keep the
 * worker awake; a lost one asks the user to open the picker again.
 */
import type { ProfileFingerprint } from '@/utils/enrollment/verification-event';
import type { ImporterQuestion } from '@/utils/messaging/importer-question';

export interface FillTarget {
  readonly tabId: number;
  readonly frameId: number;
  /** Absent where the browser does not report documents (Firefox). */
  readonly documentId?: string;
}

export interface FillSession extends FillTarget {
  readonly token: string;
  readonly createdAt: number;
  profileId?: string;
  /** Set when the values went to the page: the session then only awaits the page's report. */
  released?: {
    readonly profileLabel: string;
    readonly importerNumber?: string;
    /** The profile's bank details (last 4 only): the status page's "filled" event names them. */
    readonly fingerprint: ProfileFingerprint;
    /** Another importer's profile: what the page asks before filling (in our window where it must). */
    readonly question?: ImporterQuestion;
  };
  /** The question went to our window once: a page cannot have it asked again and again. */
  confirming?: boolean;
}

export interface FillSessions {
  open(target: FillTarget): FillSession;
  /** A session still within its lifetime, or undefined. */
  get(token: string): FillSession | undefined;
  end(token: string): void;
  /** Ends every session of a tab (the tab closed). */
  endTab(tabId: number): void;
  /** Ends them all (the vault locked: a profile chosen before must not be fetched after). */
  clear(): void;
}

/** Long enough to find a profile among thousands; short enough that a forgotten picker expires. */
export const FILL_SESSION_MS = 15 * 60_000;
/** A page that opens pickers in a loop cannot grow the map without bound. */
const MAX_SESSIONS = 50;

function randomToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(24));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

export function createFillSessions(now: () => number, newToken: () => string = randomToken): FillSessions {
  const sessions = new Map<string, FillSession>();

  function expired(session: FillSession): boolean {
    return now() - session.createdAt > FILL_SESSION_MS || now() < session.createdAt;
  }

  return {
    open(target) {
      for (const [token, session] of sessions) if (expired(session)) sessions.delete(token);
      // One picker per frame: a new one replaces the frame's earlier session.
      for (const [token, session] of sessions) {
        if (session.tabId === target.tabId && session.frameId === target.frameId) sessions.delete(token);
      }
      if (sessions.size >= MAX_SESSIONS) sessions.delete(sessions.keys().next().value!);
      const session: FillSession = { ...target, token: newToken(), createdAt: now() };
      sessions.set(session.token, session);
      return session;
    },
    get(token) {
      const session = sessions.get(token);
      if (!session) return undefined;
      if (!expired(session)) return session;
      sessions.delete(token);
      return undefined;
    },
    end(token) {
      sessions.delete(token);
    },
    endTab(tabId) {
      for (const [token, session] of sessions) if (session.tabId === tabId) sessions.delete(token);
    },
    clear() {
      sessions.clear();
    },
  };
}
