/**
 * Import previews waiting for the user's confirmation, in memory under random tokens. They hold
 * decrypted account numbers, so they expire after 10 minutes, are used at most once, and are
 * all dropped when the vault locks. Never persisted: a worker restart simply asks for a new
 * preview.
 */
import type { ImportPlan } from '@/utils/profile-transfer';

export const IMPORT_PLAN_TTL_MS = 10 * 60_000;

export interface ImportPlans {
  keep(plan: ImportPlan): string;
  /** The plan, removed from the waiting list; undefined when unknown or expired. */
  take(token: string): ImportPlan | undefined;
  clear(): void;
}

export function createImportPlans(now: () => number, newToken: () => string): ImportPlans {
  const plans = new Map<string, { plan: ImportPlan; expiresAt: number }>();
  const dropExpired = () => {
    for (const [token, entry] of plans) if (entry.expiresAt <= now()) plans.delete(token);
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
    clear: () => plans.clear(),
  };
}
