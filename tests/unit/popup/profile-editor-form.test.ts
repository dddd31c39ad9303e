import { describe, expect, it } from 'vitest';
import { bankMessage } from '@/utils/bank/messages';
import { parseBankProfile } from '@/utils/bank/profile-schema';
import {
  EMPTY_PROFILE_FORM,
  bankAccountKey,
  countErrors,
  formsDiffer,
  checkProfileForm,
  profileFormFromSaved,
  profileInputFromForm,
  visibleProblems,
  type ProfileForm,
} from '@/components/popup/profile-editor-form';
import { ACME } from './profile-fixtures';

const profileFormProblems = (form: ProfileForm) => checkProfileForm(form).problems;

const filled: ProfileForm = {
  ...EMPTY_PROFILE_FORM,
  label: 'Acme main',
  importerName: 'Acme Imports LLC',
  importerNumbers: ['12-345678900'],
  routingNumber: '021000021',
  bankName: 'JPMorgan Chase Bank',
  accountNumber: '000123456789',
  accountConfirmation: '000123456789',
  accountType: 'checking',
  accountHolderName: 'Acme Imports LLC',
};

const messages = (form: ProfileForm, key: string) => (profileFormProblems(form)[key] ?? []).map((problem) => problem.message);

describe('profileFormProblems', () => {
  it('finds nothing wrong with a complete profile, and the background would accept its input', () => {
    expect(countErrors(profileFormProblems(filled))).toBe(0);
    const parsed = parseBankProfile(profileInputFromForm(filled, {}, new Date('2026-03-01T12:00:00Z')));
    expect(parsed.ok).toBe(true);
  });

  it("words a checksum-bad routing number with the bank core's message", () => {
    expect(messages({ ...filled, routingNumber: '021000022' }, 'routingNumber')).toEqual([bankMessage('routing.checksum')]);
  });

  it("uses the account check with the routing number (warning) and the confirmation comparison (error)", () => {
    const sameAsRouting = profileFormProblems({ ...filled, accountNumber: '021000021', accountConfirmation: '021000021' });
    expect(sameAsRouting.accountNumber).toEqual([{ code: 'account.is-routing', severity: 'warning', message: bankMessage('account.is-routing') }]);
    const differs = profileFormProblems({ ...filled, accountConfirmation: '000123456780' });
    expect(differs.accountConfirmation).toEqual([
      { code: 'account.confirm-mismatch', severity: 'error', message: bankMessage('account.confirm-mismatch', { positions: [12] }) },
    ]);
    expect(messages({ ...filled, accountConfirmation: '' }, 'accountConfirmation')).toEqual([bankMessage('input.empty', { field: 'confirmation' })]);
  });

  it('checks each importer number row on its own', () => {
    const problems = profileFormProblems({ ...filled, importerNumbers: ['12-345678900', '12-3456789'] });
    expect(problems['importerNumbers.0']).toBeUndefined();
    expect(problems['importerNumbers.1']?.map((problem) => problem.message)).toEqual([bankMessage('importer.ein-missing-suffix')]);
  });

  it("takes the text fields' words from the profile schema", () => {
    expect(messages({ ...filled, label: '  ' }, 'label')).toEqual([bankMessage('profile.required', { field: 'Profile label' })]);
    expect(messages({ ...filled, accountType: '' }, 'accountType')).toEqual([bankMessage('profile.account-type')]);
  });

  it('asks for both parts of a designated agent once either is given', () => {
    const agent = profileFormProblems({ ...filled, agentNumber: '12-345678901' });
    expect(agent['designatedAgent.name']?.[0]?.message).toBe(bankMessage('profile.required', { field: "Designated agent name" }));
    const badNumber = profileFormProblems({ ...filled, agentName: 'Broker Co', agentNumber: '12-34' });
    expect(badNumber['designatedAgent.number']?.[0]?.code).toBe('importer.format');
    expect(profileFormProblems(filled)['designatedAgent.number']).toBeUndefined();
  });

  it('counts every field with an error for an empty form', () => {
    const problems = profileFormProblems(EMPTY_PROFILE_FORM);
    expect(Object.keys(problems).sort()).toEqual(
      ['accountHolderName', 'accountNumber', 'bankName', 'importerName', 'importerNumbers.0', 'label', 'routingNumber'].sort(),
    );
    expect(countErrors(problems)).toBe(7);
  });
});

