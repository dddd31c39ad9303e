/**
 * The status page's rules without any browser: every status reachable, the precedence of the
 * Status column, the rows known from profiles and from visits, and the badge's count.
 */
import { describe, expect, it } from 'vitest';
import {
  badgeCount,
  ENROLLMENT_STATUSES,
  enrollmentRows,
  STATUS_PRECEDENCE,
  statusCounts,
  type DirectoryWarning,
  type EnrollmentInput,
  type EnrollmentProfile,
} from '@/utils/enrollment/enrollment-status';
import type { VerificationEvent } from '@/utils/enrollment/verification-event';

const NOW = Date.parse('2026-12-07T12:00:00.000Z');
const DAY = 86_400_000;
const daysAgo = (days: number) => new Date(NOW - days * DAY).toISOString();

function profile(overrides: Partial<EnrollmentProfile> = {}): EnrollmentProfile {
  return {
    id: 'p-acme',
    label: 'Acme main',
    importerName: 'Acme Imports LLC',
    importerNumbers: ['12-345678900'],
    bankName: 'JPMorgan Chase',
    routingNumber: '021000021',
    accountLast4: '6789',
    accountType: 'checking',
    accountHolderName: 'Acme Imports LLC',
    ...overrides,
  };
}

const ACME_PRINT = { routingNumber: '021000021', accountLast4: '6789', accountType: 'checking' } as const;

function onFile(days: number, fields: VerificationEvent['fields'], overrides: Partial<VerificationEvent> = {}): VerificationEvent {
  return { at: daysAgo(days), kind: 'on-file', profileId: 'p-acme', profileLabel: 'Acme main', fields, profile: ACME_PRINT, ...overrides };
}

const MATCH = { routing: 'match', account: 'match', 'account-type': 'match' } as const;

function rowsOf(input: Partial<EnrollmentInput> & { history?: VerificationEvent[] }) {
  const { history, ...rest } = input;
  return enrollmentRows({
    profiles: [profile()],
    histories: new Map(history ? [['12-345678900', history]] : []),
    now: NOW,
    reverifyDays: 180,
    ...rest,
  });
}

const only = (input: Parameters<typeof rowsOf>[0]) => {
  const rows = rowsOf(input);
  expect(rows).toHaveLength(1);
  return rows[0]!;
};

