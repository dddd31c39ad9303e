/**
 * import/* and export/* requests, around the pure planner and writers of utils/profile-transfer.
 * The options page's import worker reads and checks the file; its good profiles arrive here in
 * batches (import/begin, import/chunk…), each checked again with the bank core before it is kept,
 * so nothing unchecked is ever written. The import is then previewed (nothing written; the plan
 * waits under a token) and committed on confirmation in one transaction, so it lands whole or not
 * at all. Each batch is small, so the background answers the popup between them.
 */
import type { BankProfile } from '@/utils/bank/profile-schema';
import type { Handlers } from '@/utils/messaging/handle-request';
import { RequestError } from '@/utils/messaging/request-error';
import { parseBankProfile } from '@/utils/bank/profile-schema';
import { importCandidatesSchema, parseJsonBatch, PREVIEW_ROWS_SHOWN } from '@/utils/messaging/shapes';
import {
  encryptBackup,
  planImport,
  PROFILE_ID_SHAPE,
  serializeProfilesCsv,
  serializeProfilesJson,
  type ExportableProfile,
  type ImportCandidate,
  type ImportPlan,
} from '@/utils/profile-transfer';
import { problemReasons } from '@/utils/profile-transfer/profile-check';
import { exportAllowed } from '../managed-policy';
import { requireNewPassphrase } from '../new-passphrase';
import { openAccountNumber, openProfile, sealProfile } from '../profile-record';
import { ImportConflictError } from '../profile-store';
import { isoNow, type BackgroundServices } from '../services';
import type { StoredProfile } from '../stored-records';
import { readableAccount } from './profiles';

type TransferHandlers = Pick<
  Handlers,
  'import/begin' | 'import/chunk' | 'import/preview' | 'import/discard' | 'import/commit' | 'export/plain' | 'export/encrypted'
>;

function changedSincePreview(): RequestError {
  return new RequestError('invalid-import', 'The saved profiles changed since the preview. Preview the import again.');
}

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

const interrupted = () =>
  new RequestError('not-found', 'This import was interrupted (the vault locked, or it waited too long). Choose the file again.');

/** The page's checked profiles, checked again here: the vault keeps only what the bank core accepts. */
function recheck(candidates: readonly { line: number; id?: string | undefined; profile: Record<string, unknown> }[]): ImportCandidate[] {
  return candidates.map(({ line, id, profile }) => {
    const parsed = parseBankProfile(profile);
    if (!parsed.ok) {
      throw new RequestError('invalid-import', `Line ${line}: ${problemReasons(parsed.problems).join('; ')}`);
    }
    return id === undefined ? { line, profile: parsed.profile } : { line, id, profile: parsed.profile };
  });
}

/** Both exports are refused where the organization does not allow export (managed settings). */
async function requireExportAllowed(services: BackgroundServices): Promise<void> {
  if (!exportAllowed(await services.managed.policy())) {
    throw new RequestError('forbidden', 'Your organization does not allow exporting profiles.');
  }
}

/** Live profiles, decrypted, in label order: what both exports write. */
async function exportableProfiles(services: BackgroundServices): Promise<ExportableProfile[]> {
  const key = await services.vault.requireKey();
  const { profiles } = await services.profiles.list();
  // All at once: WebCrypto works off the worker's thread, one by one would wait 5,000 round trips.
  const opened = await readableAccount(() =>
    Promise.all(
      profiles.map(async (record): Promise<ExportableProfile> => {
        // Only the BankProfile fields and the id: the verification record is this vault's own.
        const { lastVerification: _verification, ...profile } = await openProfile(key, record);
        return profile;
      }),
    ),
  );
  return opened.sort((a, b) => collator.compare(a.label, b.label));
}

