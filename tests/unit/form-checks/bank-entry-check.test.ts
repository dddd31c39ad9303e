import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { directoryAnswer } from '@/utils/background/directory-answer';
import { buildFedAchIndex, type FedAchIndex } from '@/utils/bank/fedach-directory';
import type { FedAchRecord } from '@/utils/bank/fedach-record';
import { bankMessage } from '@/utils/bank/messages';
import { checkRoutingNumber } from '@/utils/bank/routing-number';
import {
  checkBankEntry,
  directoryProblems,
  lookupRequest,
  onFileReports,
  routingDigitsForLookup,
  type DirectoryFacts,
} from '@/utils/form-checks/bank-entry-check';
import { anyText, decorated, digitString, validRoutingNumber } from '../bank/arbitraries';

const RUNS = 2_000;

function record(routingNumber: string, name: string, extra: Partial<FedAchRecord> = {}): FedAchRecord {
  return { routingNumber, officeCode: 'O', recordType: '1', name, city: 'TAMPA', state: 'FL', institutionStatus: '1', ...extra };
}

const INDEX = buildFedAchIndex([
  record('021000021', 'JPMORGAN CHASE BANK, NA'),
  record('011000015', 'SUCCESSOR BANK', { city: 'BOSTON', state: 'MA' }),
  record('011000028', 'OLD BANK', { recordType: '2', newRoutingNumber: '011000015' }),
  record('011000138', 'GONE BANK', { recordType: '2', newRoutingNumber: '011000390' }),
  record('011001234', 'PRIVATE BANK', { institutionStatus: '2' }),
  record('655060042', 'SOCIAL SECURITY ADMINISTRATION', { city: 'BALTIMORE', state: 'MD' }),
]);

/** What the background answers for an entry, tagged with the digits it was asked about, as both consumers keep it. */
function facts(entered: string, index: FedAchIndex | null = INDEX): DirectoryFacts {
  return { ...directoryAnswer(index ?? undefined, entered), routingNumber: routingDigitsForLookup(entered) ?? entered };
}

const codes = (problems: readonly { code: string }[] | undefined) => (problems ?? []).map((problem) => problem.code);

describe('checkBankEntry: the fields as typed', () => {
  it('gives each filled field a state from the bank core', () => {
    const reports = checkBankEntry({ routing: '021000022', account: '000123456789', accountConfirm: '000123456780', accountType: '01 - Checking' });
    expect(reports.routing?.state).toBe('invalid');
    expect(reports.routing?.chip).toBe('Check digit fails');
    expect(reports.routing?.problems[0]?.message).toMatch(/check-digit test/);
    expect(reports.account?.state).toBe('ok');
    expect(reports['account-confirm']).toMatchObject({ state: 'mismatch', chip: 'Differs' });
    expect(reports['account-confirm']?.problems.map((problem) => problem.severity)).toEqual(['warning']);
    expect(reports['account-type']?.state).toBe('ok');
  });

  it('says nothing about empty fields or an account type it cannot read', () => {
    expect(checkBankEntry({ routing: ' ', accountType: 'Select an Option', importerNumber: '' })).toEqual({});
  });

  it('saving (the profile editor): empty fields are reported and a differing confirmation is an error', () => {
    const empty = checkBankEntry({ routing: '', account: '', accountConfirm: '' }, { saving: true });
    expect(codes(empty.routing?.problems)).toEqual(['input.empty']);
    expect(codes(empty.account?.problems)).toEqual(['input.empty']);
    expect(empty['account-confirm']?.problems).toEqual([]);
    const unconfirmed = checkBankEntry({ routing: '021000021', account: '000123456789', accountConfirm: '' }, { saving: true });
    expect(unconfirmed['account-confirm']?.problems).toEqual([
      { code: 'input.empty', severity: 'error', message: bankMessage('input.empty', { field: 'confirmation' }) },
    ]);
    const differs = checkBankEntry({ routing: '021000021', account: '000123456789', accountConfirm: '000123456780' }, { saving: true });
    expect(differs['account-confirm']?.problems).toEqual([
      { code: 'account.confirm-mismatch', severity: 'error', message: bankMessage('account.confirm-mismatch', { positions: [12] }) },
    ]);
  });

  it('checks the account against the routing number next to it', () => {
    expect(codes(checkBankEntry({ routing: '021000021', account: '021000021' }).account?.problems)).toEqual(['account.is-routing']);
  });

  it('asks the directory about 9 digits and nothing else, check digit right or not', () => {
    expect(routingDigitsForLookup('0210 0002')).toBeUndefined();
    expect(routingDigitsForLookup('021-000-022')).toBe('021000022');
    expect(routingDigitsForLookup('021\u200b000021')).toBeUndefined();
    expect(lookupRequest('021000021', '  Chase  ')).toEqual({ routingNumber: '021000021', bankNames: ['Chase'] });
    expect(lookupRequest('021000021', ' ')).toEqual({ routingNumber: '021000021' });
    expect(lookupRequest('021000021', 'x'.repeat(200)).bankNames?.[0]).toHaveLength(128);
  });
});