describe('each status', () => {
  it('verified: the latest look at CBP’s file matched, within the re-verify days', () => {
    const row = only({ history: [onFile(3, MATCH)] });
    expect(row).toMatchObject({ status: 'verified', statuses: ['verified'], lastVerifiedAt: daysAgo(3), differs: [], notes: [] });
    expect(row).toMatchObject({ importerName: 'Acme Imports LLC', profileLabel: 'Acme main', bankName: 'JPMorgan Chase', accountLast4: '6789' });
  });

  it('mismatch: names the fields CBP’s file shows differently', () => {
    const row = only({ history: [onFile(40, MATCH), onFile(1, { routing: 'mismatch', account: 'match', 'account-type': 'mismatch' })] });
    expect(row.status).toBe('mismatch');
    expect(row.differs).toEqual(['routing', 'account-type']);
    expect(row.notes).toEqual(["CBP's file differs: routing number, account type."]);
    // The last match stays the row's "last verified".
    expect(row.lastVerifiedAt).toBe(daysAgo(40));
  });

  it('entered: a fill or a Save after the latest look, until a refresh shows the values', () => {
    for (const kind of ['filled', 'saved'] as const) {
      const row = only({ history: [onFile(5, { routing: 'mismatch' }), { at: daysAgo(1), kind, profileId: 'p-acme', profile: ACME_PRINT }] });
      expect(row.status).toBe('entered');
      expect(row.notes[0]).toMatch(new RegExp(`^${kind === 'filled' ? 'Filled' : 'Saved'} on \\d{4}-\\d{2}-\\d{2}; press Get Info/Refresh`));
    }
    const confirmed = only({ history: [{ at: daysAgo(2), kind: 'saved', profileId: 'p-acme' }, onFile(1, MATCH)] });
    expect(confirmed.status).toBe('verified');
  });

  it('reverify: a match older than the re-verify days, counted from the setting', () => {
    expect(only({ history: [onFile(181, MATCH)] })).toMatchObject({ status: 'reverify', notes: ['Verified 181 days ago, more than 180.'] });
    expect(only({ history: [onFile(180, MATCH)] }).status).toBe('verified');
    expect(only({ history: [onFile(31, MATCH)], reverifyDays: 30 }).status).toBe('reverify');
  });

  it('reverify: the profile’s bank details changed after the match or the mismatch', () => {
    const changed = [profile({ routingNumber: '026009593' })];
    expect(only({ profiles: changed, history: [onFile(2, MATCH)] }).status).toBe('reverify');
    const fixed = only({ profiles: changed, history: [onFile(2, { routing: 'mismatch' })] });
    expect(fixed.status).toBe('reverify');
    expect(fixed.notes[0]).toMatch(/changed after CBP's file differed/);
    expect(only({ profiles: [profile({ accountLast4: '4321' })], history: [onFile(2, MATCH)] }).status).toBe('reverify');
  });

  it('never-seen: a profile whose importer was never refreshed with the extension on', () => {
    expect(only({})).toMatchObject({ status: 'never-seen', statuses: ['never-seen'], notes: [] });
    expect(only({}).lastVerifiedAt).toBeUndefined();
  });

  it('incomplete: seen on ACE with no saved profile, or a profile missing a bank detail', () => {
    const visitOnly = enrollmentRows({ profiles: [], histories: new Map([['98-765432100', [onFile(1, MATCH, { profileId: 'gone', profileLabel: 'Globex (deleted)' })]]]), now: NOW, reverifyDays: 180 });
    expect(visitOnly).toEqual([expect.objectContaining({ importerNumber: '98-765432100', status: 'incomplete', profileLabel: 'Globex (deleted)' })]);
    expect(visitOnly[0]!.notes).toContain('No saved profile names this importer.');
    const noBank = only({ profiles: [profile({ bankName: ' ' })] });
    expect(noBank.statuses).toEqual(['incomplete', 'never-seen']);
    expect(noBank.notes).toContain('The profile has no bank name.');
  });

  it('directory: the routing number replaced or absent in the imported FedACH file', () => {
    const replaced = (routing: string): DirectoryWarning | undefined => (routing === '021000021' ? { kind: 'replaced', replacedBy: '021000089' } : undefined);
    const row = only({ history: [onFile(1, MATCH)], directory: replaced });
    expect(row.statuses).toEqual(['directory', 'verified']);
    expect(row.notes).toContain('The FedACH file says routing number 021000021 was replaced by 021000089.');
    const absent = only({ directory: () => ({ kind: 'absent' }) });
    expect(absent.statuses).toEqual(['directory', 'never-seen']);
    expect(absent.notes).toContain('Routing number 021000021 is not in the imported FedACH file.');
    expect(only({ directory: () => undefined }).statuses).toEqual(['never-seen']);
  });

  it('reaches every status', () => {
    const reached = new Set<string>();
    const inputs: Parameters<typeof rowsOf>[0][] = [
      { history: [onFile(1, MATCH)] },
      { history: [onFile(1, { account: 'mismatch' })] },
      { history: [{ at: daysAgo(1), kind: 'filled', profileId: 'p-acme' }] },
      { history: [onFile(400, MATCH)] },
      {},
      { profiles: [profile({ accountHolderName: '' })] },
      { directory: () => ({ kind: 'absent' }) },
    ];
    for (const input of inputs) for (const status of only(input).statuses) reached.add(status);
    expect([...reached].sort()).toEqual([...ENROLLMENT_STATUSES].sort());
  });
});

describe('precedence', () => {
  it('the Status column shows the most urgent of the statuses a row carries', () => {
    expect(STATUS_PRECEDENCE).toEqual(['mismatch', 'directory', 'incomplete', 'entered', 'reverify', 'never-seen', 'verified']);
    const all = { directory: () => ({ kind: 'absent' }) as const, profiles: [profile({ bankName: '' })] };
    expect(only({ ...all, history: [onFile(1, { routing: 'mismatch' })] }).statuses).toEqual(['mismatch', 'directory', 'incomplete']);
    expect(only({ ...all, history: [onFile(1, MATCH)] }).statuses).toEqual(['directory', 'incomplete', 'verified']);
    expect(only({ profiles: [profile({ bankName: '' })], history: [{ at: daysAgo(1), kind: 'saved' }] }).statuses).toEqual(['incomplete', 'entered']);
    expect(only({ profiles: [profile({ bankName: '' })], history: [onFile(999, MATCH)] }).statuses).toEqual(['incomplete', 'reverify']);
  });

  it('the latest event decides among mismatch, entered, re-verify and verified, in time order', () => {
    expect(only({ history: [onFile(2, { routing: 'mismatch' }), onFile(1, MATCH)] }).status).toBe('verified');
    expect(only({ history: [onFile(2, MATCH), onFile(1, { routing: 'mismatch' })] }).status).toBe('mismatch');
  });
});

describe('rows', () => {
  it('one row per importer number, from profiles and visits, in importer-number order', () => {
    const globex = profile({ id: 'p-globex', label: 'Globex', importerName: 'Globex Trading Co', importerNumbers: ['98-765432100', '98-765432101'] });
    const rows = enrollmentRows({
      profiles: [globex, profile()],
      histories: new Map([['55-555555500', [onFile(1, MATCH, { profileId: 'x' })]]]),
      now: NOW,
      reverifyDays: 180,
    });
    expect(rows.map((row) => row.importerNumber)).toEqual(['12-345678900', '55-555555500', '98-765432100', '98-765432101']);
    expect(rows.map((row) => row.profileId)).toEqual(['p-acme', undefined, 'p-globex', 'p-globex']);
  });

  it('with several profiles for one importer: the one the latest event names, else the first by label, and says so', () => {
    const other = profile({ id: 'p-old', label: 'Acme old bank', routingNumber: '026009593', bankName: 'Bank of America' });
    const none = enrollmentRows({ profiles: [profile(), other], histories: new Map(), now: NOW, reverifyDays: 180 });
    expect(none[0]).toMatchObject({ profileId: 'p-acme', notes: ['2 profiles name this importer.'] });
    const named = enrollmentRows({
      profiles: [profile(), other],
      histories: new Map([['12-345678900', [onFile(1, MATCH, { profileId: 'p-old', profile: { routingNumber: '026009593', accountLast4: '6789', accountType: 'checking' } })]]]),
      now: NOW,
      reverifyDays: 180,
    });
    expect(named[0]).toMatchObject({ profileId: 'p-old', bankName: 'Bank of America', status: 'verified' });
  });

  it('a profile’s own last verification stands where no history was kept yet (an upgraded install)', () => {
    const upgraded = [profile({ lastVerification: { at: daysAgo(10), result: 'mismatch' } })];
    expect(only({ profiles: upgraded })).toMatchObject({ status: 'mismatch', differs: [], notes: [`CBP's file differed from the profile on ${daysAgo(10).slice(0, 10)}.`] });
    expect(only({ profiles: [profile({ lastVerification: { at: daysAgo(10), result: 'match' } })] })).toMatchObject({ status: 'verified', lastVerifiedAt: daysAgo(10) });
  });

  it('counts each status a row carries, and the badge counts rows with a mismatch or a re-verify once', () => {
    const rows = [
      only({ history: [onFile(1, { routing: 'mismatch' })], directory: () => ({ kind: 'absent' }) }),
      only({ history: [onFile(300, MATCH)] }),
      only({ history: [onFile(1, MATCH)] }),
      only({}),
    ];
    expect(statusCounts(rows)).toEqual({ mismatch: 1, directory: 1, incomplete: 0, entered: 0, reverify: 1, 'never-seen': 1, verified: 1 });
    expect(badgeCount(rows)).toBe(2);
    expect(badgeCount([])).toBe(0);
  });
});
