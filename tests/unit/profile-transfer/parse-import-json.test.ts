import { describe, expect, it } from 'vitest';
import { makeProblem } from '@/utils/bank/problems';
import { parseProfileImport } from '@/utils/profile-transfer/parse-import';
import { MAX_IMPORT_BYTES } from '@/utils/profile-transfer/types';
import { sampleProfile } from './profile-arbitraries';

const NOW = '2026-03-01T12:00:00.000Z';
const parse = (text: string) => parseProfileImport(text, 'json', { now: NOW });
const file = (profiles: unknown[], extra: Record<string, unknown> = {}) =>
  JSON.stringify({ format: 'ace-ach-assist-profiles', version: 1, exportedAt: NOW, profiles, ...extra }, null, 2);

/** Lines holding just the opening brace of a profile, as JSON.stringify(…, null, 2) lays them out. */
function entryLines(text: string): number[] {
  return text.split('\n').flatMap((line, index) => (line === '    {' ? [index + 1] : []));
}

function reasonOf(text: string): string {
  const result = parse(text);
  if (result.ok) throw new Error('expected the file to be refused');
  return result.reason;
}

describe('parseProfileImport (JSON): whole-file refusals', () => {
  it('refuses an empty file', () => {
    expect(reasonOf('')).toBe('The file is empty.');
    expect(reasonOf(' \n\t\ufeff')).toBe('The file is empty.');
    expect(reasonOf('\ufeff  \n')).toBe('The file is empty.');
  });

  it('refuses a file over 10 MB before reading it', () => {
    const big = file([sampleProfile({ notes: 'x'.repeat(1000) })]).padEnd(MAX_IMPORT_BYTES + 1, ' ');
    expect(reasonOf(big)).toMatch(/^The file is 10\.0 MB; profiles files over 10 MB are not imported\.$/);
    // Counted in UTF-8 bytes, not characters: 3.5 M three-byte characters are 10.5 MB.
    expect(reasonOf('€'.repeat(3_500_000))).toMatch(/over 10 MB/);
  });

  it('refuses text that is not JSON', () => {
    expect(reasonOf('label,importer_name\nx,y')).toMatch(/^This file is not valid JSON \(.+\)\. Choose a profiles file/);
  });

  it('refuses JSON without the format marker or with another one', () => {
    expect(reasonOf('[]')).toMatch(/no "format": "ace-ach-assist-profiles" marker/);
    expect(reasonOf('{"profiles": []}')).toMatch(/no "format": "ace-ach-assist-profiles" marker/);
    expect(reasonOf('{"format": "something-else", "version": 1, "profiles": []}')).toBe(
      'This is not an ACE ACH Assist profiles file: its format is "something-else", not "ace-ach-assist-profiles".',
    );
    // A format that cannot be turned into text is named, not thrown on.
    expect(reasonOf('{"format": {"toString": {}}, "version": 1, "profiles": []}')).toBe(
      'This is not an ACE ACH Assist profiles file: its format is an object, not "ace-ach-assist-profiles".',
    );
    expect(reasonOf('{"format": 7, "version": 1, "profiles": []}')).toMatch(/its format is "7"/);
  });

  it('names an encrypted backup as such', () => {
    expect(reasonOf('{"format": "ace-ach-assist-backup", "version": 1}')).toMatch(/encrypted ACE ACH Assist backup/);
  });

  it('refuses a missing or unsupported version', () => {
    expect(reasonOf(JSON.stringify({ format: 'ace-ach-assist-profiles', profiles: [] }))).toMatch(/does not say which version/);
    expect(reasonOf(file([sampleProfile()], { version: 2 }))).toBe(
      'This profiles file is version 2, but this version of ACE ACH Assist reads only version 1; update the extension.',
    );
    expect(reasonOf(file([sampleProfile()], { version: '1' }))).toMatch(/version "1"/);
  });

  it('refuses a file without a profiles list, or with an empty one', () => {
    expect(reasonOf(file([], { profiles: { a: 1 } }))).toBe('The file has no "profiles" list.');
    expect(reasonOf(file([]))).toBe('The file holds no profiles.');
  });
});

