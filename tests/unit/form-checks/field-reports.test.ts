import { describe, expect, it } from 'vitest';
import { directoryAnswer } from '@/utils/background/directory-answer';
import { buildFedAchIndex } from '@/utils/bank/fedach-directory';
import type { FedAchRecord } from '@/utils/bank/fedach-record';
import { routingDigitsForLookup, type DirectoryFacts } from '@/utils/form-checks/bank-entry-check';
import { fieldReports, onFileFieldReports } from '@/utils/form-checks/field-reports';
import { placeChip, placeMessage } from '@/utils/content/assistant/place-message';

const listed = (routingNumber: string, name: string): FedAchRecord => ({
  routingNumber,
  officeCode: 'O',
  recordType: '1',
  name,
  city: 'TAMPA',
  state: 'FL',
  institutionStatus: '1',
});
const INDEX = buildFedAchIndex([listed('021000021', 'JPMORGAN CHASE BANK, NA'), listed('655060042', 'SOCIAL SECURITY ADMINISTRATION')]);

/** The background's answer for an entry, as the page keeps it. */
function facts(entered: string, imported = true): DirectoryFacts {
  return { ...directoryAnswer(imported ? INDEX : undefined, entered), routingNumber: routingDigitsForLookup(entered) ?? entered };
}

describe('fieldReports', () => {
  it('gives each filled field a state from the bank core', () => {
    const reports = fieldReports({ routing: '021000022', account: '000123456789', accountConfirm: '000123456780', accountType: '01 - Checking' });
    expect(reports.routing?.state).toBe('invalid');
    expect(reports.routing?.chip).toBe('Check digit fails');
    expect(reports.routing?.messages[0]?.text).toMatch(/check-digit test/);
    expect(reports.account?.state).toBe('ok');
    expect(reports['account-confirm']?.state).toBe('mismatch');
    expect(reports['account-type']?.state).toBe('ok');
  });

  it('says nothing about empty fields or an account type it cannot read, nor that separators were ignored', () => {
    expect(fieldReports({ routing: ' ', accountType: 'Select an Option' })).toEqual({});
    expect(fieldReports({ routing: '021 000 021' }).routing).toEqual({ state: 'ok', messages: [] });
  });
});

describe('fieldReports with the directory', () => {
  it('names the bank on a valid number, with no message', () => {
    const report = fieldReports({ routing: '021000021' }, { directory: facts('021000021') }).routing;
    expect(report?.chip).toBe('JPMORGAN CHASE BANK, NA');
    expect(report?.messages).toEqual([]);
  });

  it('adds "did you mean" to a number that fails the rules', () => {
    const report = fieldReports({ routing: '021000012' }, { directory: facts('021000012') }).routing;
    expect(report?.state).toBe('invalid');
    expect(report?.messages.map((m) => m.text)).toContain('Did you mean 021000021 — JPMORGAN CHASE BANK, NA?');
  });

  it('warns about a 61–72 number and lets the directory name its participant in place of the general warning', () => {
    const own = fieldReports({ routing: '655060042' }).routing;
    expect(own?.state).toBe('ok');
    expect(own?.messages.map((m) => [m.code, m.severity])).toEqual([['routing.prefix-electronic', 'warning']]);
    const report = fieldReports({ routing: '655060042' }, { directory: facts('655060042') }).routing;
    expect(report?.state).toBe('ok');
    expect(report?.chip).toBe('SOCIAL SECURITY ADMINISTRATION');
    expect(report?.messages.map((m) => m.code)).toEqual(['directory.electronic-participant']);
    // Not listed: the general warning stays, then the directory's.
    const missing = fieldReports({ routing: '655060055' }, { directory: facts('655060055') }).routing;
    expect(missing?.messages.map((m) => m.code)).toEqual(['routing.prefix-electronic', 'directory.not-found']);
  });

  it('never shows a bank name beside a routing number refused for an invisible character', () => {
    const report = fieldReports({ routing: '021\u200b000021' }, { directory: facts('021000021') }).routing;
    expect(report?.state).toBe('invalid');
    expect(report?.chip).not.toBe('JPMORGAN CHASE BANK, NA');
    expect(report?.messages.map((m) => m.text).join(' ')).not.toContain('JPMORGAN');
  });

  it('changes nothing without an imported directory', () => {
    const before = fieldReports({ routing: '021000021' }).routing;
    expect(fieldReports({ routing: '021000021' }, { directory: facts('021000021', false) }).routing).toEqual(before);
  });
});

describe('fieldReports with the profile verdicts', () => {
  it('turns an ok field into a mismatch with the comparison message last, never an invalid one', () => {
    const reports = fieldReports(
      { routing: '655060055', account: '12' },
      {
        directory: facts('655060055'),
        verdicts: [
          { kind: 'routing', source: 'form', result: 'mismatch', message: 'Differs.' },
          { kind: 'account', source: 'form', result: 'mismatch', message: 'Differs too.' },
        ],
      },
    );
    expect(reports.routing?.state).toBe('mismatch');
    expect(reports.routing?.chip).toBe('Differs from profile');
    expect(reports.routing?.messages.map((m) => m.code ?? m.text)).toEqual(['routing.prefix-electronic', 'directory.not-found', 'Differs.']);
    expect(reports.account?.state).toBe('invalid');
  });

  it('marks matching values on file as ok', () => {
    const next = onFileFieldReports({ verdicts: [{ kind: 'routing', source: 'on-file', result: 'match' }] });
    expect(next.routing?.state).toBe('ok');
  });
});

describe('placeChip', () => {
  const viewport = { width: 1280, height: 800 };
  const chip = { width: 120, height: 18 };
  it('sits above the field, at its right end, where the form leaves room', () => {
    const field = { left: 300, top: 300, width: 300, height: 32 };
    const fieldAbove = { left: 300, top: 230, width: 300, height: 32 };
    expect(placeChip(field, chip, [fieldAbove], viewport)).toEqual({ left: 480, top: 280 });
  });
  it('goes right of the field in a dense form, never over the field above (a Visualforce table)', () => {
    const field = { left: 270, top: 560, width: 180, height: 22 };
    const fieldAbove = { left: 270, top: 532, width: 180, height: 22 };
    expect(placeChip(field, chip, [fieldAbove], viewport)).toEqual({ left: 456, top: 562 });
  });
  it('goes left of the field when the right has no room either', () => {
    const field = { left: 1000, top: 560, width: 270, height: 22 };
    const fieldAbove = { left: 1000, top: 532, width: 270, height: 22 };
    expect(placeChip(field, chip, [fieldAbove], viewport)).toEqual({ left: 874, top: 562 });
  });
});

describe('placeMessage', () => {
  const viewport = { width: 1280, height: 800 };
  const size = { width: 240, height: 60 };
  it('goes right of the field when nothing is there', () => {
    expect(placeMessage({ left: 100, top: 300, width: 300, height: 32 }, size, [], viewport)).toEqual({ left: 406, top: 300 });
  });
  it('goes below when a field sits to the right, above when one sits below too', () => {
    const field = { left: 100, top: 300, width: 300, height: 32 };
    const right = { left: 430, top: 300, width: 300, height: 32 };
    expect(placeMessage(field, size, [right], viewport)).toEqual({ left: 100, top: 335 });
    const below = { left: 100, top: 360, width: 300, height: 32 };
    expect(placeMessage(field, size, [right, below], viewport)).toEqual({ left: 100, top: 218 });
  });
});
