/**
 * Settings an IT department sets for every user (Chrome's managed storage from policy, Firefox's
 * policies.json "3rdparty" section; both arrive through storage.managed): what each key may hold,
 * how the managed values lie over the user's own settings, and which changes they forbid. Pure,
 * so the rules are tested without a browser. A managed value can only tighten: an invalid one is
 * ignored with a warning, and one that would loosen the app's own rules has no effect.
 */
import { z } from 'zod/mini';
import type { ManagedPolicy, Settings } from '@/utils/messaging/shapes';
import { MIN_PASSPHRASE_SCORE, type PassphraseScore } from '@/utils/passphrase/passphrase-strength';
import { checkExtraHosts } from './extra-hosts';

export type { ManagedPolicy };

/** The same bounds as the user's own auto-lock setting (shapes.ts settingsSchema). */
const minutes = z.number().check(z.int(), z.minimum(1), z.maximum(24 * 60));

/** What each managed key may hold; public/managed_schema.json tells Chrome the same. */
const MANAGED_VALUE_SCHEMAS = {
  autoLockMinutes: minutes,
  maxAutoLockMinutes: minutes,
  forceSubmitGuard: z.boolean(),
  extraHosts: z.array(z.string().check(z.maxLength(253))).check(z.maxLength(100)),
  minPassphraseScore: z.number().check(z.int(), z.minimum(0), z.maximum(4)),
  allowExport: z.boolean(),
} as const;

export type ManagedKey = keyof typeof MANAGED_VALUE_SCHEMAS;
export const MANAGED_KEYS = Object.keys(MANAGED_VALUE_SCHEMAS) as ManagedKey[];

/**
 * The policy in force from what storage.managed answered. Each key is checked on its own: a
 * wrong one is left out (with a warning naming it), the others still apply. Values that change
 * nothing (a submit guard not forced, export allowed, a passphrase minimum at or under the app's
 * own) are left out too, so what remains is exactly what the user cannot change.
 */
export function readManagedPolicy(raw: unknown, warn: (message: string) => void): ManagedPolicy {
  const policy: ManagedPolicy = {};
  if (raw === undefined || raw === null) return policy;
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    warn('managed settings ignored: not an object of settings');
    return policy;
  }
  const values = raw as Record<string, unknown>;
  for (const key of Object.keys(values)) {
    if (!(MANAGED_KEYS as string[]).includes(key)) warn(`managed setting "${key}" ignored: not a setting of this extension`);
  }
  const read = <K extends ManagedKey>(key: K): z.output<(typeof MANAGED_VALUE_SCHEMAS)[K]> | undefined => {
    if (!Object.hasOwn(values, key) || values[key] === undefined) return undefined;
    const parsed = MANAGED_VALUE_SCHEMAS[key].safeParse(values[key]);
    if (!parsed.success) {
      warn(`managed setting "${key}" ignored: ${JSON.stringify(values[key])} is not a valid value`);
      return undefined;
    }
    return parsed.data as z.output<(typeof MANAGED_VALUE_SCHEMAS)[K]>;
  };

  const max = read('maxAutoLockMinutes');
  const autoLock = read('autoLockMinutes');
  if (max !== undefined) policy.maxAutoLockMinutes = max;
  if (autoLock !== undefined) {
    if (max !== undefined && autoLock > max) warn(`managed setting "autoLockMinutes" ${autoLock} is above "maxAutoLockMinutes": ${max} applies`);
    policy.autoLockMinutes = max === undefined ? autoLock : Math.min(autoLock, max);
  }
  if (read('forceSubmitGuard') === true) policy.forceSubmitGuard = true;
  const hosts = read('extraHosts');
  if (hosts !== undefined) {
    // Exactly the user's rule (CBP hosts only): one host outside it and the whole list is refused, as the options page refuses it.
    const checked = checkExtraHosts(hosts);
    if (checked.ok) policy.extraHosts = checked.hosts;
    else warn(`managed setting "extraHosts" ignored: ${checked.rejected.map((host) => JSON.stringify(host)).join(', ')} not a CBP host`);
  }
  const score = read('minPassphraseScore');
  if (score !== undefined && score > MIN_PASSPHRASE_SCORE) policy.minPassphraseScore = score;
  if (read('allowExport') === false) policy.allowExport = false;
  return policy;
}

/** The settings in force: a managed value wins, the user's own value stands where nothing is managed. */
export function mergeManagedSettings(user: Settings, policy: ManagedPolicy): Settings {
  const userMinutes = policy.maxAutoLockMinutes === undefined ? user.autoLockMinutes : Math.min(user.autoLockMinutes, policy.maxAutoLockMinutes);
  return {
    autoLockMinutes: policy.autoLockMinutes ?? userMinutes,
    submitGuard: policy.forceSubmitGuard === true || user.submitGuard,
    extraHosts: policy.extraHosts ?? user.extraHosts,
    reverifyDays: user.reverifyDays,
  };
}

const sameHosts = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((host) => b.includes(host));

/**
 * Why `changes` (already validated and normalised) may not be saved under `policy`, or undefined
 * when they may. Setting a managed value to what it already is changes nothing and is let through.
 */
export function managedChangeRefusal(changes: Partial<Settings>, policy: ManagedPolicy): string | undefined {
  const { autoLockMinutes, submitGuard, extraHosts } = changes;
  if (autoLockMinutes !== undefined) {
    if (policy.autoLockMinutes !== undefined && autoLockMinutes !== policy.autoLockMinutes) {
      return `Your organization sets the auto-lock to ${policy.autoLockMinutes} minutes; it cannot be changed here.`;
    }
    if (policy.maxAutoLockMinutes !== undefined && autoLockMinutes > policy.maxAutoLockMinutes) {
      return `Your organization allows at most ${policy.maxAutoLockMinutes} minutes before the vault locks.`;
    }
  }
  if (submitGuard === false && policy.forceSubmitGuard) {
    return 'Your organization requires the question before a form with problems is saved; it cannot be turned off.';
  }
  if (extraHosts !== undefined && policy.extraHosts !== undefined && !sameHosts(extraHosts, policy.extraHosts)) {
    return 'Your organization sets the extra ACE hosts; they cannot be changed here.';
  }
  return undefined;
}

/** The least zxcvbn score a new passphrase needs: the app's own, or the organization's if higher. */
export function minPassphraseScoreOf(policy: ManagedPolicy): PassphraseScore {
  return Math.max(MIN_PASSPHRASE_SCORE, policy.minPassphraseScore ?? 0) as PassphraseScore;
}

export function exportAllowed(policy: ManagedPolicy): boolean {
  return policy.allowExport !== false;
}
