import fc from 'fast-check';
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { createFedAchJsonParser, parseFedAchJson } from '../../../utils/bank/fedach-json-parser';
import { anyText, PROPERTY_TIMEOUT, RUNS } from './arbitraries';
import { chunksOf, expectedRecord, fedAchJson, generateFedAchEntries, seededRandom } from './fedach-generator';

const entries = generateFedAchEntries(200, { seed: 21, replacedShare: 0.1, nonGovernmentShare: 0.05 });
const small = generateFedAchEntries(5, { seed: 4, replacedShare: 0.4 });
const smallRecords = small.map(expectedRecord);
// Written once: making the file is dearer than reading it, and the property reads it 10,000 times.
const smallFiles = [undefined, 0, 1, 2, 3].map((indent) => fedAchJson(small, indent === undefined ? {} : { indent }));

describe('parseFedAchJson', { timeout: PROPERTY_TIMEOUT }, () => {
  it.each([['institutionStatusCode'], ['statusCode']] as const)('reads generated participants whose status key is %s', (statusKey) => {
    const result = parseFedAchJson(fedAchJson(entries, { statusKey }));
    expect(result.problems).toEqual([]);
    expect(result.format).toBe('json');
    expect(result.itemsRead).toBe(200);
    expect(result.responseCode).toBe(200);
    expect(result.records).toEqual(entries.map(expectedRecord));
  });

  it('reads indented files, a bare array of participants, and a byte order mark', () => {
    expect(parseFedAchJson(fedAchJson(small, { indent: 2 })).records).toEqual(small.map(expectedRecord));
    const bare = JSON.stringify(JSON.parse(fedAchJson(small)).fedACHParticipants.fedACHParticipants);
    expect(parseFedAchJson('\ufeff' + bare).records).toEqual(small.map(expectedRecord));
  });

  it('restores the leading zero of routing numbers written as JSON numbers', () => {
    const text = JSON.stringify({
      fedACHParticipants: {
        response: { code: 200 },
        fedACHParticipants: [
          { routingNumber: 21000021, officeCode: 'O', recordTypeCode: 1, changeDate: '', newRoutingNumber: 0, customerName: 'JPMORGAN CHASE BANK', customerCity: 'TAMPA', customerState: 'FL', institutionStatusCode: 1 },
        ],
      },
    });
    expect(parseFedAchJson(text).records).toEqual([
      { routingNumber: '021000021', officeCode: 'O', recordType: '1', name: 'JPMORGAN CHASE BANK', city: 'TAMPA', state: 'FL', institutionStatus: '1' },
    ]);
  });

  it('reports damaged and incomplete participants by line, and keeps the others', () => {
    const [a, b] = small;
    const good = (entry: typeof a) => JSON.stringify(JSON.parse(fedAchJson([entry!])).fedACHParticipants.fedACHParticipants[0]);
    const text = [
      '{"fedACHParticipants": {"response": {"code": 200}, "fedACHParticipants": [',
      `${good(a)},`,
      '{"routingNumber": "12345", "officeCode": "O"},',
      '{"routingNumber": "021000021", "customerName": "X", "officeCode": "O", "recordTypeCode": 1, "broken": tru},',
      `${good(b)}`,
      ']}}',
    ].join('\n');
    const result = parseFedAchJson(text);
    expect(result.records).toEqual([expectedRecord(a!), expectedRecord(b!)]);
    expect(result.problems).toEqual([
      { code: 'fedach.routing', severity: 'warning', line: 3, message: 'Line 3: the routing number is not 9 digits; skipped.' },
      { code: 'fedach.json-record', severity: 'warning', line: 4, message: 'Line 4: participant 3 is not valid JSON; skipped.' },
    ]);
  });

  it('says when the file stops in the middle of a participant', () => {
    const text = fedAchJson(small);
    const result = parseFedAchJson(text.slice(0, text.length - 40));
    expect(result.records).toEqual(small.slice(0, 4).map(expectedRecord));
    expect(result.problems.map((problem) => problem.code)).toEqual(['fedach.json-truncated']);
    expect(result.problems[0]?.message).toBe(
      'The file ends in the middle of a record, so the last record was skipped. Download the directory again.',
    );
  });

  it('refuses JSON without a participants list, once', () => {
    expect(parseFedAchJson('{"error": {"code": 401, "message": "Unauthorized"}}').problems).toEqual([
      {
        code: 'fedach.json-no-participants',
        severity: 'error',
        message: 'No fedACHParticipants list was found; choose the FedACH directory file from the Federal Reserve.',
      },
    ]);
  });

  it('reports the response code even for an empty list', () => {
    const result = parseFedAchJson('{"fedACHParticipants": {"response": {"code": 404}, "fedACHParticipants": []}}');
    expect(result.responseCode).toBe(404);
    expect(result.problems.map((problem) => problem.code)).toEqual(['fedach.no-records']);
  });

  it('drops a repeated routing number with a note', () => {
    const result = parseFedAchJson(fedAchJson([small[0]!, small[1]!, small[0]!], { indent: 1 }));
    expect(result.records).toHaveLength(2);
    expect(result.problems.map((problem) => problem.code)).toEqual(['fedach.duplicate']);
  });
});

describe('createFedAchJsonParser: properties', { timeout: PROPERTY_TIMEOUT }, () => {
  it('gives the same result however the file is cut into chunks', () => {
    fc.assert(
      fc.property(fc.constantFrom(...smallFiles), fc.integer({ min: 1, max: 300 }), fc.integer(), (text, maxChunk, seed) => {
        const parser = createFedAchJsonParser();
        for (const chunk of chunksOf(text, seededRandom(seed), maxChunk)) parser.push(chunk);
        const result = parser.end();
        return result.problems.length === 0 && isDeepStrictEqual(result.records, smallRecords);
      }),
      { numRuns: RUNS },
    );
  });

  it('never throws on any text in any chunking, and agrees with itself whole', () => {
    const piece = fc.oneof(anyText, fc.constantFrom('{', '}', '[', ']', '"', '\\', ',', ':', '"fedACHParticipants"', '{"routingNumber":"021000021"}'));
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), fc.integer({ min: 1, max: 50 }), fc.integer(), (pieces, maxChunk, seed) => {
        const text = pieces.join('');
        const whole = parseFedAchJson(text);
        const parser = createFedAchJsonParser();
        for (const chunk of chunksOf(text, seededRandom(seed), maxChunk)) parser.push(chunk);
        return isDeepStrictEqual(parser.end(), whole);
      }),
      { numRuns: RUNS },
    );
  });
});
