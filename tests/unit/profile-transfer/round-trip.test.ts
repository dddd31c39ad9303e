import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '@/utils/profile-transfer/csv';
import { serializeProfilesCsv } from '@/utils/profile-transfer/csv-export';
import { serializeProfilesJson } from '@/utils/profile-transfer/json-export';
import { parseProfileImport } from '@/utils/profile-transfer/parse-import';
import type { ExportableProfile } from '@/utils/profile-transfer/types';
import { exportableProfiles, sampleProfile } from './profile-arbitraries';

const RUNS = 1_000;
const EXPORTED_AT = '2026-03-01T12:00:00.000Z';

function imported(text: string, format: 'json' | 'csv') {
  const result = parseProfileImport(text, format, { now: '1999-01-01T00:00:00.000Z' });
  if (!result.ok) throw new Error(result.reason);
  expect(result.rejected).toEqual([]);
  return result.candidates;
}

describe('export then import gives back the same profiles', () => {
  it('JSON, with each entry on the line its { is on', () => {
    fc.assert(
      fc.property(exportableProfiles(), (profiles) => {
        const text = serializeProfilesJson(profiles, EXPORTED_AT);
        const candidates = imported(text, 'json');
        expect(candidates.map(({ id, profile }) => ({ id, ...profile }))).toEqual(profiles);
        const lines = text.split('\n');
        for (const candidate of candidates) expect(lines[candidate.line - 1]).toBe('    {');
      }),
      { numRuns: RUNS },
    );
  });

  it('CSV, with each row on its physical line', () => {
    fc.assert(
      fc.property(exportableProfiles(), (profiles) => {
        const text = serializeProfilesCsv(profiles);
        const candidates = imported(text, 'csv');
        expect(candidates.map(({ id, profile }) => ({ id, ...profile }))).toEqual(profiles);
        // Independent count: the header, then each row's own line plus the breaks inside its cells.
        let expected = 2;
        candidates.forEach((candidate, index) => {
          expect(candidate.line).toBe(expected);
          const profile = profiles[index]!;
          const cells = [profile.label, profile.importerName, profile.bankName, profile.accountHolderName, profile.designatedAgent?.name ?? '', profile.notes ?? '', profile.id];
          expected += 1 + cells.reduce((sum, cell) => sum + (cell.match(/\r\n|\r|\n/g)?.length ?? 0), 0);
        });
      }),
      { numRuns: RUNS },
    );
  });
});

describe('exports', () => {
  const profile: ExportableProfile = {
    id: 'p1',
    ...sampleProfile({ label: '=HYPERLINK("http://evil")', notes: '+1, "two"\nthree', designatedAgent: { name: '@agent', number: '98-765432100' } }),
  };

  it('JSON carries the format marker, version and export time', () => {
    const data = JSON.parse(serializeProfilesJson([profile], EXPORTED_AT));
    expect(data).toMatchObject({ format: 'ace-ach-assist-profiles', version: 1, exportedAt: EXPORTED_AT });
    expect(Object.keys(data.profiles[0])[0]).toBe('id');
  });

  it('CSV writes the documented header and guards formula cells, keeping routing and account numbers as text', () => {
    const text = serializeProfilesCsv([profile]);
    expect(text.startsWith('\ufefflabel,importer_name,importer_numbers,bank_name,routing_number,account_number,account_type,account_holder_name,agent_name,agent_number,notes,id,created_at,updated_at,last_verified_at\r\n')).toBe(true);
    const parsed = parseCsv(text);
    if (!parsed.ok) throw new Error(parsed.reason);
    const row = parsed.rows[1]!.cells;
    expect(row[0]).toBe(`'=HYPERLINK("http://evil")`);
    expect(row[8]).toBe("'@agent");
    expect(row[10]).toBe(`'+1, "two"\nthree`);
    expect(row[4]).toBe('011000015');
    expect(row[5]).toBe('000123456789');
    expect(text).toContain(`"'=HYPERLINK(""http://evil"")"`);
  });
});
