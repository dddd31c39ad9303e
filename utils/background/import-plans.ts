/**
 * Imports on their way to the user's confirmation, in memory under random tokens: first the
 * checked profiles the options page sends in batches (a staged import), then the previewed plan.
 * Both hold decrypted account numbers, so they expire after 10 minutes, are used at most once,
 * can be discarded by the page (Cancel), and are all dropped when the vault locks. Never
 * persisted: a worker restart simply asks for a new preview.
 */
import type { ImportCandidate, ImportPlan } from '@/utils/profile-transfer';

export const IMPORT_PLAN_TTL_MS = 10 * 60_000;
/**
 * Far above what a 10 MB profiles file can hold (a minimal row is about 45 bytes); stops a
 * runaway sender filling the worker's memory.
 */
export const MAX_STAGED_CANDIDATES = 250_000;

export type StageAdd = { readonly ok: true; readonly received: number } | { readonly ok: false; readonly reason: 'unknown' | 'too-many' };

export interface ImportPlans {
  keep(plan: ImportPlan): string;
  /** The plan, removed from the waiting list; undefined when unknown or expired. */
  take(token: string): ImportPlan | undefined;
  /** Starts collecting the checked profiles of one import: its id. */
  begin(): string;
  /** Adds profiles to a staged import; an import that would grow too large is dropped. */
  add(importId: string, candidates: readonly ImportCandidate[]): StageAdd;
  /** The staged profiles in the order sent, removed from the waiting list; undefined when unknown or expired. */
  collected(importId: string): ImportCandidate[] | undefined;
  /** Forgets a staged import or a plan (the user cancelled). */
  discard(token: string): void;
  clear(): void;
}

export function createImportPlans(now: () => number, newToken: () => string): ImportPlans {
  const plans = new Map<string, { plan: ImportPlan; expiresAt: number }>();
  const stages = new Map<string, { candidates: ImportCandidate[]; expiresAt: number }>();
  const dropExpired = () => {
    for (const [token, entry] of plans) if (entry.expiresAt <= now()) plans.delete(token);
    for (const [token, entry] of stages) if (entry.expiresAt <= now()) stages.delete(token);
  };
  return {
    keep(plan) {
      dropExpired();
      const token = newToken();
      plans.set(token, { plan, expiresAt: now() + IMPORT_PLAN_TTL_MS });
      return token;
    },
    take(token) {
      dropExpired();
      const entry = plans.get(token);
      plans.delete(token);
      return entry?.plan;
    },
    begin() {
      dropExpired();
      const importId = newToken();
      stages.set(importId, { candidates: [], expiresAt: now() + IMPORT_PLAN_TTL_MS });
      return importId;
    },
    add(importId, candidates) {
      dropExpired();
      const entry = stages.get(importId);
      if (!entry) return { ok: false, reason: 'unknown' };
      if (entry.candidates.length + candidates.length > MAX_STAGED_CANDIDATES) {
        stages.delete(importId);
        return { ok: false, reason: 'too-many' };
      }
      for (const candidate of candidates) entry.candidates.push(candidate);
      return { ok: true, received: entry.candidates.length };
    },
    collected(importId) {
      dropExpired();
      const entry = stages.get(importId);
      stages.delete(importId);
      return entry?.candidates;
    },
    discard(token) {
      plans.delete(token);
      stages.delete(token);
    },
    clear: () => {
      plans.clear();
      stages.clear();
    },
  };
}
