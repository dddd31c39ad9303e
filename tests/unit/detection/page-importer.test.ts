import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normaliseImporterNumber } from '@/utils/bank/importer-number';
import { findImporterNumbers } from '@/utils/bank/importer-number-search';
import { choosePageImporter, importerCandidates, roleOfWords, type ImporterRun } from '@/utils/detection/page-importer';
import { anyText, PROPERTY_TIMEOUT, validImporterNumber } from '../bank/arbitraries';

const RUNS = 1_000;

const run = (value: string, label = '', context = ''): ImporterRun => ({ label, value, context });

const IMPORTER_LABELS = [
  'IR #',
  'IR#',
  'IR No.',
  'IR Number',
  'Importer Number',
  'Importer of Record Number',
  'Importer No.',
  'Importer ID',
  'IOR #',
  "Importer's IRS Number",
];
const OTHER_LABELS = [
  'Broker IR #',
  'Filer Code / Number',
  'Designated Agent IR #',
  'Designated Agent Number',
  'Customs Broker',
  "Broker's Importer Number",
  'Consignee Number',
  'Ultimate Consignee IR #',
  'Surety ID',
  'In care of (Form 4811 agent)',
];
const IMPORTER_CONTEXTS = ['Importer Information', 'Importer of Record', 'Importer account'];
const OTHER_CONTEXTS = ['Designated Agent (CBP Form 4811)', 'Customs Broker', 'Filer', 'Consignees'];

/** The ways a page writes one number: as typed, EIN without its first hyphen, en dashes. */
function dressed(number: string): fc.Arbitrary<string> {
  const ein = /^(\d{2})-(\d{7})([0-9A-Z]{2})$/.exec(number);
  const forms = [number, number.replace(/-/g, '\u2013')];
  if (ein) forms.push(`${ein[1]}${ein[2]}-${ein[3]}`, `${ein[1]}-${ein[2]}-${ein[3]}`);
  return fc.constantFrom(...forms);
}

/** One labelled number laid out as pages do: sibling pair, one text, meta line, preceding segment, section heading. */
function laidOut(label: string, context: string, number: string, name: string): fc.Arbitrary<ImporterRun> {
  return fc.tuple(fc.integer({ min: 0, max: 4 }), dressed(number)).map(([layout, shown]) => {
    switch (layout) {
      case 0:
        return run(shown, label);
      case 1:
        return run(`${label}: ${shown}`);
      case 2:
        return run(`${name} · ${label} ${shown} · Nogales, AZ`);
      case 3:
        return run(`${label} | ${shown}`);
      default:
        return run(shown, '', context);
    }
  });
}

const importerRun = (number: string) =>
  fc
    .tuple(fc.constantFrom(...IMPORTER_LABELS), fc.constantFrom(...IMPORTER_CONTEXTS))
    .chain(([label, context]) => laidOut(label, context, number, 'Acme Imports LLC'));
const otherRun = (number: string) =>
  fc
    .tuple(fc.constantFrom(...OTHER_LABELS), fc.constantFrom(...OTHER_CONTEXTS))
    .chain(([label, context]) => laidOut(label, context, number, 'Speedy Customs Brokerage'));

describe('roleOfWords', () => {
  it("names the importer's labels, and another party's whatever else the label says", () => {
    for (const label of IMPORTER_LABELS) expect(roleOfWords(label), label).toBe('importer');
    for (const label of OTHER_LABELS) expect(roleOfWords(label), label).toBe('other-party');
    for (const label of ['Acme Imports LLC', 'Number', 'EIN', 'Account', 'Nogales, AZ', 'Imports', 'Irvine']) {
      expect(roleOfWords(label), label).toBe('unnamed');
    }
  });
});

