import { describe, expect, it } from 'vitest';
import {
  MIN_PASSPHRASE_LENGTH,
  assessPassphrase,
  effectiveLength,
  isCommonPassword,
  newPassphraseProblem,
} from '@/utils/passphrase-strength';

describe('assessPassphrase', () => {
  it('rates a few unrelated words or a long mixed passphrase strong', () => {
    expect(assessPassphrase('correct horse battery staple 42').strength).toBe('strong');
    expect(assessPassphrase('Granite-Lantern-Orbit-71').strength).toBe('strong');
  });

  it('rates moderate passphrases in between', () => {
    expect(assessPassphrase('Tr0ub4dor&3').strength).toBe('good');
    expect(assessPassphrase('mydogspot1').strength).toBe('fair');
  });

  it('rates short passphrases weak with the length hint', () => {
    const result = assessPassphrase('Zq8!x');
    expect(result.strength).toBe('weak');
    expect(result.hint).toMatch(/at least 10 characters/);
  });

  it('sees common passwords under digits, symbols, capitals and leet', () => {
    for (const text of ['password', 'Password2026!', 'P@ssw0rd', '123456789', 'qwertyuiop', 'Summer2025', 'letmein!!!']) {
      const result = assessPassphrase(text);
      expect(result.strength, text).toBe('weak');
      expect(result.hint, text).toMatch(/most common passwords/);
    }
    expect(isCommonPassword('granite lantern')).toBe(false);
  });

  it('sees through repeats and sequences', () => {
    expect(assessPassphrase('aaaaaaaaaaaa').strength).toBe('weak');
    expect(assessPassphrase('abcdefghijklmnop').hint).toMatch(/repeated characters and sequences/);
    expect(assessPassphrase('abcabcabcabc').strength).toBe('weak');
    expect(assessPassphrase('asdfghjkl;123456').strength).toBe('weak');
  });

  it('counts repeats and sequences once', () => {
    expect(effectiveLength('aaaa')).toBe(1);
    expect(effectiveLength('abcd')).toBe(1);
    expect(effectiveLength('4321x')).toBe(2);
    expect(effectiveLength('xyxyxy')).toBe(3);
    expect(effectiveLength('horse')).toBe(5);
  });

  it('grows with length and variety', () => {
    const levels = ['weak', 'fair', 'good', 'strong'];
    const rank = (text: string) => levels.indexOf(assessPassphrase(text).strength);
    expect(rank('lanternorbit')).toBeLessThan(rank('lantern orbit granite'));
    expect(rank('lanternorbit')).toBeLessThanOrEqual(rank('Lantern0rbit!'));
    expect(assessPassphrase('').hint).toMatch(/at least 10 characters/);
  });
});

describe('newPassphraseProblem', () => {
  it('refuses fewer than 10 characters, counting characters not bytes', () => {
    expect(MIN_PASSPHRASE_LENGTH).toBe(10);
    expect(newPassphraseProblem('short', 'short')).toBe('The passphrase needs at least 10 characters; this one has 5.');
    expect(newPassphraseProblem('', '')).toMatch(/at least 10 characters/);
    expect(newPassphraseProblem('ééééééééé😀', 'ééééééééé😀')).toBeUndefined();
  });

  it('refuses a confirmation that differs', () => {
    expect(newPassphraseProblem('granite lantern', 'granite lanterns')).toMatch(/do not match/);
  });

  it('accepts a long enough, confirmed passphrase', () => {
    expect(newPassphraseProblem('granite lantern', 'granite lantern')).toBeUndefined();
  });

  it('refuses more than the protocol carries', () => {
    const long = 'x'.repeat(1025);
    expect(newPassphraseProblem(long, long)).toMatch(/1024/);
  });
});
