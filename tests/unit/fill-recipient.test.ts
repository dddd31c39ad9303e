/**
 * Which frames may receive profile data (utils/messaging/fill-recipient.ts): the top frame or a
 * subframe whose own origin is an ACE host over https; never a sandboxed frame (origin "null"
 * whatever its address), another site, plain http, or a sender the browser did not describe.
 */
import { describe, expect, it } from 'vitest';
import { FILL_REFUSAL_WORDS, fillRefusal, type FillSenderFacts } from '@/utils/messaging/fill-recipient';

const ACE = 'https://ace.cbp.gov/s/importer/001?tab=ach#refund';
const ACE_DHS = 'https://ace.cbp.dhs.gov/s/importer/001';

function frame(url: string, frameId = 0, origin: string | undefined = new URL(url).origin): FillSenderFacts {
  return { url, frameId, ...(origin === undefined ? {} : { origin }) };
}

describe('fillRefusal', () => {
  it.each([
    ['ace.cbp.gov', ACE],
    ['ace.cbp.dhs.gov', ACE_DHS],
    ['upper-case host', 'https://ACE.CBP.GOV/s/importer'],
  ])('allows the top frame of %s over https', (_name, url) => {
    expect(fillRefusal(frame(url))).toBeUndefined();
  });

  it('allows a subframe whose own origin is an ACE host', () => {
    // The form in an ace.cbp.dhs.gov iframe of an ace.cbp.gov tab: the frame's own facts count.
    expect(fillRefusal(frame(ACE_DHS, 3, 'https://ace.cbp.dhs.gov'))).toBeUndefined();
    expect(fillRefusal(frame('https://ace.cbp.gov/frame/bank', 5, 'https://ace.cbp.gov'))).toBeUndefined();
  });

  it('refuses a sandboxed frame, whatever its address says', () => {
    expect(fillRefusal(frame(ACE, 3, 'null'))).toBe('sandboxed');
    expect(fillRefusal(frame(ACE, 0, 'null'))).toBe('sandboxed');
    expect(fillRefusal(frame(ACE_DHS, 2, 'null'), ['ace.cbp.dhs.gov'])).toBe('sandboxed');
  });

  it('refuses plain http', () => {
    expect(fillRefusal(frame('http://ace.cbp.gov/s/importer'))).toBe('not-https');
    expect(fillRefusal(frame('http://ace.cbp.gov/s/importer', 0, undefined))).toBe('not-https');
    // An https address with an http origin (or the other way round) is not trusted either.
    expect(fillRefusal(frame(ACE, 0, 'http://ace.cbp.gov'))).toBe('not-https');
    expect(fillRefusal(frame('http://ace.cbp.gov/s/', 0, 'https://ace.cbp.gov'))).toBe('not-https');
  });

  it.each([
    ['another site', 'https://other.test/ach'],
    ['a look-alike prefix', 'https://evil-ace.cbp.gov.example.com/s/'],
    ['an ACE name under another domain', 'https://ace.cbp.gov.evil.test/s/'],
    ['a subdomain of ACE not configured', 'https://x.ace.cbp.gov/s/'],
  ])('refuses %s', (_name, url) => {
    expect(fillRefusal(frame(url))).toBe('not-ace-origin');
    expect(fillRefusal(frame(url, 4))).toBe('not-ace-origin');
  });

  it('refuses a frame of another origin whose address names ACE, and the reverse', () => {
    expect(fillRefusal(frame(ACE, 3, 'https://other.test'))).toBe('not-ace-origin');
    expect(fillRefusal(frame('https://other.test/?https://ace.cbp.gov/', 3, 'https://ace.cbp.gov'))).toBe('not-ace-origin');
  });

  it('refuses a sender without a frame id or an address', () => {
    expect(fillRefusal({ url: ACE, origin: 'https://ace.cbp.gov' })).toBe('unknown-frame');
    expect(fillRefusal({ frameId: 0, origin: 'https://ace.cbp.gov' })).toBe('unknown-frame');
    expect(fillRefusal({ url: '', frameId: 0, origin: 'https://ace.cbp.gov' })).toBe('unknown-frame');
    expect(fillRefusal({})).toBe('unknown-frame');
  });

  it('without an origin (Firefox before 126) judges by the address', () => {
    expect(fillRefusal(frame(ACE, 0, undefined))).toBeUndefined();
    expect(fillRefusal(frame(ACE_DHS, 3, undefined))).toBeUndefined();
    expect(fillRefusal(frame('https://other.test/', 0, undefined))).toBe('not-ace-origin');
    expect(fillRefusal(frame('http://ace.cbp.gov/', 0, undefined))).toBe('not-https');
    // An address without an origin of its own is treated as opaque.
    expect(fillRefusal({ url: 'about:blank', frameId: 3 })).toBe('sandboxed');
    expect(fillRefusal({ url: 'not a url', frameId: 3 })).toBe('sandboxed');
  });

  it('allows extra hosts only when they are passed', () => {
    const training = frame('https://ace-test.cbp.gov/s/importer', 0);
    expect(fillRefusal(training)).toBe('not-ace-origin');
    expect(fillRefusal(training, ['ace-test.cbp.gov'])).toBeUndefined();
    expect(fillRefusal(training, ['other.cbp.gov'])).toBe('not-ace-origin');
    expect(fillRefusal(frame('https://ace-test.cbp.gov/s/', 2, 'null'), ['ace-test.cbp.gov'])).toBe('sandboxed');
    expect(fillRefusal(frame('http://ace-test.cbp.gov/s/', 0), ['ace-test.cbp.gov'])).toBe('not-https');
  });

  it('has words for every refusal', () => {
    for (const refusal of ['sandboxed', 'not-ace-origin', 'not-https', 'unknown-frame'] as const) {
      expect(FILL_REFUSAL_WORDS[refusal]).toMatch(/\w/);
    }
    expect(FILL_REFUSAL_WORDS.sandboxed).toContain('sandboxed');
  });
});