describe('checkBankEntry: what the directory says', () => {
  it('names the bank on a valid number, with nothing more to say', () => {
    const routing = checkBankEntry({ routing: '021000021' }, { directory: facts('021000021') }).routing;
    expect(routing).toMatchObject({ state: 'ok', chip: 'JPMORGAN CHASE BANK, NA', problems: [] });
    expect(routing?.directory).toEqual({
      imported: true,
      bank: { name: 'JPMORGAN CHASE BANK, NA', city: 'TAMPA', state: 'FL' },
      problems: [],
      suggestions: [],
    });
  });

  it('adds "did you mean" to a number that fails the rules, and nothing else of the directory', () => {
    const routing = checkBankEntry({ routing: '021000012' }, { directory: facts('021000012') }).routing;
    expect(routing).toMatchObject({ state: 'invalid', chip: 'Check digit fails' });
    expect(routing?.directory?.problems).toEqual([]);
    expect(routing?.directory?.suggestions).toEqual([
      { routingNumber: '021000021', message: bankMessage('directory.suggestion', { routingNumber: '021000021', bankName: 'JPMORGAN CHASE BANK, NA' }) },
    ]);
  });

  it('gives the replacement routing number for record type 2, with its bank when listed', () => {
    const replaced = checkBankEntry({ routing: '011000028' }, { directory: facts('011000028') }).routing?.directory;
    expect(replaced?.replacedBy).toBe('011000015');
    expect(replaced?.problems).toEqual([
      {
        code: 'directory.replaced',
        severity: 'warning',
        message: 'The FedACH directory says this routing number was replaced by 011000015 (SUCCESSOR BANK); enter the new number.',
      },
    ]);
    const unlisted = directoryProblems(facts('011000138'));
    expect(unlisted[0]?.message).toBe('The FedACH directory says this routing number was replaced by 011000390; enter the new number.');
  });

  it('warns about a 61–72 number and lets the directory name its participant in place of the general warning', () => {
    const own = checkBankEntry({ routing: '655060042' }).routing;
    expect(own?.state).toBe('ok');
    expect(own?.problems.map((problem) => [problem.code, problem.severity])).toEqual([['routing.prefix-electronic', 'warning']]);
    const listed = checkBankEntry({ routing: '655060042' }, { directory: facts('655060042') }).routing;
    expect(listed).toMatchObject({ state: 'ok', chip: 'SOCIAL SECURITY ADMINISTRATION', problems: [] });
    expect(listed?.directory?.problems).toEqual([
      {
        code: 'directory.electronic-participant',
        severity: 'warning',
        message:
          "The FedACH directory lists this routing number for SOCIAL SECURITY ADMINISTRATION: an electronic transaction identifier (it starts 65), rarely a business's bank account. Check that SOCIAL SECURITY ADMINISTRATION holds the account for your refunds.",
      },
    ]);
    // Not listed: the general warning stays, beside "not in the directory".
    const missing = checkBankEntry({ routing: '655060055' }, { directory: facts('655060055') }).routing;
    expect(missing?.chip).toBe('Not in FedACH directory');
    expect(codes(missing?.problems)).toEqual(['routing.prefix-electronic']);
    expect(codes(missing?.directory?.problems)).toEqual(['directory.not-found']);
  });

  it('warns about a bank that does not receive government entries', () => {
    expect(directoryProblems(facts('011001234'))).toEqual([
      {
        code: 'directory.no-government-entries',
        severity: 'warning',
        message:
          "The FedACH directory says PRIVATE BANK does not receive government entries at this routing number, so CBP's refund may be rejected. Ask your bank which routing number takes federal ACH credits.",
      },
    ]);
  });

  it('says a missing number may be wire-only', () => {
    expect(directoryProblems(facts('026009593'))).toEqual([
      {
        code: 'directory.not-found',
        severity: 'warning',
        message:
          'This routing number is not in your imported FedACH directory, so it may be a wire-only number, which often fails for ACH. Ask your bank for its ACH routing number.',
      },
    ]);
  });

  it('never shows a bank name beside a routing number refused for an invisible character', () => {
    const refused = checkBankEntry({ routing: '021\u200b000021' }, { directory: { ...facts('021000021') } }).routing;
    expect(refused?.state).toBe('invalid');
    expect(refused?.chip).not.toBe('JPMORGAN CHASE BANK, NA');
    expect(refused?.directory).toBeUndefined();
  });

  it('uses an answer only for the number it was about', () => {
    const stale = checkBankEntry({ routing: '021000021' }, { directory: facts('011000015') }).routing;
    expect(stale).toEqual(checkBankEntry({ routing: '021000021' }).routing);
  });

  it('without an imported directory: says so to the editor, and changes nothing on the page', () => {
    const before = checkBankEntry({ routing: '021000021' }).routing;
    const without = checkBankEntry({ routing: '021000021' }, { directory: facts('021000021', null) }).routing;
    expect(without).toEqual({ ...before, directory: { imported: false, problems: [], suggestions: [] } });
  });
});

