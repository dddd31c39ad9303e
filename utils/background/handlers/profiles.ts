/**
 * profiles/* requests. Every one needs the vault unlocked: the list too, since a locked vault
 * should show nothing of its contents. The list is searched and paged in the background
 * (profile-listing.ts), so the popup receives only the rows it shows. Saving parses with the bank core's parseBankProfile;
 * the background, not the page, sets the timestamps.
 */
import { checkAccountNumber } from '@/utils/bank/account-number';
import { BANK_PROFILE_SCHEMA_VERSION, parseBankProfile, type ProfileProblem } from '@/utils/bank/profile-schema';
import { checkRoutingNumber } from '@/utils/bank/routing-number';
import type { Handlers } from '@/utils/messaging/handle-request';
import { RequestError } from '@/utils/messaging/request-error';
import type { WireProblem } from '@/utils/messaging/shapes';
import { FieldDecryptionError } from '@/utils/vault/field-cipher';
import { openAccountNumber, openProfile, sealProfile, summarizeProfile } from '../profile-record';
import { isoNow, type BackgroundServices } from '../services';
import { PROFILES_LIST_MEASURE, timed } from '../timing';
import type { StoredProfile } from '../stored-records';

type ProfileHandlers = Pick<
  Handlers,
  'profiles/list' | 'profiles/get' | 'profiles/save' | 'profiles/find-duplicates' | 'profiles/delete' | 'profiles/restore'
>;

const NOT_FOUND = 'This profile no longer exists; it may have been deleted in another window.';
export const UNREADABLE_ACCOUNT =
  "This profile's account number cannot be decrypted with the vault's key; the record may be damaged. Enter it again.";

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

export function toWireProblem(problem: ProfileProblem): WireProblem {
  const wire: WireProblem = { code: problem.code, severity: problem.severity, message: problem.message, path: problem.path };
  if (problem.position !== undefined) wire.position = problem.position;
  return wire;
}

/** Decrypts, answering a damaged ciphertext with words rather than "internal error". */
export async function readableAccount<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof FieldDecryptionError) throw new RequestError('storage', UNREADABLE_ACCOUNT);
    throw error;
  }
}

async function liveRecord(services: BackgroundServices, id: string): Promise<StoredProfile> {
  const record = await services.profiles.get(id);
  if (!record || record.deletedAt) throw new RequestError('not-found', NOT_FOUND);
  return record;
}

function invalidProfile(problems: readonly ProfileProblem[]): RequestError {
  const first = problems[0];
  const message =
    problems.length === 1 && first
      ? `The profile was not saved: ${first.message}`
      : `The profile was not saved: ${problems.length} fields need attention.`;
  return new RequestError('invalid-profile', message, { problems: problems.map(toWireProblem) });
}

export function profileHandlers(services: BackgroundServices): ProfileHandlers {
  const { vault, log } = services;

  return {
    'profiles/list': (request) =>
      timed(PROFILES_LIST_MEASURE, async () => {
        await vault.requireKey();
        const { profiles, total, count, quarantined } = await services.profileListing.page(request);
        // A copy: the listing's own array stays as it is, whatever the messaging layer does.
        return { profiles: [...profiles], total, count, quarantined };
      }),

    'profiles/get': async ({ id }) => {
      const key = await vault.requireKey();
      const record = await liveRecord(services, id);
      return { profile: await readableAccount(() => openProfile(key, record)) };
    },

    'profiles/save': ({ id, profile: input }) =>
      services.profileWrites(async () => {
        const key = await vault.requireKey();
        const existing = id === undefined ? undefined : await liveRecord(services, id);
        const now = isoNow(services);
        const parsed = parseBankProfile({
          schemaVersion: BANK_PROFILE_SCHEMA_VERSION,
          ...input,
          createdAt: existing?.createdAt ?? now,
          updatedAt: now,
        });
        if (!parsed.ok) throw invalidProfile(parsed.problems);
        const profile = parsed.profile;
        const profileId = existing?.id ?? services.newId();
        // A verification against ACE's values on file says nothing once the bank details change.
        let lastVerification = existing?.lastVerification;
        if (existing && lastVerification) {
          const sameAccount =
            existing.routingNumber === profile.routingNumber &&
            existing.accountType === profile.accountType &&
            (await readableAccount(() => openAccountNumber(key, existing))) === profile.accountNumber;
          if (!sameAccount) lastVerification = undefined;
        }
        const record = await sealProfile(key, profileId, profile, lastVerification ? { lastVerification } : {});
        await services.profiles.put([record]);
        await log({
          action: existing ? 'profile-update' : 'profile-create',
          profileLabel: profile.label,
          importerNumber: profile.importerNumbers[0],
        });
        return { profile: summarizeProfile(record), warnings: parsed.warnings.map(toWireProblem) };
      }),

    'profiles/find-duplicates': async ({ routingNumber, accountNumber, exceptId }) => {
      const key = await vault.requireKey();
      const routing = checkRoutingNumber(routingNumber).digits;
      const account = checkAccountNumber(accountNumber).digits;
      if (!routing || !account) return { labels: [] };
      const { profiles } = await services.profiles.list();
      const sameRouting = profiles.filter((record) => record.id !== exceptId && record.routingNumber === routing);
      const accounts = await readableAccount(() => Promise.all(sameRouting.map((record) => openAccountNumber(key, record))));
      const labels = sameRouting.filter((_, i) => accounts[i] === account).map((record) => record.label);
      return { labels: labels.sort(collator.compare) };
    },

    'profiles/delete': ({ id }) =>
      services.profileWrites(async () => {
        await vault.requireKey();
        const record = await liveRecord(services, id);
        await services.profiles.put([{ ...record, deletedAt: isoNow(services) }]);
        await log({ action: 'profile-delete', profileLabel: record.label, importerNumber: record.importerNumbers[0] });
        return { done: true as const };
      }),

    'profiles/restore': ({ id }) =>
      services.profileWrites(async () => {
        await vault.requireKey();
        const record = await services.profiles.get(id);
        if (!record) throw new RequestError('not-found', 'This profile can no longer be restored.');
        if (!record.deletedAt) return { profile: summarizeProfile(record) };
        const { deletedAt: _deletedAt, ...restored } = record;
        await services.profiles.put([restored]);
        await log({ action: 'profile-restore', profileLabel: record.label, importerNumber: record.importerNumbers[0] });
        return { profile: summarizeProfile(restored) };
      }),
  };
}
