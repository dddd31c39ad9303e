import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BANK_RULES, bankMessage, bankSeverity, joinWords } from '../../../utils/bank/messages';
import type { BankProblemCode } from '../../../utils/bank/messages';

const BANK_DIR = join(__dirname, '../../../utils/bank');
const sources = readdirSync(BANK_DIR)
  .filter((name) => name.endsWith('.ts'))
  .map((name) => ({ name, text: readFileSync(join(BANK_DIR, name), 'utf8') }));

describe('messages', () => {
  it('has stable, namespaced codes with a severity each', () => {
    for (const code of Object.keys(BANK_RULES) as BankProblemCode[]) {
      expect(code).toMatch(/^(input|char|routing|account|importer|directory|fedach|profile)\.[a-z]+(-[a-z]+)*$/);
      expect(['error', 'warning', 'info']).toContain(bankSeverity(code));
    }
  });

  it('builds messages from parameters', () => {
    expect(bankMessage('routing.length', { found: 8 })).toContain('this one has 8');
    expect(bankMessage('input.cleaned', { removed: ['space'] })).toBe('Ignored the spaces in what was entered.');
  });

  it('joins words as prose', () => {
    expect(joinWords([])).toBe('');
    expect(joinWords(['a'])).toBe('a');
    expect(joinWords(['a', 'b'])).toBe('a and b');
    expect(joinWords(['a', 'b', 'c'])).toBe('a, b and c');
  });

  it('every code is used by some check, so the table holds no dead rules', () => {
    // The directory's rules judge the lookup's facts in the one bank-entry check.
    const entryCheck = readFileSync(join(__dirname, '../../../utils/form-checks/bank-entry-check.ts'), 'utf8');
    const code = [...sources.filter(({ name }) => name !== 'messages.ts').map(({ text }) => text), entryCheck].join('\n');
    for (const rule of Object.keys(BANK_RULES)) expect(code, rule).toContain(`'${rule}'`);
  });
});

describe('utils/bank stays pure', () => {
  it('uses no browser, extension or Node APIs, and only zod/mini', () => {
    for (const { name, text } of sources) {
      const code = text.replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
      expect(code, name).not.toMatch(/\b(window|document|navigator|chrome|browser|localStorage|indexedDB|fetch|process|Buffer|require)\b\s*[.(]/);
      expect(code, name).not.toMatch(/from '(node:|fs|path|wxt)/);
      for (const [, source] of code.matchAll(/from '([^']+)'/g)) expect(source, name).toMatch(/^(\.\/|zod\/mini$)/);
    }
  });

  it('keeps each module small', () => {
    for (const { name, text } of sources) expect(text.split('\n').length, name).toBeLessThan(400);
  });
});
