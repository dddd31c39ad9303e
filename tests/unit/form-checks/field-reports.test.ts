import { describe, expect, it } from 'vitest';
import { formatReports, withDirectory, withVerdicts, type DirectoryAnswer } from '@/utils/form-checks/field-reports';
import { placeChip, placeMessage } from '@/utils/content/assistant/place-message';

const CHASE: DirectoryAnswer = {
  imported: true,
  found: true,
  bankName: 'JPMORGAN CHASE BANK, NA',
  problems: [{ code: 'routing.checksum', severity: 'error', message: 'format problem, already shown' }],
  suggestions: [],
};

describe('formatReports', () => {
  it('gives each filled field a state from the bank core', () => {
    const reports = formatReports({ routing: '021000022', account: '000123456789', accountConfirm: '000123456780', accountType: '01 - Checking' });
    expect(reports.routing?.state).toBe('invalid');
    expect(reports.routing?.chip).toBe('Check digit fails');
    expect(reports.routing?.messages[0]?.text).toMatch(/check-digit test/);
    expect(reports.account?.state).toBe('ok');
    expect(reports['account-confirm']?.state).toBe('mismatch');
    expect(reports['account-type']?.state).toBe('ok');
  });

  it('says nothing about empty fields or an account type it cannot read', () => {
    const reports = formatReports({ routing: ' ', accountType: 'Select an Option' });
    expect(reports).toEqual({});
  });
});

describe('withDirectory', () => {
  it('names the bank on a valid number and skips the format problems the answer repeats', () => {
    const report = withDirectory(formatReports({ routing: '021000021' }).routing, CHASE);
    expect(report?.chip).toBe('JPMORGAN CHASE BANK, NA');
    expect(report?.messages).toEqual([]);
  });

  it('adds "did you mean" to a number that fails the rules', () => {
    const answer = { ...CHASE, found: false, suggestions: [{ routingNumber: '021000021', bankName: 'X', message: 'Did you mean 021000021 — X?' }] };
    const report = withDirectory(formatReports({ routing: '021000012' }).routing, answer);
    expect(report?.state).toBe('invalid');
    expect(report?.messages.map((m) => m.text)).toContain('Did you mean 021000021 — X?');
  });

  it('warns about a 61–72 number and lets the directory name its participant in place of the general warning', () => {
    const own = formatReports({ routing: '655060042' }).routing;
    expect(own?.state).toBe('ok');
    expect(own?.messages.map((m) => [m.code, m.severity])).toEqual([['routing.prefix-electronic', 'warning']]);
    const listed: DirectoryAnswer = {
      imported: true,
      found: true,
      bankName: 'SOCIAL SECURITY ADMINISTRATION',
      problems: [{ code: 'directory.electronic-participant', severity: 'warning', message: 'Listed for SOCIAL SECURITY ADMINISTRATION.' }],
      suggestions: [],
    };
    const report = withDirectory(own, listed);
    expect(report?.state).toBe('ok');
    expect(report?.chip).toBe('SOCIAL SECURITY ADMINISTRATION');
    expect(report?.messages.map((m) => m.text)).toEqual(['Listed for SOCIAL SECURITY ADMINISTRATION.']);
    // Not listed: the general warning stays.
    const missing = withDirectory(own, { imported: true, found: false, problems: [{ code: 'directory.not-found', severity: 'warning', message: 'Not listed.' }], suggestions: [] });
    expect(missing?.messages.map((m) => m.code)).toEqual(['routing.prefix-electronic', 'directory.not-found']);
  });

  it('never shows a bank name beside a routing number refused for an invisible character', () => {
    const refused = formatReports({ routing: '021\u200b000021' }).routing;
    expect(refused?.state).toBe('invalid');
    const report = withDirectory(refused, CHASE);
    expect(report?.chip).not.toBe('JPMORGAN CHASE BANK, NA');
    expect(report?.messages.map((m) => m.text).join(' ')).not.toContain('JPMORGAN');
  });

  it('changes nothing without an imported directory', () => {
    const before = formatReports({ routing: '021000021' }).routing;
    expect(withDirectory(before, { ...CHASE, imported: false })).toBe(before);
  });
});

describe('withVerdicts', () => {
  it('turns an ok field into a mismatch with the comparison message, never an invalid one', () => {
    const reports = formatReports({ routing: '021000021', account: '12' });
    const next = withVerdicts(
      reports,
      [
        { kind: 'routing', source: 'form', result: 'mismatch', message: 'Differs.' },
        { kind: 'account', source: 'form', result: 'mismatch', message: 'Differs too.' },
      ],
      'form',
    );
    expect(next.routing?.state).toBe('mismatch');
    expect(next.routing?.messages.at(-1)?.text).toBe('Differs.');
    expect(next.account?.state).toBe('invalid');
  });

  it('marks matching values on file as ok', () => {
    const next = withVerdicts({}, [{ kind: 'routing', source: 'on-file', result: 'match' }], 'on-file');
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