describe('parseProfileImport (JSON): entries', () => {
  it('accepts good profiles with their ids and the line their { is on', () => {
    const text = file([{ id: 'p1', ...sampleProfile() }, sampleProfile({ label: 'Acme savings', accountType: 'savings' })]);
    const result = parse(text);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.rejected).toEqual([]);
    const [first, second] = entryLines(text);
    expect(first).toBe(6);
    expect(result.candidates.map((candidate) => [candidate.line, candidate.id, candidate.profile.label])).toEqual([
      [first, 'p1', 'Acme main'],
      [second, undefined, 'Acme savings'],
    ]);
    const lines = text.split('\n');
    for (const candidate of result.candidates) expect(lines[candidate.line - 1]!.trim()).toBe('{');
    expect(result.candidates[0]!.profile.accountNumber).toBe('000123456789');
  });

  it('finds entry lines in compact and oddly laid out JSON', () => {
    const profile = JSON.stringify(sampleProfile());
    const text = `{"version":1,"note":"profiles [ { not here",\n"format":"ace-ach-assist-profiles","profiles":[${profile},\n\n  ${JSON.stringify(
      sampleProfile({ label: 'B' }),
    )}\r\n, 7]}`;
    const result = parse(text);
    if (!result.ok) throw new Error(result.reason);
    expect(result.candidates.map((candidate) => candidate.line)).toEqual([2, 4]);
    expect(result.rejected).toEqual([{ line: 5, reasons: ['This is not a saved bank profile.'] }]);
  });

  it("rejects a bad entry with the bank core's words, prefixed by the field, and keeps the good ones", () => {
    const bad = { ...sampleProfile({ label: 'Bad' }), routingNumber: '123456789', accountType: 'money market', importerName: '' };
    const text = file([sampleProfile(), bad]);
    const result = parse(text);
    if (!result.ok) throw new Error(result.reason);
    expect(result.candidates).toHaveLength(1);
    expect(result.rejected).toHaveLength(1);
    const [rejected] = result.rejected;
    expect(rejected!.line).toBe(entryLines(text)[1]);
    expect(rejected!.reasons).toEqual(
      expect.arrayContaining([
        "Importer legal name: enter a value.",
        `Routing number: ${makeProblem('routing.checksum').message}`,
        makeProblem('profile.account-type').message,
      ]),
    );
    expect(rejected!.reasons).toHaveLength(3);
  });

  it('says which of several importer numbers is wrong', () => {
    const result = parse(file([{ ...sampleProfile(), importerNumbers: ['12-345678900', '12-3456789'] }]));
    if (!result.ok) throw new Error(result.reason);
    expect(result.rejected[0]!.reasons).toEqual([`Importer number 2: ${makeProblem('importer.ein-missing-suffix').message}`]);
  });

  it('rejects entries that are not objects, and ids that are not text', () => {
    const result = parse(file([null, 'x', { ...sampleProfile(), id: 42 }]));
    if (!result.ok) throw new Error(result.reason);
    expect(result.rejected.map((line) => line.reasons)).toEqual([
      ['This is not a saved bank profile.'],
      ['This is not a saved bank profile.'],
      ['Profile id: must be text that is not empty.'],
    ]);
  });

  it('rejects a later entry with the same label (any case) or id, keeping the first', () => {
    const text = file([
      { id: 'a', ...sampleProfile({ label: 'Acme' }) },
      { id: 'b', ...sampleProfile({ label: '  ACME ' }) },
      { id: 'a', ...sampleProfile({ label: 'Other' }) },
      { id: 'c', ...sampleProfile({ label: 'Third' }) },
    ]);
    const lines = entryLines(text);
    const result = parse(text);
    if (!result.ok) throw new Error(result.reason);
    expect(result.candidates.map((candidate) => candidate.id)).toEqual(['a', 'c']);
    expect(result.rejected).toEqual([
      { line: lines[1], reasons: [`Profile label: the profile on line ${lines[0]} has the same label; only the first is imported.`] },
      { line: lines[2], reasons: [`Same id as the profile on line ${lines[0]}; only the first is imported.`] },
    ]);
  });

  it('gives missing timestamps the import time, but checks those present', () => {
    const { createdAt: _c, updatedAt: _u, ...undated } = sampleProfile();
    const result = parse(file([undated, { ...sampleProfile({ label: 'Late' }), updatedAt: 'yesterday' }]));
    if (!result.ok) throw new Error(result.reason);
    expect(result.candidates[0]!.profile.createdAt).toBe(NOW);
    expect(result.candidates[0]!.profile.updatedAt).toBe(NOW);
    expect(result.rejected[0]!.reasons).toEqual([makeProblem('profile.timestamp', { field: 'Last updated' }).message]);
  });

  it('needs the schema version in JSON entries', () => {
    const { schemaVersion: _s, ...unversioned } = sampleProfile();
    const result = parse(file([unversioned, { ...sampleProfile({ label: 'Next' }), schemaVersion: 9 }]));
    if (!result.ok) throw new Error(result.reason);
    expect(result.rejected.map((line) => line.reasons)).toEqual([
      ['Schema version: enter a value.'],
      [makeProblem('profile.schema-version', { found: '9' }).message],
    ]);
  });
});
