import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { FedAchRecord } from '@/utils/bank/fedach-record';
import { IDBFactory } from 'fake-indexeddb';
import { DIRECTORY_CHUNK_SIZE } from '@/utils/background/directory-store';
import { checkBankEntry } from '@/utils/form-checks/bank-entry-check';
import { dumpDatabase, makeHarness, sampleProfile, type Harness, rejection, unlockedHarness } from './harness';
import { CHASE, importDirectory } from './directory-steps';

beforeEach(() => {
  fakeBrowser.reset();
});

const OLD: FedAchRecord = {
  routingNumber: '011000015',
  officeCode: 'O',
  recordType: '2',
  newRoutingNumber: '021000021',
  changeDate: '2024-01-02',
  name: 'OLD BANK',
  city: 'BOSTON',
  state: 'MA',
  institutionStatus: '1',
};

/** `count` listed records with made-up routing numbers (8-digit prefix + check digit). */
function manyRecords(count: number): FedAchRecord[] {
  const records: FedAchRecord[] = [];
  for (let i = 0; i < count; i++) {
    const first8 = String(11_000_000 + i * 7).padStart(8, '0');
    const weights = [3, 7, 1, 3, 7, 1, 3, 7];
    const sum = [...first8].reduce((total, digit, at) => total + Number(digit) * weights[at]!, 0);
    records.push({ ...CHASE, routingNumber: first8 + ((10 - (sum % 10)) % 10), name: `BANK ${i}` });
  }
  return records;
}


