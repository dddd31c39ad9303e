import { describe, expect, it } from 'vitest';
import { ACE_MATCH_PATTERNS, isAceUrl } from '@/utils/ace-hosts';

describe('ACE hosts', () => {
  it('match patterns cover exactly the ACE hosts over https', () => {
    expect(ACE_MATCH_PATTERNS).toEqual(['https://ace.cbp.gov/*', 'https://ace.cbp.dhs.gov/*']);
  });

  it.each([
    ['https://ace.cbp.gov/s/importer', true],
    ['https://ACE.CBP.GOV/s/', true],
    ['https://ace.cbp.dhs.gov/', true],
    ['http://ace.cbp.gov/s/', false],
    ['https://ace.cbp.gov.evil.test/', false],
    ['https://evil.test/?https://ace.cbp.gov/', false],
    ['not a url', false],
    [undefined, false],
  ])('%s → %s', (url, expected) => {
    expect(isAceUrl(url)).toBe(expected);
  });

  it('accepts extra hosts the user added', () => {
    expect(isAceUrl('https://ace-test.cbp.gov/s/', ['ace-test.cbp.gov'])).toBe(true);
  });
});
