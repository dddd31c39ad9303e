import { describe, expect, it } from 'vitest';
import { makeProblem } from '@/utils/bank/problems';
import { BANK_PROFILE_SCHEMA_VERSION } from '@/utils/bank/profile-schema';
import { parseProfileImport } from '@/utils/profile-transfer/parse-import';
import { MAX_IMPORT_BYTES } from '@/utils/profile-transfer/types';

const NOW = '2026-03-01T12:00:00.000Z';
const parse = (text: string) => parseProfileImport(text, 'csv', { now: NOW });
const HEADER =
  'label,importer_name,importer_numbers,bank_name,routing_number,account_number,account_type,account_holder_name';
const GOOD = 'Acme main,Acme Imports LLC,12-345678900,First National Bank,011000015,000123456789,checking,Acme Imports LLC';

function reasonOf(text: string): string {
  const result = parse(text);
  if (result.ok) throw new Error('expected the file to be refused');
  return result.reason;
}

function accepted(text: string) {
  const result = parse(text);
  if (!result.ok) throw new Error(result.reason);
  return result;
}

describe('parseProfileImport (CSV): whole-file refusals', () => {
  it('refuses an empty file, or only blank lines', () => {
    expect(reasonOf('')).toBe('The file is empty.');
    expect(reasonOf('\ufeff\r\n\r\n')).toBe('The file is empty.');
    expect(reasonOf(',,,\r\n')).toBe('The file is empty.');
  });

  it('refuses a file over 10 MB', () => {
    expect(reasonOf(`${HEADER}\n${GOOD}\n`.padEnd(MAX_IMPORT_BYTES + 10, '\n'))).toMatch(/over 10 MB are not imported/);
  });

  it('refuses a header without the required columns, naming them', () => {
    expect(reasonOf('label,importer_name,bank_name\nx,y,z')).toBe(
      'The header row lacks the required columns "importer_numbers", "routing_number", "account_number", "account_type" ' +
        'and "account_holder_name". Every file needs "label", "importer_name", "importer_numbers", "bank_name", ' +
        '"routing_number", "account_number", "account_type" and "account_holder_name".',
    );
    expect(reasonOf(`${HEADER.replace(',bank_name', '')}\n`)).toMatch(/^The header row lacks the required column "bank_name"\./);
  });

  it('refuses unknown columns by name, so a misspelt header loses nothing silently', () => {
    const reason = reasonOf(`${HEADER.replace('routing_number', 'routng_number')},Colour\n${GOOD},red\n`);
    expect(reason).toMatch(/^The header row has columns this extension does not know: "routng_number" and "Colour"\./);
    expect(reason).toMatch(/the columns are "label", .* and "last_verified_at"\.$/);
  });

  it('refuses a column named twice and a column without a name', () => {
    expect(reasonOf(`${HEADER},LABEL\n`)).toBe('The header row names the column "label" twice.');
    expect(reasonOf(`${HEADER},\n${GOOD},\n`)).toBe('Column 9 of the header row has no name; name it or remove the column.');
  });

  it('explains a semicolon-separated file', () => {
    expect(reasonOf(`${HEADER.replaceAll(',', ';')}\n${GOOD.replaceAll(',', ';')}`)).toMatch(/separated by semicolons/);
  });

  it('refuses a file whose quoted cell never closes, naming the line', () => {
    expect(reasonOf(`${HEADER}\n${GOOD}\n"Broken,Acme\n`)).toMatch(/^Line 3: a quoted cell is never closed/);
  });

  it('refuses a header with no rows under it', () => {
    expect(reasonOf(`${HEADER}\r\n\r\n`)).toBe('The file has a header row but no profiles.');
  });
});