describe('checkBankEntry: the comparison with the profile', () => {
  it('turns an ok field into a mismatch with the comparison message, never an invalid one', () => {
    const reports = checkBankEntry(
      { routing: '021000021', account: '12' },
      {
        verdicts: [
          { kind: 'routing', source: 'form', result: 'mismatch', message: 'Differs.' },
          { kind: 'account', source: 'form', result: 'mismatch', message: 'Differs too.' },
          { kind: 'account-type', source: 'on-file', result: 'mismatch', message: 'Not this one.' },
        ],
      },
    );
    expect(reports.routing).toMatchObject({ state: 'mismatch', chip: 'Differs from profile', differences: ['Differs.'] });
    expect(reports.account?.state).toBe('invalid');
    expect(reports.account?.differences).toBeUndefined();
    expect(reports['account-type']).toBeUndefined();
  });

  it('keeps the bank name as the chip of a matching routing number, else says it matches', () => {
    const match = [{ kind: 'routing', source: 'form', result: 'match' } as const];
    expect(checkBankEntry({ routing: '021000021' }, { directory: facts('021000021'), verdicts: match }).routing?.chip).toBe('JPMORGAN CHASE BANK, NA');
    expect(checkBankEntry({ routing: '021000021' }, { verdicts: match }).routing?.chip).toBe('Matches profile');
  });

  it('marks matching values on file as ok', () => {
    expect(onFileReports([{ kind: 'routing', source: 'on-file', result: 'match' }]).routing?.state).toBe('ok');
    expect(onFileReports([{ kind: 'routing', source: 'form', result: 'match' }])).toEqual({});
  });
});

describe('checkBankEntry properties', () => {
  const routingEntry = fc.oneof(anyText, validRoutingNumber.chain(decorated), digitString(9, 9));

  it('the page and the editor see the same problems of a typed field', () => {
    fc.assert(
      fc.property(routingEntry, anyText, (routing, account) => {
        fc.pre(routing.trim() !== '' && account.trim() !== '');
        const page = checkBankEntry({ routing, account });
        const editor = checkBankEntry({ routing, account }, { saving: true });
        expect(editor.routing).toEqual(page.routing);
        expect(editor.account).toEqual(page.account);
      }),
      { numRuns: RUNS },
    );
  });

  it("a routing number's state is its rules' verdict, whatever the directory says", () => {
    fc.assert(
      fc.property(routingEntry, (routing) => {
        fc.pre(routing.trim() !== '');
        const alone = checkBankEntry({ routing }).routing!;
        const withDirectory = checkBankEntry({ routing }, { directory: facts(routing) }).routing!;
        expect(alone.state).toBe(checkRoutingNumber(routing).ok ? 'ok' : 'invalid');
        expect(withDirectory.state).toBe(alone.state);
        // A number its rules refuse is never judged by the directory, nor named as a bank.
        if (alone.state === 'invalid') {
          expect(withDirectory.chip).toBe(alone.chip);
          expect(withDirectory.directory?.problems ?? []).toEqual([]);
          expect(withDirectory.directory?.bank).toBeUndefined();
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('a mismatch verdict never hides an error', () => {
    fc.assert(
      fc.property(anyText, (account) => {
        fc.pre(account.trim() !== '');
        const alone = checkBankEntry({ account }).account!;
        const compared = checkBankEntry({ account }, { verdicts: [{ kind: 'account', source: 'form', result: 'mismatch', message: 'Differs.' }] }).account!;
        expect(compared.state).toBe(alone.state === 'invalid' ? 'invalid' : 'mismatch');
        expect(compared.problems).toEqual(alone.problems);
      }),
      { numRuns: RUNS },
    );
  });
});