describe('choosePageImporter', { timeout: PROPERTY_TIMEOUT }, () => {
  it('reads label and value in one text, sibling pairs, meta lines and section headings', () => {
    const cases: [ImporterRun[], string][] = [
      [[run('IR #: 12-345678900')], '12-345678900'],
      [[run('12-345678900', 'IR Number')], '12-345678900'],
      [[run('Importer · IR# 12-345678900 · Nogales, AZ')], '12-345678900'],
      [[run('Importer · 12-3456789B7 · Nogales, AZ')], '12-3456789B7'],
      [[run('123456789-00', 'Importer No.')], '12-345678900'],
      [[run('IR No.\n      12-345678900')], '12-345678900'],
      [[run('951234-12345', '', 'Importer Information')], '951234-12345'],
      [[run('Edit bank details — Acme Imports LLC — IR # 123-45-6789')], '123-45-6789'],
    ];
    for (const [runs, expected] of cases) {
      expect(choosePageImporter(runs), JSON.stringify(runs)).toMatchObject({ status: 'found', importerNumber: expected, runs: [0] });
    }
  });

  it("never takes a broker's, filer's or designated agent's number", () => {
    const page = [
      run('Broker: 98-765432100 · Importer: 12-345678900'),
      run('55-555555500', 'Designated Agent IR #'),
      run('44-444444400', '', 'Designated Agent (CBP Form 4811)'),
      run('Filer 33-333333300'),
    ];
    expect(choosePageImporter(page)).toEqual({ status: 'found', importerNumber: '12-345678900', runs: [0] });
    expect(choosePageImporter(page.slice(1))).toEqual({ status: 'none' });
  });

  it('takes the one number no label gives to another party; several such numbers are a question', () => {
    expect(choosePageImporter([run('Acme Imports LLC 12-345678900'), run('98-765432100', 'Broker')])).toMatchObject({
      status: 'found',
      importerNumber: '12-345678900',
    });
    expect(choosePageImporter([run('12-345678900'), run('12-345678901')])).toEqual({
      status: 'unclear',
      candidates: [
        { importerNumber: '12-345678900', role: 'unnamed', runs: [0] },
        { importerNumber: '12-345678901', role: 'unnamed', runs: [1] },
      ],
    });
    expect(choosePageImporter([run('IR # 12-345678900'), run('12-345678901', 'Importer number')])).toMatchObject({
      status: 'unclear',
      candidates: [{ importerNumber: '12-345678900' }, { importerNumber: '12-345678901' }],
    });
  });

  it('counts one number shown in several places once, labelled wherever it is labelled', () => {
    const page = [run('12-345678900'), run('IR #: 12-345678900'), run('12-345678900', 'IR Number'), run('98-765432100')];
    expect(choosePageImporter(page)).toEqual({ status: 'found', importerNumber: '12-345678900', runs: [1, 2] });
    expect(importerCandidates(page).map((candidate) => [candidate.importerNumber, candidate.role])).toEqual([
      ['12-345678900', 'importer'],
      ['98-765432100', 'unnamed'],
    ]);
  });

  it('reads each text alone: a label glued to a number is not one', () => {
    // What body.textContent made of <span>IR Number</span><span>12-345678900</span>.
    expect(choosePageImporter([run('IR Number12-345678900')])).toEqual({ status: 'none' });
    expect(choosePageImporter([run('12-345678900', 'IR Number'), run('ACME IMPORTS')])).toMatchObject({ status: 'found' });
  });

  it("finds the importer's number among other parties' numbers, in any layout and order", () => {
    const page = fc
      .tuple(validImporterNumber, fc.uniqueArray(validImporterNumber, { maxLength: 4 }))
      .filter(([number, others]) => !others.includes(number))
      .chain(([number, others]) =>
        fc
          .tuple(importerRun(number), fc.tuple(...others.map(otherRun)), fc.nat())
          .map(([mine, theirs, at]) => {
            const runs = [...theirs];
            runs.splice(at % (runs.length + 1), 0, mine);
            return { number, runs, at: runs.indexOf(mine) };
          }),
      );
    fc.assert(
      fc.property(page, ({ number, runs, at }) => {
        expect(choosePageImporter(runs)).toEqual({ status: 'found', importerNumber: number, runs: [at] });
        expect(choosePageImporter(runs.filter((_, i) => i !== at))).toEqual({ status: 'none' });
      }),
      { numRuns: RUNS },
    );
  });

  it('asks when two different numbers are each labelled as the importer’s', () => {
    const page = fc
      .uniqueArray(validImporterNumber, { minLength: 2, maxLength: 2 })
      .chain((numbers) => fc.tuple(fc.constant(numbers), importerRun(numbers[0]!), importerRun(numbers[1]!)));
    fc.assert(
      fc.property(page, ([numbers, first, second]) => {
        const decision = choosePageImporter([first, second]);
        expect(decision.status).toBe('unclear');
        if (decision.status === 'unclear') expect(decision.candidates.map((c) => c.importerNumber)).toEqual(numbers);
      }),
      { numRuns: RUNS },
    );
  });

  it('never throws on any runs, and answers only numbers the runs show', () => {
    const anyRun = fc.record({ label: anyText, value: fc.oneof(anyText, validImporterNumber.map((n) => `IR # ${n}`)), context: anyText });
    fc.assert(
      fc.property(fc.array(anyRun, { maxLength: 6 }), (runs) => {
        const decision = choosePageImporter(runs);
        const shown = new Set(runs.flatMap((r) => findImporterNumbers(r.value).map((match) => normaliseImporterNumber(match.text))));
        if (decision.status === 'found') expect(shown.has(decision.importerNumber)).toBe(true);
        if (decision.status === 'unclear') for (const candidate of decision.candidates) expect(shown.has(candidate.importerNumber)).toBe(true);
        if (decision.status === 'none') expect(importerCandidates(runs).every((candidate) => candidate.role === 'other-party')).toBe(true);
      }),
      { numRuns: RUNS },
    );
    expect(choosePageImporter(null as unknown as ImporterRun[])).toEqual({ status: 'none' });
    expect(choosePageImporter([{ label: 7, value: {}, context: null } as unknown as ImporterRun])).toEqual({ status: 'none' });
  });
});