describe('parseProfileImport (CSV): rows', () => {
  it('reads a good row, keeping leading zeros and defaulting the schema version and timestamps', () => {
    const result = accepted(`${HEADER}\r\n${GOOD}\r\n`);
    expect(result.rejected).toEqual([]);
    expect(result.candidates).toEqual([
      {
        line: 2,
        profile: {
          schemaVersion: BANK_PROFILE_SCHEMA_VERSION,
          label: 'Acme main',
          importerName: 'Acme Imports LLC',
          importerNumbers: ['12-345678900'],
          bankName: 'First National Bank',
          routingNumber: '011000015',
          accountNumber: '000123456789',
          accountType: 'checking',
          accountHolderName: 'Acme Imports LLC',
          createdAt: NOW,
          updatedAt: NOW,
        },
      },
    ]);
  });

  it('takes columns in any order and any case, and the optional ones', () => {
    const text =
      'ACCOUNT_TYPE,Routing Number,account_number,Label,importer_name,importer_numbers,bank_name,account_holder_name,agent_name,agent_number,notes,id,created_at,updated_at,last_verified_at\n' +
      '02,011000015,0042,Acme,Acme LLC, 12-345678900 ; 123-45-6789 ;,Bank,Acme LLC,Agent Co,98-765432100,"Call, then ""verify""",p-1,2025-01-01T00:00:00.000Z,2025-02-01T00:00:00.000Z,2025-03-01T00:00:00Z\n';
    const [candidate] = accepted(text).candidates;
    expect(candidate).toEqual({
      line: 2,
      id: 'p-1',
      profile: expect.objectContaining({
        accountType: 'savings',
        accountNumber: '0042',
        importerNumbers: ['12-345678900', '123-45-6789'],
        designatedAgent: { name: 'Agent Co', number: '98-765432100' },
        notes: 'Call, then "verify"',
        createdAt: '2025-01-01T00:00:00.000Z',
        updatedAt: '2025-02-01T00:00:00.000Z',
        lastVerifiedAt: '2025-03-01T00:00:00Z',
      }),
    });
  });

  it('reads account types as words, Bank Control Keys or both', () => {
    const types = ['Checking', 'SAVINGS', '01', '2', '01 - Checking', '02 - Savings'];
    const text = [HEADER, ...types.map((type, i) => GOOD.replace('Acme main', `P${i}`).replace('checking', type))].join('\n');
    expect(accepted(text).candidates.map((candidate) => candidate.profile.accountType)).toEqual([
      'checking', 'savings', 'checking', 'savings', 'checking', 'savings',
    ]);
  });

  it('rejects bad rows with their physical line, even after quoted line breaks, and keeps the good ones', () => {
    const text = [
      HEADER + ',notes',
      GOOD.replace('Acme main', 'One') + ',"a note\r\nover\r\nthree lines"',
      GOOD.replace('Acme main', 'Two').replace('011000015', '011000016') + ',',
      GOOD.replace('Acme main', 'Three').replace('checking', 'money market') + ',"x\ny"',
      GOOD.replace('Acme main', '').replace('000123456789', '12') + ',',
      GOOD.replace('Acme main', 'Five') + ',',
    ].join('\r\n');
    const result = accepted(text);
    expect(result.candidates.map((candidate) => [candidate.line, candidate.profile.label])).toEqual([
      [2, 'One'],
      [9, 'Five'],
    ]);
    expect(result.rejected).toEqual([
      { line: 5, reasons: [`Routing number: ${makeProblem('routing.checksum').message}`] },
      { line: 6, reasons: [makeProblem('profile.account-type').message] },
      {
        line: 8,
        reasons: ['Profile label: enter a value.', `Account number: ${makeProblem('account.too-short', { found: 2 }).message}`],
      },
    ]);
  });

  it('names a missing account type and agent half', () => {
    const text = `${HEADER},agent_number\n${GOOD.replace(',checking,', ',,')},98-765432100\n`;
    expect(accepted(text).rejected[0]!.reasons).toEqual([
      makeProblem('profile.account-type').message,
      "Designated agent name: enter a value.",
    ]);
  });

  it('rejects a row with more cells than the header, and one with text after a closing quote', () => {
    const text = `${HEADER}\n${GOOD},extra\n"Acme"x,${GOOD.slice(GOOD.indexOf(',') + 1)}\n${GOOD}\n`;
    const result = accepted(text);
    expect(result.rejected).toEqual([
      { line: 2, reasons: ['This row has 9 cells but the header has 8; a cell holding a comma must be put in quotes.'] },
      { line: 3, reasons: [expect.stringMatching(/text after its closing quote/)] },
    ]);
    expect(result.candidates.map((candidate) => candidate.line)).toEqual([4]);
  });

  it('treats missing trailing cells as empty', () => {
    const text = `${HEADER},notes\n${GOOD}\n`;
    expect(accepted(text).candidates[0]!.profile.notes).toBeUndefined();
  });

  it('rejects a later row with the same label or id', () => {
    const text = [
      `${HEADER},id`,
      `${GOOD},a`,
      `${GOOD.replace('Acme main', 'ACME MAIN ')},b`,
      `${GOOD.replace('Acme main', 'Other')},a`,
      `${GOOD.replace('Acme main', 'Third')},`,
    ].join('\n');
    const result = accepted(text);
    expect(result.candidates.map((candidate) => [candidate.line, candidate.id])).toEqual([
      [2, 'a'],
      [5, undefined],
    ]);
    expect(result.rejected.map((line) => line.line)).toEqual([3, 4]);
    expect(result.rejected[0]!.reasons[0]).toMatch(/line 2 has the same label/);
    expect(result.rejected[1]!.reasons[0]).toMatch(/Same id as the profile on line 2/);
  });

  it('strips the formula guard on import', () => {
    const text = `${HEADER},notes\n'=Acme,Acme,12-345678900,'+Bank,011000015,000123456789,checking,'-Holder,'@note\n`;
    const { profile } = accepted(text).candidates[0]!;
    expect([profile.label, profile.bankName, profile.accountHolderName, profile.notes]).toEqual(['=Acme', '+Bank', '-Holder', '@note']);
  });
});
