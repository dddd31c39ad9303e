import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  exportAllowed,
  managedChangeRefusal,
  MANAGED_KEYS,
  mergeManagedSettings,
  minPassphraseScoreOf,
  readManagedPolicy,
} from '@/utils/background/managed-policy';
import type { Settings } from '@/utils/messaging/shapes';

const USER: Settings = { autoLockMinutes: 30, submitGuard: false, extraHosts: ['ace-test.cbp.gov'], reverifyDays: 180 };

function read(raw: unknown) {
  const warnings: string[] = [];
  const policy = readManagedPolicy(raw, (message) => warnings.push(message));
  return { policy, warnings };
}

describe('reading the managed settings', () => {
  it('takes every valid key', () => {
    const { policy, warnings } = read({
      autoLockMinutes: 5,
      maxAutoLockMinutes: 10,
      forceSubmitGuard: true,
      extraHosts: ['ACE-Train.cbp.gov.', 'ace.cbp.gov'],
      minPassphraseScore: 4,
      allowExport: false,
    });
    expect(policy).toEqual({
      autoLockMinutes: 5,
      maxAutoLockMinutes: 10,
      forceSubmitGuard: true,
      // Normalised as the user's own entries are; the built-in host needs no entry.
      extraHosts: ['ace-train.cbp.gov'],
      minPassphraseScore: 4,
      allowExport: false,
    });
    expect(warnings).toEqual([]);
  });

  it('answers nothing managed for an empty or missing policy', () => {
    expect(read({}).policy).toEqual({});
    expect(read(undefined).policy).toEqual({});
    expect(read(null).policy).toEqual({});
  });

  it('ignores each invalid value with a warning naming it, and keeps the valid ones', () => {
    const { policy, warnings } = read({
      autoLockMinutes: 0,
      maxAutoLockMinutes: '10',
      forceSubmitGuard: 'yes',
      minPassphraseScore: 5,
      allowExport: 'no',
      extraHosts: 'ace-test.cbp.gov',
      unknownKey: 1,
    });
    expect(policy).toEqual({});
    for (const key of ['autoLockMinutes', 'maxAutoLockMinutes', 'forceSubmitGuard', 'minPassphraseScore', 'allowExport', 'extraHosts', 'unknownKey']) {
      expect(warnings.some((warning) => warning.includes(`"${key}"`))).toBe(true);
    }
    expect(read({ autoLockMinutes: 2.5, minPassphraseScore: 3.5, allowExport: false }).policy).toEqual({ allowExport: false });
  });

  it('refuses a whole host list holding anything but a CBP host, exactly as the options page does', () => {
    for (const bad of ['evil.example.com', 'cbp.gov.evil.com', 'https://ace-test.cbp.gov/', '*.cbp.gov', 'ace-test.cbp.gov/path', 'xn--cbp.gov', '']) {
      const { policy, warnings } = read({ extraHosts: ['ace-test.cbp.gov', bad], allowExport: false });
      expect(policy).toEqual({ allowExport: false });
      expect(warnings.join(' ')).toContain('"extraHosts" ignored');
    }
    expect(read({ extraHosts: ['train.cbp.dhs.gov'] }).policy).toEqual({ extraHosts: ['train.cbp.dhs.gov'] });
    expect(read({ extraHosts: [] }).policy).toEqual({ extraHosts: [] });
  });

  it('never loosens: a passphrase minimum under 3, a guard not forced and export allowed manage nothing', () => {
    for (const score of [0, 1, 2, 3]) {
      const { policy } = read({ minPassphraseScore: score });
      expect(policy).toEqual({});
      expect(minPassphraseScoreOf(policy)).toBe(3);
    }
    expect(minPassphraseScoreOf(read({ minPassphraseScore: 4 }).policy)).toBe(4);
    expect(read({ forceSubmitGuard: false, allowExport: true }).policy).toEqual({});
  });

  it('holds the managed auto-lock to the managed maximum', () => {
    const { policy, warnings } = read({ autoLockMinutes: 60, maxAutoLockMinutes: 20 });
    expect(policy).toEqual({ autoLockMinutes: 20, maxAutoLockMinutes: 20 });
    expect(warnings).toHaveLength(1);
  });

  it('warns about a policy that is not an object', () => {
    expect(read([1, 2]).policy).toEqual({});
    expect(read('autoLockMinutes=5').warnings).toHaveLength(1);
  });

  it('describes every key to Chrome in public/managed_schema.json, with the same bounds', () => {
    const schema = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../../public/managed_schema.json'), 'utf8'));
    expect(Object.keys(schema.properties).sort()).toEqual([...MANAGED_KEYS].sort());
    expect(schema.properties.autoLockMinutes).toMatchObject({ type: 'integer', minimum: 1, maximum: 1440 });
    expect(schema.properties.maxAutoLockMinutes).toMatchObject({ type: 'integer', minimum: 1, maximum: 1440 });
    expect(schema.properties.minPassphraseScore).toMatchObject({ type: 'integer', minimum: 0, maximum: 4 });
    expect(schema.properties.extraHosts).toMatchObject({ type: 'array', items: { type: 'string' } });
    expect(schema.properties.forceSubmitGuard.type).toBe('boolean');
    expect(schema.properties.allowExport.type).toBe('boolean');
  });
});

