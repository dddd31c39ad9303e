import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { IMPORT_PLAN_TTL_MS } from '@/utils/background/import-plans';
import { dumpDatabase, sampleProfile, unlockedHarness, type Harness, rejection } from './harness';
import { previewFile } from './import-file';

const HEADER = 'label,importer_name,importer_numbers,bank_name,routing_number,account_number,account_type,account_holder_name';

beforeEach(() => {
  fakeBrowser.reset();
});

async function savedAccounts(call: Harness['call']): Promise<Record<string, string>> {
  const accounts: Record<string, string> = {};
  for (const summary of (await call('profiles/list', {})).profiles) {
    accounts[summary.label] = (await call('profiles/get', { id: summary.id })).profile.accountNumber;
  }
  return accounts;
}

describe('import preview and commit', () => {
  it('previews adds, updates and rejected lines, writes nothing until committed', async () => {
    const { call, factory } = await unlockedHarness();
    await call('profiles/save', { profile: sampleProfile({ label: 'Acme', accountNumber: '100020003000' }) });
    const csv = [
      HEADER,
      'Acme,Acme Imports LLC,12-345678900,JPMORGAN CHASE BANK,021000021,100020003999,checking,Acme Imports LLC',
      'Bolt,Bolt Trading Inc,98-765432100;98-765432101,JPMORGAN CHASE BANK,021000021,7770001112,savings,Bolt Trading Inc',
      'Bad routing,Bad Co,98-765432100,JPMORGAN CHASE BANK,021000022,7770001113,checking,Bad Co',
    ].join('\n');
    const before = await dumpDatabase(factory);
    const { check, preview } = await previewFile(call, csv, 'profiles.csv');
    expect(check).toMatchObject({ type: 'profiles-done', total: 3, accepted: 2, rejectedCount: 1 });
    expect(check.type === 'profiles-done' && check.rejected).toEqual([{ line: 4, reasons: [expect.stringMatching(/check-digit/)] }]);
    expect(preview).toMatchObject({ added: 1, updated: 1 });
    expect(preview!.add).toEqual([{ line: 3, label: 'Bolt', importerNumbers: ['98-765432100', '98-765432101'] }]);
    expect(preview!.update).toEqual([expect.objectContaining({ line: 2, label: 'Acme', importerNumbers: ['12-345678900'] })]);
    expect(await dumpDatabase(factory)).toBe(before);

    expect(await call('import/commit', { token: preview!.token })).toEqual({ added: 1, updated: 1 });
    expect(await savedAccounts(call)).toEqual({ Acme: '100020003999', Bolt: '7770001112' });
    const dump = await dumpDatabase(factory);
    expect(dump).not.toContain('100020003999');
    expect(dump).not.toContain('7770001112');
    // A token is good once.
    expect((await rejection(call('import/commit', { token: preview!.token }))).code).toBe('not-found');
    const { entries } = await call('activity/list', {});
    expect(entries[0]).toMatchObject({ action: 'profiles-import', detail: '1 added, 1 updated' });
  });

  it('checks every profile again and refuses a batch holding one the bank core refuses', async () => {
    const { call } = await unlockedHarness();
    const { importId } = await call('import/begin', {});
    const good = { ...sampleProfile({ label: 'Good' }), createdAt: '2026-03-02T10:00:00.000Z', updatedAt: '2026-03-02T10:00:00.000Z' };
    const forged = { ...good, label: 'Forged', routingNumber: '021000022' };
    const error = await rejection(
      call('import/chunk', { importId, candidatesJson: JSON.stringify([{ line: 2, profile: good }, { line: 3, profile: forged }]) }),
    );
    expect(error.code).toBe('invalid-import');
    expect(error.message).toMatch(/^Line 3: Routing number: .*check-digit/);
    // A batch that is not JSON of candidates is refused before anything else.
    for (const candidatesJson of ['[{', JSON.stringify([{ line: 0, profile: good }]), JSON.stringify([{ line: 2, id: 'not an id!', profile: good }])]) {
      expect((await rejection(call('import/chunk', { importId, candidatesJson }))).code).toBe('bad-request');
    }
    // Nothing of those batches was kept.
    expect((await call('import/preview', { importId })).added).toBe(0);
  });

  it('names the first rows of each list and counts them all', async () => {
    const { call } = await unlockedHarness();
    const rows = Array.from(
      { length: 150 },
      (_, n) => `P${n},Imp ${n} LLC,12-${String(n).padStart(7, '0')}00,JPMORGAN CHASE BANK,021000021,${7770001000 + n},savings,Imp ${n} LLC`,
    );
    const { preview } = await previewFile(call, [HEADER, ...rows].join('\n'), 'many.csv');
    expect(preview!.added).toBe(150);
    expect(preview!.add).toHaveLength(100);
    expect(preview!.add.at(-1)).toMatchObject({ line: 101, label: 'P99' });
  });

  it('needs the vault unlocked, and forgets staged imports and previews when it locks, on discard, or after 10 minutes', async () => {
    const { call, clock } = await unlockedHarness();
    const csv = `${HEADER}\nBolt,Bolt Trading Inc,98-765432100,JPMORGAN CHASE BANK,021000021,7770001112,savings,Bolt Trading Inc`;
    const first = (await previewFile(call, csv, 'a.csv')).preview!;
    const staged = (await call('import/begin', {})).importId;
    await call('vault/lock', {});
    expect((await rejection(call('import/begin', {}))).code).toBe('locked');
    await call('vault/unlock', { passphrase: 'correct horse battery staple' });
    expect((await rejection(call('import/commit', { token: first.token }))).code).toBe('not-found');
    expect((await rejection(call('import/chunk', { importId: staged, candidatesJson: '[]' }))).code).toBe('not-found');
    expect((await rejection(call('import/preview', { importId: staged }))).code).toBe('not-found');

    const discarded = (await previewFile(call, csv, 'a.csv')).preview!;
    await call('import/discard', { token: discarded.token });
    expect((await rejection(call('import/commit', { token: discarded.token }))).code).toBe('not-found');
    const dropped = (await call('import/begin', {})).importId;
    await call('import/discard', { token: dropped });
    expect((await rejection(call('import/preview', { importId: dropped }))).code).toBe('not-found');

    const second = (await previewFile(call, csv, 'a.csv')).preview!;
    const waiting = (await call('import/begin', {})).importId;
    clock.advance(IMPORT_PLAN_TTL_MS + 1);
    // Still unlocked (auto-lock is 15 minutes): the preview and the staged import have expired.
    expect((await call('vault/status', {})).state).toBe('unlocked');
    expect((await rejection(call('import/commit', { token: second.token }))).code).toBe('not-found');
    expect((await rejection(call('import/preview', { importId: waiting }))).code).toBe('not-found');
  });

  it('refuses to commit a plan whose target was deleted since the preview', async () => {
    const { call } = await unlockedHarness();
    const acme = (await call('profiles/save', { profile: sampleProfile({ label: 'Acme' }) })).profile;
    const csv = `${HEADER}\nAcme,Acme LLC,12-345678900,JPMORGAN CHASE BANK,021000021,100020003999,checking,Acme LLC`;
    const { preview } = await previewFile(call, csv, 'a.csv');
    await call('profiles/delete', { id: acme.id });
    const error = await rejection(call('import/commit', { token: preview!.token }));
    expect(error.code).toBe('invalid-import');
    expect((await call('profiles/list', {})).profiles).toEqual([]);
  });
});

