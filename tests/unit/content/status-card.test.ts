/**
 * The card never drops a comparison silently: a refusal, a value too long to send, a value the
 * comparison could not read and an unclear importer are each said, and the importer is asked.
 */
import { describe, expect, it } from 'vitest';
import { statusCard, type Comparison } from '@/utils/content/assistant/status-card';
import { sendableValues, PAGE_VALUE_MAX_LENGTH } from '@/utils/form-checks/sendable-values';

const PROFILE = { id: 'a', label: 'Acme', importerNumber: '12-345678900', baseOnly: false };

function comparison(overrides: Partial<Comparison> = {}): Comparison {
  return { vault: 'unlocked', importerNumbers: ['12-345678900'], match: 'one', choices: [PROFILE], profile: PROFILE, verdicts: [], ...overrides };
}

describe('statusCard', () => {
  it('says why a comparison could not be made instead of dropping it', () => {
    expect(statusCard(undefined, { failure: 'Malformed page/compare request.' }).lines).toEqual([
      'Checking the bank fields as you type.',
      'Could not compare with your saved profiles: Malformed page/compare request.',
    ]);
    expect(statusCard(undefined).lines).toEqual(['Checking the bank fields as you type.']);
  });

  it('names values that could not be read or sent, leaving routing and account digits being typed to the format checks', () => {
    const card = statusCard(
      comparison({
        verdicts: [
          { kind: 'account-type', source: 'form', result: 'unknown' },
          { kind: 'routing', source: 'form', result: 'unknown' },
          { kind: 'account', source: 'on-file', result: 'unknown' },
          { kind: 'routing', source: 'form', result: 'match' },
        ],
      }),
      { unreadable: ["CBP's on-file routing number"] },
    );
    expect(card.lines).toEqual([
      'Comparing with "Acme" (12-345678900).',
      "Not compared, as it could not be read from the page: CBP's on-file routing number, the form's account type, CBP's on-file account number.",
    ]);
  });

  it('asks for the importer when the page leaves it unclear, and keeps the choice offered', () => {
    const unclear = comparison({ match: 'unclear-importer', importerNumbers: [], profile: undefined, importerCandidates: ['12-345678900', '98-765432100'] });
    const card = statusCard(unclear);
    expect(card.lines[0]).toBe(
      "This page shows several importer numbers (12-345678900, 98-765432100) and none is labelled as the importer's: choose the importer of this page.",
    );
    expect(card.importerChoices).toEqual(['12-345678900', '98-765432100']);
    const chosen = statusCard(comparison({ importerCandidates: ['12-345678900', '98-765432100'] }), { chosenImporter: '12-345678900' });
    expect(chosen).toMatchObject({ importerChoices: ['12-345678900', '98-765432100'], chosenImporter: '12-345678900' });
    expect(statusCard(comparison()).importerChoices).toBeUndefined();
  });
  it('lists no profile when none is the importer\'s and points to the picker', () => {
    const none = statusCard(comparison({ match: 'none', choices: [], profile: undefined }));
    expect(none.lines).toEqual(['No saved profile for importer 12-345678900. To compare with a saved profile, fill from it with the Fill button.']);
    expect(none.choices).toBeUndefined();
    // Picked in the picker: compared with it, nothing more to choose.
    const picked = statusCard(comparison({ match: 'unknown-importer', importerNumbers: [], choices: [] }));
    expect(picked.lines).toEqual(['Comparing with "Acme" (12-345678900).']);
  });

  it('says when the page kept changing the values on file, and when a frame gets format checks only', () => {
    expect(statusCard(comparison({ repeatedChanges: true })).lines).toContain(
      'This page changed the bank details on file again and again: they are compared once a second at most, and not recorded.',
    );
    const sandboxed = statusCard(comparison({ match: 'unknown-importer', choices: [], profile: undefined, formatOnly: true }));
    expect(sandboxed.lines).toEqual([
      'This form is in a sandboxed frame: only the format of its values is checked, never against your saved profiles.',
    ]);
  });
});

describe('sendableValues', () => {
  it('leaves out a value longer than any bank value and names it', () => {
    const whole = '01 - Checking 02 - Savings '.repeat(4);
    expect(whole.length).toBeGreaterThan(PAGE_VALUE_MAX_LENGTH);
    expect(sendableValues({ routing: '021000021', accountType: whole }, { account: '*****6789', routing: 'x'.repeat(65) })).toEqual({
      form: { routing: '021000021' },
      onFile: { account: '*****6789' },
      unreadable: ["the form's account type", "CBP's on-file routing number"],
    });
    expect(sendableValues({ accountType: 'x'.repeat(PAGE_VALUE_MAX_LENGTH) }, {}).unreadable).toEqual([]);
  });
});