describe('merging over the user settings', () => {
  it("keeps the user's values where nothing is managed", () => {
    expect(mergeManagedSettings(USER, {})).toEqual(USER);
  });

  it('lets each managed value win', () => {
    expect(mergeManagedSettings(USER, { autoLockMinutes: 5, forceSubmitGuard: true, extraHosts: ['train.cbp.gov'] })).toEqual({
      autoLockMinutes: 5,
      submitGuard: true,
      extraHosts: ['train.cbp.gov'],
      reverifyDays: 180,
    });
    expect(mergeManagedSettings(USER, { extraHosts: [] }).extraHosts).toEqual([]);
  });

  it("holds the user's auto-lock to the managed maximum, and leaves a shorter one", () => {
    expect(mergeManagedSettings(USER, { maxAutoLockMinutes: 10 }).autoLockMinutes).toBe(10);
    expect(mergeManagedSettings(USER, { maxAutoLockMinutes: 60 }).autoLockMinutes).toBe(30);
  });

  it("keeps the user's submit guard on when it is not forced", () => {
    expect(mergeManagedSettings({ ...USER, submitGuard: true }, {}).submitGuard).toBe(true);
  });
});

describe('changes to managed settings', () => {
  it('refuses changing a managed value, and lets the same value or an unmanaged one through', () => {
    expect(managedChangeRefusal({ autoLockMinutes: 6 }, { autoLockMinutes: 5 })).toContain('5 minutes');
    expect(managedChangeRefusal({ autoLockMinutes: 5 }, { autoLockMinutes: 5 })).toBeUndefined();
    expect(managedChangeRefusal({ submitGuard: false }, { forceSubmitGuard: true })).toContain('cannot be turned off');
    expect(managedChangeRefusal({ submitGuard: true }, { forceSubmitGuard: true })).toBeUndefined();
    expect(managedChangeRefusal({ extraHosts: [] }, { extraHosts: ['train.cbp.gov'] })).toContain('extra ACE hosts');
    expect(managedChangeRefusal({ extraHosts: ['train.cbp.gov'] }, { extraHosts: ['train.cbp.gov'] })).toBeUndefined();
    expect(managedChangeRefusal({ submitGuard: false, extraHosts: ['a.cbp.gov'] }, { autoLockMinutes: 5 })).toBeUndefined();
  });

  it('refuses an auto-lock above the managed maximum and allows one up to it', () => {
    expect(managedChangeRefusal({ autoLockMinutes: 11 }, { maxAutoLockMinutes: 10 })).toContain('at most 10 minutes');
    expect(managedChangeRefusal({ autoLockMinutes: 10 }, { maxAutoLockMinutes: 10 })).toBeUndefined();
    expect(managedChangeRefusal({ autoLockMinutes: 1 }, { maxAutoLockMinutes: 10 })).toBeUndefined();
  });

  it('allows export unless the policy says no', () => {
    expect(exportAllowed({})).toBe(true);
    expect(exportAllowed({ allowExport: false })).toBe(false);
  });
});
