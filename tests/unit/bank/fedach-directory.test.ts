import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildFedAchIndex, lookupRoutingNumber } from '../../../utils/bank/fedach-directory';
import { createFedAchParser, parseFedAchDirectory } from '../../../utils/bank/fedach-parser';
import { anyText, PROPERTY_TIMEOUT, RUNS } from './arbitraries';
import { expectedRecord, fedAchJson, fedAchText, generateFedAchEntries, makeFedAchEntry, seededRandom } from './fedach-generator';

const random = seededRandom(99);
const chase = makeFedAchEntry(random, { routingNumber: '021000021', customerName: 'JPMORGAN CHASE BANK', customerCity: 'TAMPA', customerState: 'FL' });
const successor = makeFedAchEntry(random, { routingNumber: '011000015', customerName: 'SUCCESSOR BANK', customerCity: 'BOSTON', customerState: 'MA' });
const replaced = makeFedAchEntry(random, { routingNumber: '011000028', recordTypeCode: '2', newRoutingNumber: '011000015', customerName: 'OLD BANK' });
const orphan = makeFedAchEntry(random, { routingNumber: '011000138', recordTypeCode: '2', newRoutingNumber: '011000390', customerName: 'GONE BANK' });
const noGovernment = makeFedAchEntry(random, { routingNumber: '011001234', institutionStatusCode: '2', customerName: 'PRIVATE BANK' });
const ssa = makeFedAchEntry(random, { routingNumber: '655060042', customerName: 'SOCIAL SECURITY ADMINISTRATION', customerCity: 'BALTIMORE', customerState: 'MD' });
const index = buildFedAchIndex(parseFedAchText([chase, successor, replaced, orphan, noGovernment, ssa]).records);

function parseFedAchText(entries: Parameters<typeof fedAchText>[0]) {
  return parseFedAchDirectory(fedAchText(entries));
}

describe('lookupRoutingNumber', { timeout: PROPERTY_TIMEOUT }, () => {
  it('answers bank name, city and state, participation and government entries', () => {
    expect(lookupRoutingNumber(index, '021000021')).toEqual({
      found: true,
      routingNumber: '021000021',
      record: expectedRecord(chase),
      bankName: 'JPMORGAN CHASE BANK',
      city: 'TAMPA',
      state: 'FL',
      achParticipant: true,
      receivesGovernmentEntries: true,
    });
  });

  it('accepts the number as typed', () => {
    expect(lookupRoutingNumber(index, ' 021-000-021 ')).toMatchObject({ found: true, bankName: 'JPMORGAN CHASE BANK' });
  });

  it('gives the replacement routing number for record type 2, with its bank when listed', () => {
    const lookup = lookupRoutingNumber(index, '011000028');
    expect(lookup).toMatchObject({ found: true, replacedBy: '011000015', replacement: { name: 'SUCCESSOR BANK' } });
    const unlisted = lookupRoutingNumber(index, '011000138');
    expect(unlisted).toMatchObject({ found: true, replacedBy: '011000390' });
    expect(unlisted.found && unlisted.replacement).toBeFalsy();
  });

  it('never finds an entry that holds an invisible character or a letter, whatever its digits spell', () => {
    expect(lookupRoutingNumber(index, '021\u200b000021')).toEqual({ found: false, achParticipant: false });
    expect(lookupRoutingNumber(index, '02100002l1')).toEqual({ found: false, achParticipant: false });
    expect(lookupRoutingNumber(index, '\ufeff021000021')).toEqual({ found: false, achParticipant: false });
  });

  it('finds a listed 61–72 number with its participant', () => {
    const lookup = lookupRoutingNumber(index, '655060042');
    expect(lookup).toMatchObject({ found: true, bankName: 'SOCIAL SECURITY ADMINISTRATION' });
  });

  it('says whether the bank receives government entries', () => {
    const lookup = lookupRoutingNumber(index, '011001234');
    expect(lookup).toMatchObject({ found: true, receivesGovernmentEntries: false });
  });

  it('tells a missing 9-digit number from an entry that is not 9 digits', () => {
    const missing = lookupRoutingNumber(index, '026009593');
    expect(missing).toEqual({ found: false, routingNumber: '026009593', achParticipant: false });
    expect(lookupRoutingNumber(index, '0210')).toEqual({ found: false, achParticipant: false });
  });

  it('answers repeated lookups with the same object, redone for another index', () => {
    expect(lookupRoutingNumber(index, '021000021')).toBe(lookupRoutingNumber(index, '021 000 021'));
    const oldBank = index.get('011000028')!;
    const withoutSuccessor = buildFedAchIndex([oldBank]);
    expect(lookupRoutingNumber(index, '011000028')).toMatchObject({ replacement: { name: 'SUCCESSOR BANK' } });
    const elsewhere = lookupRoutingNumber(withoutSuccessor, '011000028');
    expect(elsewhere).toMatchObject({ found: true, replacedBy: '011000015' });
    expect(elsewhere.found && elsewhere.replacement).toBeUndefined();
  });

  it('keeps the first record of a repeated routing number', () => {
    const first = expectedRecord(chase);
    const again = { ...first, name: 'SECOND' };
    expect(buildFedAchIndex([first, again]).get('021000021')?.name).toBe('JPMORGAN CHASE BANK');
  });

  it('keeps records as plain serialisable objects', () => {
    const records = [...index.values()];
    expect(structuredClone(records)).toEqual(records);
    expect(JSON.parse(JSON.stringify(records))).toEqual(records);
  });
});

describe('parseFedAchDirectory and createFedAchParser', { timeout: PROPERTY_TIMEOUT }, () => {
  const entries = generateFedAchEntries(50, { seed: 3 });

  it('tells the formats apart by the first visible character', () => {
    expect(parseFedAchDirectory(fedAchText(entries)).format).toBe('text');
    expect(parseFedAchDirectory('\ufeff  \n' + fedAchJson(entries, { indent: 2 })).format).toBe('json');
    expect(parseFedAchDirectory(fedAchJson(entries)).records).toEqual(entries.map(expectedRecord));
  });

  it('waits for a visible character before choosing, across chunks', () => {
    const parser = createFedAchParser();
    for (const chunk of ['', '  ', '\n', fedAchJson(entries.slice(0, 2))]) parser.push(chunk);
    const result = parser.end();
    expect(result.format).toBe('json');
    expect(result.records).toHaveLength(2);
    expect(createFedAchParser().end().format).toBe('text');
  });

  it('never throws on any text', () => {
    fc.assert(
      fc.property(fc.array(anyText, { maxLength: 3 }), (chunks) => {
        const parser = createFedAchParser();
        for (const chunk of chunks) parser.push(chunk);
        const format = parser.end().format;
        return format === 'text' || format === 'json';
      }),
      { numRuns: RUNS },
    );
  });
});