describe('export', () => {
  it('round-trips through plain JSON into a fresh vault, ids kept', async () => {
    const source = await unlockedHarness();
    await source.call('profiles/save', { profile: sampleProfile({ label: 'Acme', accountNumber: '000123456789' }) });
    await source.call('profiles/save', { profile: sampleProfile({ label: 'Bolt', accountNumber: '98765432109876543' }) });
    const gone = (await source.call('profiles/save', { profile: sampleProfile({ label: 'Gone' }) })).profile;
    await source.call('profiles/delete', { id: gone.id });

    const exported = await source.call('export/plain', { format: 'json' });
    expect(exported.count).toBe(2);
    expect(exported.text).toContain('000123456789');
    expect(exported.text).not.toContain('lastVerification');

    const target = await unlockedHarness();
    const { preview } = await previewFile(target.call, exported.text, 'profiles.json');
    expect(preview!.add.map((entry) => entry.label)).toEqual(['Acme', 'Bolt']);
    await target.call('import/commit', { token: preview!.token });
    expect(await savedAccounts(target.call)).toEqual({ Acme: '000123456789', Bolt: '98765432109876543' });
    const sourceIds = (await source.call('profiles/list', {})).profiles.map((p) => p.id);
    expect((await target.call('profiles/list', {})).profiles.map((p) => p.id)).toEqual(sourceIds);

    // Importing the same file again updates rather than duplicates.
    const again = (await previewFile(target.call, exported.text, 'profiles.json')).preview!;
    expect(again.add).toEqual([]);
    expect(again.update).toHaveLength(2);
  });

  it('exports CSV with the account numbers and logs the export', async () => {
    const { call } = await unlockedHarness();
    await call('profiles/save', { profile: sampleProfile({ label: 'Acme', accountNumber: '000123456789' }) });
    const exported = await call('export/plain', { format: 'csv' });
    expect(exported.text.split(/\r?\n/)[0]).toContain('account_number');
    expect(exported.text).toContain('000123456789');
    const [entry] = (await call('activity/list', {})).entries;
    expect(entry).toMatchObject({ action: 'profiles-export' });
    expect(JSON.stringify(entry)).not.toContain('000123456789');
  });

  it('round-trips an encrypted backup, which holds no account number in clear', async () => {
    const source = await unlockedHarness();
    await source.call('profiles/save', { profile: sampleProfile({ label: 'Acme', accountNumber: '000123456789' }) });
    const backup = await source.call('export/encrypted', { passphrase: 'backup passphrase 1' });
    expect(backup.count).toBe(1);
    expect(backup.text).not.toContain('000123456789');
    expect(backup.text).not.toContain('Acme');

    const target = await unlockedHarness();
    expect((await previewFile(target.call, backup.text, 'backup.json')).check).toEqual({ type: 'needs-passphrase' });
    expect((await previewFile(target.call, backup.text, 'backup.json', 'nope')).check).toMatchObject({ type: 'refused', code: 'wrong-passphrase' });
    // Whatever the file is called, a decrypted backup is read as JSON.
    const { preview } = await previewFile(target.call, backup.text, 'backup.csv', 'backup passphrase 1');
    await target.call('import/commit', { token: preview!.token });
    expect(await savedAccounts(target.call)).toEqual({ Acme: '000123456789' });
  });

  it('refuses a weak backup passphrase with zxcvbn advice', async () => {
    const { call } = await unlockedHarness();
    await call('profiles/save', { profile: sampleProfile({ label: 'Acme', accountNumber: '000123456789' }) });
    const error = await rejection(call('export/encrypted', { passphrase: '1234567890' }));
    expect(error).toMatchObject({ code: 'bad-request', message: expect.stringMatching(/^This passphrase is too easy to guess\. This is a frequently used password/) });
    expect((await call('activity/list', {})).entries.filter((entry) => entry.action === 'profiles-export')).toEqual([]);
  });

  it('needs the vault unlocked', async () => {
    const { call } = await unlockedHarness();
    await call('vault/lock', {});
    expect((await rejection(call('export/plain', { format: 'json' }))).code).toBe('locked');
    expect((await rejection(call('export/encrypted', { passphrase: 'backup passphrase 1' }))).code).toBe('locked');
  });
});
