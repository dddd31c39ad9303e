import { describe, expect, it } from 'vitest';
import { createProfileSearch, foldForSearch } from '@/utils/background/profile-search';
import { ACME, GLOBEX, SOCIETE, manySummaries, summaryOf } from './profile-fixtures';

const profiles = [summaryOf('g', GLOBEX), summaryOf('s', SOCIETE), summaryOf('a', ACME)];
const labels = (found: readonly { label: string }[]) => found.map((profile) => profile.label);

describe('createProfileSearch', () => {
  const search = createProfileSearch(profiles);

  it('lists everything, by label, for an empty or blank query', () => {
    expect(labels(search.search(''))).toEqual(['Acme main', 'Globex refunds', 'Société Générale Imports']);
    expect(labels(search.search('   '))).toEqual(labels(search.all));
  });

  it('finds by label, importer name and bank name, ignoring case and accents', () => {
    expect(labels(search.search('GLOBEX'))).toEqual(['Globex refunds']);
    expect(labels(search.search('trading co'))).toEqual(['Globex refunds']);
    expect(labels(search.search('wells fargo'))).toEqual(['Société Générale Imports']);
    expect(labels(search.search('societe generale'))).toEqual(['Société Générale Imports']);
  });

  it('finds importer numbers typed with or without hyphens', () => {
    expect(labels(search.search('98-765432100'))).toEqual(['Globex refunds']);
    expect(labels(search.search('98765432100'))).toEqual(['Globex refunds']);
    expect(labels(search.search('987654321a1'))).toEqual(['Globex refunds']);
    // An SSN's digits also occur inside Acme's EIN: a search shows both rather than guess.
    expect(labels(search.search('123-45-6789'))).toEqual(['Acme main', 'Société Générale Imports']);
    expect(labels(search.search('12-345678900'))).toEqual(['Acme main']);
    expect(labels(search.search('5678-900'))).toEqual(['Acme main']);
  });

  it('finds the last digits of the account, even typed after the mask', () => {
    expect(labels(search.search('7788'))).toEqual(['Globex refunds']);
    expect(labels(search.search('•••• 7788'))).toEqual(['Globex refunds']);
  });

  it('needs every word of the query to match, in any field', () => {
    expect(labels(search.search('acme chase'))).toEqual(['Acme main']);
    expect(labels(search.search('acme america'))).toEqual([]);
  });

  it('puts labels that start with the query first', () => {
    const more = createProfileSearch([summaryOf('1', { ...ACME, label: 'Zeta for Acme' }), summaryOf('2', ACME)]);
    expect(labels(more.search('acme'))).toEqual(['Acme main', 'Zeta for Acme']);
  });

  it('gives the same answers when a query is typed letter by letter, backspaced and retyped', () => {
    const typed = createProfileSearch(profiles);
    for (const query of ['g', 'gl', 'glo', 'gl', 'w', 'we', 'wel', 'well', '']) {
      expect(labels(typed.search(query)), query).toEqual(labels(createProfileSearch(profiles).search(query)));
    }
  });

  it('answers alike from its kept answers, after more queries than it keeps, as a fresh search does', () => {
    const many = manySummaries(300);
    const kept = createProfileSearch(many);
    const queries = [...Array.from({ length: 40 }, (_, i) => `${i}`), 'stark', 'stark 1', 'stark', '0', '1', '39', 'st', ''];
    for (const query of [...queries, ...queries.reverse()]) {
      expect(kept.search(query).map((profile) => profile.id), query).toEqual(createProfileSearch(many).search(query).map((profile) => profile.id));
    }
  });

  it('folds like the index does', () => {
    expect(foldForSearch('Ĉafé ÅB')).toBe('cafe ab');
  });
});

describe('search over 10,000 profiles', () => {
  it('answers each keystroke quickly (timings printed, not asserted)', () => {
    const many = manySummaries(10_000);
    const started = performance.now();
    const search = createProfileSearch(many);
    search.prepare();
    const built = performance.now() - started;
    const keystrokes = ['s', 'st', 'sta', 'star', 'stark', 'stark ', 'stark 4', 'stark 42', '4', '45', '456', '4567', '12-34', 'summit b'];
    const run = () => {
      const times: number[] = [];
      for (const query of keystrokes) {
        const t0 = performance.now();
        search.search(query);
        times.push(performance.now() - t0);
      }
      return times;
    };
    const cold = run();
    const warm = run();
    const summary = (times: number[]) =>
      `worst ${Math.max(...times).toFixed(2)} ms, mean ${(times.reduce((a, b) => a + b, 0) / times.length).toFixed(2)} ms`;
    console.info(
      `profile search, 10,000 profiles: index built in ${built.toFixed(1)} ms; ` +
        `keystrokes cold ${summary(cold)}; again (answers kept) ${summary(warm)}`,
    );
    const lastCount = search.search(keystrokes[keystrokes.length - 1]!).length;
    // The results themselves are checked, not the clock.
    expect(search.search('stark 42').every((profile) => profile.label.toLowerCase().includes('stark'))).toBe(true);
    expect(search.search('stark 42').length).toBeGreaterThan(0);
    expect(lastCount).toBe(many.filter((profile) => profile.bankName === 'Summit Bank & Trust').length);
  });
});

describe('label order', () => {
  it('keeps a list the background already sorted, and sorts one that is not', () => {
    const sorted = [summaryOf('a', ACME), summaryOf('g', GLOBEX)];
    expect(createProfileSearch(sorted).all).toBe(sorted);
    const numbered = ['Item 10', 'Item 9', 'item 1'].map((label, i) => summaryOf(String(i), { ...ACME, label }));
    expect(labels(createProfileSearch(numbered).all)).toEqual(['item 1', 'Item 9', 'Item 10']);
  });

  it('answers the same before and after prepare', () => {
    const search = createProfileSearch(profiles);
    const before = labels(search.search('america'));
    search.prepare();
    expect(labels(search.search('america'))).toEqual(before);
    expect(before).toEqual(['Globex refunds']);
  });
});
