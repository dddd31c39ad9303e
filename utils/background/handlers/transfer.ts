/**
 * import/* and export/* requests, around the pure readers and writers of utils/profile-transfer.
 * An import is previewed first (nothing written; the plan waits under a token) and committed on
 * confirmation in one transaction, so it lands whole or not at all.
 */
import type { BankProfile } from '@/utils/bank/profile-schema';
import type { Handlers } from '@/utils/messaging/handle-request';
import { RequestError } from '@/utils/messaging/request-error';
import {
  BackupFormatError,
  BackupPassphraseError,
  decryptBackup,
  encryptBackup,
  isEncryptedBackup,
  parseProfileImport,
  planImport,
  serializeProfilesCsv,
  serializeProfilesJson,
  type ExportableProfile,
  type ImportPlan,
} from '@/utils/profile-transfer';
import { requireNewPassphrase } from '../new-passphrase';
import { openAccountNumber, openProfile, sealProfile } from '../profile-record';
import { ImportConflictError } from '../profile-store';
import { isoNow, type BackgroundServices } from '../services';
import type { StoredProfile } from '../stored-records';
import { readableAccount } from './profiles';

type TransferHandlers = Pick<Handlers, 'import/preview' | 'import/commit' | 'export/plain' | 'export/encrypted'>;

/** Ids kept from a file must look like ours; anything else gets a fresh one. */
const ID_SHAPE = /^[A-Za-z0-9_-]{1,100}$/;

function changedSincePreview(): RequestError {
  return new RequestError('invalid-import', 'The saved profiles changed since the preview. Preview the import again.');
}

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

async function readImportText(text: string, backupPassphrase: string | undefined): Promise<{ text: string; encrypted: boolean }> {
  if (!isEncryptedBackup(text)) return { text, encrypted: false };
  if (backupPassphrase === undefined) {
    throw new RequestError('invalid-import', 'This file is an encrypted backup: enter the passphrase it was exported with.');
  }
  try {
    return { text: await decryptBackup(text, backupPassphrase), encrypted: true };
  } catch (error) {
    if (error instanceof BackupPassphraseError) throw new RequestError('wrong-passphrase', error.message);
    if (error instanceof BackupFormatError) throw new RequestError('invalid-import', error.message);
    throw error;
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
    const id = fileId !== undefined && ID_SHAPE.test(fileId) && !taken.has(fileId) ? fileId : services.newId();
    taken.add(id);
    return sealProfile(key, id, candidate.profile);
  });
  // Sealed concurrently (WebCrypto runs off the worker's thread), written in plan order.
  return Promise.all([...updates, ...adds]);
}

export function transferHandlers(services: BackgroundServices): TransferHandlers {
  const { vault, importPlans, log } = services;

  return {
    'import/preview': async ({ format, text, backupPassphrase }) => {
      await vault.requireKey();
      const source = await readImportText(text, backupPassphrase);
      // A decrypted backup is always the JSON format, whatever the file was called.
      const parsed = parseProfileImport(source.text, source.encrypted ? 'json' : format, { now: isoNow(services) });
      if (!parsed.ok) throw new RequestError('invalid-import', parsed.reason);
      const { profiles } = await services.profiles.list();
      const plan = planImport(
        parsed.candidates,
        profiles.map(({ id, label, importerNumbers }) => ({ id, label, importerNumbers })),
      );
      return {
        token: importPlans.keep(plan),
        add: plan.add.map(({ line, profile }) => ({ line, label: profile.label, importerNumbers: [...profile.importerNumbers] })),
        update: plan.update.map(({ line, id, profile }) => ({
          line,
          id,
          label: profile.label,
          importerNumbers: [...profile.importerNumbers],
        })),
        reject: parsed.rejected.map(({ line, reasons }) => ({ line, reasons: [...reasons] })),
      };
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
      const profiles = await exportableProfiles(services);
      const text = format === 'json' ? serializeProfilesJson(profiles, isoNow(services)) : serializeProfilesCsv(profiles);
      await log({ action: 'profiles-export', detail: `${profiles.length} profiles, ${format.toUpperCase()}, not encrypted` });
      return { text, count: profiles.length };
    },

    'export/encrypted': async ({ passphrase }) => {
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