describe('checkProfileForm with the directory', () => {
  it("lets the directory's named participant stand for the general 61–72 warning, and reports what the directory says", () => {
    const general = profileFormProblems({ ...filled, routingNumber: '655060042' }).routingNumber;
    expect(general?.map((problem) => problem.code)).toEqual(['routing.prefix-electronic']);
    const directory = {
      imported: true,
      found: true,
      bankName: 'SOCIAL SECURITY ADMINISTRATION',
      receivesGovernmentEntries: true,
      suggestions: [],
      routingNumber: '655060042',
    };
    const checked = checkProfileForm({ ...filled, routingNumber: '655-060-042' }, directory);
    expect(checked.problems.routingNumber?.map((problem) => problem.code)).toEqual(['input.cleaned']);
    expect(checked.directory?.bank?.name).toBe('SOCIAL SECURITY ADMINISTRATION');
    expect(checked.directory?.problems.map((problem) => problem.code)).toEqual(['directory.electronic-participant']);
    // An answer about another number is not this one's.
    expect(checkProfileForm({ ...filled, routingNumber: '021000021' }, directory).directory).toBeUndefined();
  });
});

describe('visibleProblems', () => {
  it('holds back "not finished yet" errors until the field is left', () => {
    const routing = profileFormProblems({ ...filled, routingNumber: '0210' }).routingNumber;
    expect(visibleProblems(routing, false)).toEqual([]);
    expect(visibleProblems(routing, true).map((problem) => problem.code)).toEqual(['routing.length']);
    const letter = profileFormProblems({ ...filled, routingNumber: '02100O' }).routingNumber;
    expect(visibleProblems(letter, false).map((problem) => problem.code)).toEqual(['char.letter']);
  });
});

describe('saved profile round trip', () => {
  it('fills the form from a saved profile and saves it back with its createdAt and a new updatedAt', () => {
    const saved = { ...ACME, id: 'x1', designatedAgent: { name: 'Broker Co', number: '12-345678901' }, notes: 'Main account' };
    const { form, keep } = profileFormFromSaved(saved);
    expect(form.accountConfirmation).toBe(ACME.accountNumber);
    expect(form.agentName).toBe('Broker Co');
    expect(formsDiffer(form, profileFormFromSaved(saved).form)).toBe(false);
    const input = profileInputFromForm({ ...form, label: 'Acme renamed' }, keep, new Date('2026-03-01T12:00:00Z'));
    expect(input).toMatchObject({
      schemaVersion: 1,
      label: 'Acme renamed',
      createdAt: ACME.createdAt,
      updatedAt: '2026-03-01T12:00:00.000Z',
      designatedAgent: { name: 'Broker Co', number: '12-345678901' },
      notes: 'Main account',
    });
    expect(parseBankProfile(input).ok).toBe(true);
  });

  it('leaves out an empty designated agent and empty notes', () => {
    const input = profileInputFromForm(filled, {}, new Date('2026-03-01T12:00:00Z'));
    expect(input).not.toHaveProperty('designatedAgent');
    expect(input).not.toHaveProperty('notes');
    expect(input.createdAt).toBe('2026-03-01T12:00:00.000Z');
  });
});

describe('duplicate key', () => {
  it('asks for duplicates only when both numbers are valid', () => {
    expect(bankAccountKey(filled)).toEqual({ routingNumber: '021000021', accountNumber: '000123456789' });
    expect(bankAccountKey({ ...filled, routingNumber: '021000022' })).toBeUndefined();
  });
});