/** The records an approved plan writes, sealed before the transaction opens. */
async function sealPlan(services: BackgroundServices, key: CryptoKey, plan: ImportPlan): Promise<StoredProfile[]> {
  const stored = await services.profiles.all();
  const live = new Map(stored.filter((record) => !record.deletedAt).map((record) => [record.id, record]));
  // Deleted profiles keep their ids until purged, so a restore still finds them.
  const taken = new Set(stored.map((record) => record.id));
  const now = isoNow(services);
  const updates = plan.update.map(async (candidate) => {
    const existing = live.get(candidate.id);
    if (!existing) throw changedSincePreview();
    const profile: BankProfile = { ...candidate.profile, createdAt: existing.createdAt, updatedAt: now };
    let lastVerification = existing.lastVerification;
    if (lastVerification) {
      const same =
        existing.routingNumber === profile.routingNumber &&
        existing.accountType === profile.accountType &&
        (await readableAccount(() => openAccountNumber(key, existing))) === profile.accountNumber;
      if (!same) lastVerification = undefined;
    }
    return sealProfile(key, candidate.id, profile, lastVerification ? { lastVerification } : {});
  });
  const adds = plan.add.map((candidate) => {
    const fileId = candidate.id;
    const id = fileId !== undefined && PROFILE_ID_SHAPE.test(fileId) && !taken.has(fileId) ? fileId : services.newId();
    taken.add(id);
    return sealProfile(key, id, candidate.profile);
  });
  // Sealed concurrently (WebCrypto runs off the worker's thread), written in plan order.
  return Promise.all([...updates, ...adds]);
}

export function transferHandlers(services: BackgroundServices): TransferHandlers {
  const { vault, importPlans, log } = services;

  return {
    'import/begin': async () => {
      await vault.requireKey();
      return { importId: importPlans.begin() };
    },

    'import/chunk': async ({ importId, candidatesJson }) => {
      await vault.requireKey();
      const candidates = parseJsonBatch(candidatesJson, importCandidatesSchema);
      if (!candidates) throw new RequestError('bad-request', 'Malformed import/chunk request.');
      const added = importPlans.add(importId, recheck(candidates));
      if (added.ok) return { received: added.received };
      if (added.reason === 'unknown') throw interrupted();
      throw new RequestError('invalid-import', 'This file holds far more profiles than an import takes.');
    },

    'import/preview': async ({ importId }) => {
      await vault.requireKey();
      const candidates = importPlans.collected(importId);
      if (!candidates) throw interrupted();
      const { profiles } = await services.profiles.list();
      const plan = planImport(
        candidates,
        profiles.map(({ id, label, importerNumbers }) => ({ id, label, importerNumbers })),
      );
      return {
        token: importPlans.keep(plan),
        added: plan.add.length,
        updated: plan.update.length,
        add: plan.add
          .slice(0, PREVIEW_ROWS_SHOWN)
          .map(({ line, profile }) => ({ line, label: profile.label, importerNumbers: [...profile.importerNumbers] })),
        update: plan.update.slice(0, PREVIEW_ROWS_SHOWN).map(({ line, id, profile }) => ({
          line,
          id,
          label: profile.label,
          importerNumbers: [...profile.importerNumbers],
        })),
      };
    },

    'import/discard': async ({ token }) => {
      importPlans.discard(token);
      return { done: true };
    },

    'import/commit': ({ token }) =>
      services.profileWrites(async () => {
        const key = await vault.requireKey();
        const plan = importPlans.take(token);
        if (!plan) throw new RequestError('not-found', 'This import preview has expired. Choose the file again.');
        const records = await sealPlan(services, key, plan);
        const written = await services.profiles.commitImport(records, plan.update.map((update) => update.id)).catch((error: unknown) => {
          throw error instanceof ImportConflictError ? changedSincePreview() : error;
        });
        await log({
          action: 'profiles-import',
          detail: `${plan.add.length} added, ${plan.update.length} updated`,
        });
        return { added: written.added, updated: written.updated };
      }),

    'export/plain': async ({ format }) => {
      await requireExportAllowed(services);
      const profiles = await exportableProfiles(services);
      const text = format === 'json' ? serializeProfilesJson(profiles, isoNow(services)) : serializeProfilesCsv(profiles);
      await log({ action: 'profiles-export', detail: `${profiles.length} profiles, ${format.toUpperCase()}, not encrypted` });
      return { text, count: profiles.length };
    },

    'export/encrypted': async ({ passphrase }) => {
      await requireExportAllowed(services);
      await requireNewPassphrase(services, passphrase);
      const profiles = await exportableProfiles(services);
      const plain = serializeProfilesJson(profiles, isoNow(services));
      const text = await encryptBackup(
        plain,
        passphrase,
        services.backupIterations === undefined ? {} : { iterations: services.backupIterations },
      );
      await log({ action: 'profiles-export', detail: `${profiles.length} profiles, encrypted backup` });
      return { text, count: profiles.length };
    },
  };
}
