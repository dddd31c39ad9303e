// @vitest-environment happy-dom
/**
 * The page assistant's comparison as the status page needs it: the values on file are asked to
 * be recorded once per look; the user's Save goes out as page/saved with the form's values (never
 * CBP's); and after a Save the refresh that draws the values on file anew is recorded even when
 * they read as before, once.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createProfileComparison, type ProfileComparison } from '@/utils/content/assistant/profile-comparison';
import type { DetectedField, DetectedForm, OnFileValue } from '@/utils/content/detected-form';
import type { FieldKind } from '@/utils/detection/field-kinds';

interface Sent {
  type: string;
  payload: Record<string, unknown>;
}

const ON_FILE = { routing: '021000021', account: '*****1111', 'account-type': '01 - Checking' } as const;

let controller: AbortController;
let sent: Sent[];
let timers: Array<() => void>;
/** What page/compare answers: 'match'/'mismatch' records, undefined does not (a locked vault). */
let verification: 'match' | 'mismatch' | undefined;

async function transport(message: unknown) {
  const { type, payload } = message as Sent;
  sent.push({ type, payload });
  if (type === 'page/compare') {
    const answer = { vault: 'unlocked', importerNumbers: ['12-345678900'], match: 'one', choices: [], verdicts: [] };
    return { ok: true, data: verification ? { ...answer, verification } : answer };
  }
  return { ok: true, data: { done: true } };
}

function input(kind: FieldKind, value: string): DetectedField {
  const element = document.createElement('input');
  element.value = value;
  document.body.append(element);
  return { kind, control: 'input', element, classification: { kind, confidence: 1, evidence: [], notes: [] } };
}

/** The on-file section as the page draws it: new elements each time, the same words. */
function drawOnFile(): OnFileValue[] {
  document.querySelector('section')?.remove();
  const section = document.createElement('section');
  document.body.append(section);
  return (Object.keys(ON_FILE) as Array<keyof typeof ON_FILE>).map((kind) => {
    const element = document.createElement('span');
    element.textContent = ON_FILE[kind];
    section.append(element);
    return { kind, element, text: ON_FILE[kind] };
  });
}

let form: DetectedForm;
let comparison: ProfileComparison;

beforeEach(() => {
  controller = new AbortController();
  sent = [];
  timers = [];
  verification = 'mismatch';
  form = {
    fields: [input('routing', '021000021'), input('account', '000246813579'), input('account-type', 'Checking')],
    onFile: drawOnFile(),
  };
  comparison = createProfileComparison({
    doc: document,
    signal: controller.signal,
    transport,
    setTimeout: (run) => timers.push(run),
    isTopFrame: true,
    form: () => form,
    chosen: () => ({ profileId: 'profile-1', importer: '12-345678900' }),
    readImporterAgain: () => {},
    onChange: () => {},
  });
});

afterEach(() => {
  controller.abort();
  document.body.replaceChildren();
});

/** Compares now (the pause after the changes elapsed) and answers whether it asked to record. */
async function compare(): Promise<boolean> {
  const before = sent.length;
  comparison.soon();
  for (const run of timers.splice(0)) run();
  await expect.poll(() => sent.length).toBe(before + 1);
  // Let the answer be taken in before the next question.
  await new Promise((resolve) => setTimeout(resolve, 0));
  const request = sent.at(-1)!;
  expect(request.type).toBe('page/compare');
  return request.payload.recordVerification as boolean;
}

describe('saved(): the user saved the bank form', () => {
  it("sends page/saved with the form's values, the chosen profile and importer, none of CBP's", async () => {
    comparison.saved();
    await expect.poll(() => sent.length).toBe(1);
    expect(sent[0]).toEqual({
      type: 'page/saved',
      payload: {
        profileId: 'profile-1',
        importerNumber: '12-345678900',
        form: { routing: '021000021', account: '000246813579', accountType: 'Checking' },
        page: document.location.href,
      },
    });
    expect(JSON.stringify(sent[0])).not.toContain(ON_FILE.account);
  });

  it('sends nothing while the user has not chosen among several forms, or after the end', async () => {
    form = { fields: [], onFile: [], candidates: [{ title: 'Form 1', fields: form.fields }] };
    comparison.saved();
    controller.abort();
    comparison.saved();
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(sent).toEqual([]);
  });
});

describe('recording the values on file around a Save', () => {
  it('records a look once, and the refresh after a Save once although it reads the same', async () => {
    expect(await compare()).toBe(true);
    // Typing, re-renders of the same section: not a new look.
    expect(await compare()).toBe(false);
    form.onFile = drawOnFile();
    expect(await compare()).toBe(false);

    comparison.saved();
    // Before the page refreshed, the section it showed at the Save is not a confirmation.
    expect(await compare()).toBe(false);
    form.onFile = drawOnFile();
    expect(await compare()).toBe(true);
    expect(await compare()).toBe(false);
    expect(sent.filter((message) => message.type === 'page/saved')).toHaveLength(1);
  });

  it('asks again after a Save until a refresh is recorded (the vault was locked at first)', async () => {
    expect(await compare()).toBe(true);
    comparison.saved();
    form.onFile = drawOnFile();
    verification = undefined;
    expect(await compare()).toBe(true);
    verification = 'match';
    expect(await compare()).toBe(true);
    expect(await compare()).toBe(false);
  });

  it('without a Save, a section drawn anew with the same words is not recorded again', async () => {
    expect(await compare()).toBe(true);
    for (let i = 0; i < 3; i++) {
      form.onFile = drawOnFile();
      expect(await compare()).toBe(false);
    }
  });
});