describe('FedACH directory', () => {
  it('counts, on each new file, the saved profiles whose routing number it replaces or leaves out', async () => {
    const { call } = await unlockedHarness();
    await call('profiles/save', { profile: sampleProfile({ label: 'Listed', routingNumber: '021000021' }) });
    await call('profiles/save', { profile: sampleProfile({ label: 'Replaced', routingNumber: '011000015' }) });
    await call('profiles/save', { profile: sampleProfile({ label: 'Gone', routingNumber: '026009593' }) });
    expect((await importDirectory(call, [CHASE, OLD])).profilesWarned).toBe(2);
    expect((await importDirectory(call, [CHASE, { ...OLD, newRoutingNumber: undefined }])).profilesWarned).toBe(1);
  });

  it('answers imported: false before any import, and no second check of the number', async () => {
    const { call } = makeHarness();
    expect((await call('directory/status', {})).status).toBeNull();
    const answer = await call('directory/lookup', { routingNumber: '021000022' });
    expect(answer).toEqual({ imported: false, found: false, suggestions: [] });
  });

  it('imports in chunks, commits once, and looks routing numbers up', async () => {
    const { call, clock } = makeHarness();
    const status = await importDirectory(call, [CHASE, OLD, ...manyRecords(20_000)]);
    expect(status).toEqual({
      recordCount: 20_002,
      importedAt: new Date(clock.now).toISOString(),
      sourceName: 'FedACHdir.txt',
      newestChangeDate: '2025-11-03',
      profilesWarned: 0,
    });
    const { profilesWarned: _warned, ...stored } = status;
    expect((await call('directory/status', {})).status).toEqual(stored);

    expect(await call('directory/lookup', { routingNumber: '021 000 021' })).toEqual({
      imported: true,
      found: true,
      bankName: 'JPMORGAN CHASE BANK',
      city: 'TAMPA',
      state: 'FL',
      receivesGovernmentEntries: true,
      suggestions: [],
    });

    const replaced = await call('directory/lookup', { routingNumber: '011000015' });
    expect(replaced).toMatchObject({ found: true, replacedBy: '021000021', replacementBankName: 'JPMORGAN CHASE BANK' });

    // One digit off: fails the check, and the directory suggests the real one.
    const typo = await call('directory/lookup', { routingNumber: '021000031' });
    expect(typo).toEqual({ imported: true, found: false, suggestions: [{ routingNumber: '021000021', bankName: 'JPMORGAN CHASE BANK' }] });

    // Refused for an invisible character: never "found" with a bank name beside the refusal.
    const invisible = await call('directory/lookup', { routingNumber: '021\u200b000021' });
    expect(invisible).toEqual({ imported: true, found: false, suggestions: [] });

    const { entries } = await call('activity/list', {});
    expect(entries[0]).toMatchObject({ action: 'directory-import', detail: '20002 records from FedACHdir.txt' });
  });

  it('names the participant of a listed 61–72 number, which the check then warns about instead of refusing it', async () => {
    const { call } = makeHarness();
    const ssa: FedAchRecord = { ...CHASE, routingNumber: '655060042', name: 'SOCIAL SECURITY ADMINISTRATION', city: 'BALTIMORE', state: 'MD' };
    await importDirectory(call, [CHASE, ssa]);
    const answer = await call('directory/lookup', { routingNumber: '655060042' });
    expect(answer).toMatchObject({ imported: true, found: true, bankName: 'SOCIAL SECURITY ADMINISTRATION' });
    const listed = checkBankEntry({ routing: '655060042' }, { directory: { ...answer, routingNumber: '655060042' } }).routing;
    expect(listed?.state).toBe('ok');
    expect(listed?.directory?.problems.map((problem) => [problem.code, problem.severity])).toEqual([['directory.electronic-participant', 'warning']]);
    expect(listed?.directory?.problems[0]!.message).toContain('SOCIAL SECURITY ADMINISTRATION');
    // Not listed: the general warning, still not a refusal.
    const unlisted = await call('directory/lookup', { routingNumber: '655060055' });
    const general = checkBankEntry({ routing: '655060055' }, { directory: { ...unlisted, routingNumber: '655060055' } }).routing;
    expect(general?.problems.map((problem) => [problem.code, problem.severity])).toContainEqual(['routing.prefix-electronic', 'warning']);
    expect([...general!.problems, ...general!.directory!.problems].every((problem) => problem.severity !== 'error')).toBe(true);
  });

  it("puts the suggestion of the form's or the profile's bank first among equally ranked ones", async () => {
    const { call } = makeHarness();
    // 021000021 and 021000089 are both one digit from 021000029 (which fails the check digit),
    // both valid, active, main offices taking government entries: a tie.
    const wells: FedAchRecord = { ...CHASE, routingNumber: '021000089', name: 'WELLS FARGO BANK, NA' };
    await importDirectory(call, [CHASE, wells]);
    const order = async (request: { routingNumber: string; bankNames?: string[]; profileId?: string }) =>
      (await call('directory/lookup', request)).suggestions.map((s) => s.routingNumber);
    expect(await order({ routingNumber: '021000029' })).toEqual(['021000021', '021000089']);
    expect(await order({ routingNumber: '021000029', bankNames: ['Wells Fargo'] })).toEqual(['021000089', '021000021']);
    expect(await order({ routingNumber: '021000029', bankNames: ['Chase'] })).toEqual(['021000021', '021000089']);
    expect(await order({ routingNumber: '021000029', profileId: 'no-such-profile' })).toEqual(['021000021', '021000089']);
  });

  it("counts the compared profile's bank as given", async () => {
    const { call } = await unlockedHarness();
    const wells: FedAchRecord = { ...CHASE, routingNumber: '021000089', name: 'WELLS FARGO BANK, NA' };
    await importDirectory(call, [CHASE, wells]);
    const { profile } = await call('profiles/save', { profile: sampleProfile({ bankName: 'Wells Fargo Bank' }) });
    const answer = await call('directory/lookup', { routingNumber: '021000029', profileId: profile.id });
    expect(answer.suggestions.map((s) => s.routingNumber)).toEqual(['021000089', '021000021']);
  });

  it('stores the records in chunks and replaces the old directory whole', async () => {
    const { call, factory } = makeHarness();
    await importDirectory(call, manyRecords(12_000));
    expect(JSON.parse(await dumpDatabase(factory)).directory).toHaveLength(3);
    await importDirectory(call, [CHASE]);
    const dump = JSON.parse(await dumpDatabase(factory));
    expect(dump.directory).toEqual([{ chunk: 0, records: [CHASE] }]);
    expect((await call('directory/status', {})).status?.recordCount).toBe(1);
    expect((await call('directory/lookup', { routingNumber: manyRecords(1)[0]!.routingNumber })).found).toBe(false);
  });

  it('reads the directory back after a worker restart', async () => {
    const first = makeHarness();
    await importDirectory(first.call, [CHASE]);
    const restarted = makeHarness({ indexedDB: first.factory });
    expect((await restarted.call('directory/lookup', { routingNumber: '021000021' })).bankName).toBe('JPMORGAN CHASE BANK');
  });

  it('refuses unknown imports and empty ones, keeping the previous directory', async () => {
    const { call } = makeHarness();
    await importDirectory(call, [CHASE]);
    expect((await rejection(call('directory/import-chunk', { importId: 'nope', recordsJson: JSON.stringify([CHASE]) }))).code).toBe('not-found');
    // A batch is parsed with the record schema before anything else.
    const { importId } = await call('directory/import-begin', { sourceName: 'x.txt' });
    for (const recordsJson of ['{not json', JSON.stringify([{ ...CHASE, routingNumber: '12345' }]), JSON.stringify({ records: [CHASE] })]) {
      expect((await rejection(call('directory/import-chunk', { importId, recordsJson }))).code).toBe('bad-request');
    }
    const empty = await rejection(importDirectory(call, []));
    expect(empty.code).toBe('invalid-import');
    expect((await call('directory/status', {})).status?.recordCount).toBe(1);
  });

  it('stores 20,000 records in a few chunks, not one row per record (its speed is measured by bench/)', async () => {
    const factory = new IDBFactory();
    const { call } = makeHarness({ indexedDB: factory });
    const records = manyRecords(20_000);
    await importDirectory(call, records);
    const stored = JSON.parse(await dumpDatabase(factory)) as { directory: { records: unknown[] }[] };
    expect(stored.directory).toHaveLength(Math.ceil(20_000 / DIRECTORY_CHUNK_SIZE));
    expect(stored.directory.reduce((total, chunk) => total + chunk.records.length, 0)).toBe(20_000);
    expect((await call('directory/lookup', { routingNumber: records[19_999]!.routingNumber }))).toMatchObject({ found: true, bankName: 'BANK 19999' });
  });
});
