/**
 * The commands the background sends a page assistant, and the picker page's one message to it:
 * exactly these shapes are accepted, anything else is ignored.
 */
import { describe, expect, it } from 'vitest';
import { readAssistantCommand } from '@/utils/messaging/assistant-commands';
import { PICKER_CLOSE_MESSAGE, isPickerCloseMessage, pickerPath } from '@/utils/messaging/picker-messages';

const TOKEN = '0123456789abcdef0123456789abcdef';

describe('readAssistantCommand', () => {
  it('accepts open-picker, keeping nothing else of the message', () => {
    expect(readAssistantCommand({ type: 'ace-ach/open-picker' })).toEqual({ type: 'ace-ach/open-picker' });
    expect(readAssistantCommand({ type: 'ace-ach/open-picker', token: TOKEN, profile: { accountNumber: '1' } })).toEqual({
      type: 'ace-ach/open-picker',
    });
  });

  it('accepts fill-ready with its token, keeping nothing else', () => {
    expect(readAssistantCommand({ type: 'ace-ach/fill-ready', token: TOKEN })).toEqual({ type: 'ace-ach/fill-ready', token: TOKEN });
    expect(readAssistantCommand({ type: 'ace-ach/fill-ready', token: TOKEN, values: { routing: '021000021' } })).toEqual({
      type: 'ace-ach/fill-ready',
      token: TOKEN,
    });
  });

  it('takes a token of up to 64 characters and refuses a longer one', () => {
    const longest = 'a'.repeat(64);
    expect(readAssistantCommand({ type: 'ace-ach/fill-ready', token: longest })).toEqual({ type: 'ace-ach/fill-ready', token: longest });
    expect(readAssistantCommand({ type: 'ace-ach/fill-ready', token: 'a'.repeat(65) })).toBeUndefined();
    expect(readAssistantCommand({ type: 'ace-ach/fill-ready', token: 'a'.repeat(10_000) })).toBeUndefined();
  });

  it('refuses fill-ready without a string token', () => {
    expect(readAssistantCommand({ type: 'ace-ach/fill-ready' })).toBeUndefined();
    expect(readAssistantCommand({ type: 'ace-ach/fill-ready', token: 123 })).toBeUndefined();
    expect(readAssistantCommand({ type: 'ace-ach/fill-ready', token: null })).toBeUndefined();
    expect(readAssistantCommand({ type: 'ace-ach/fill-ready', token: [TOKEN] })).toBeUndefined();
    expect(readAssistantCommand({ type: 'ace-ach/fill-ready', token: { toString: () => TOKEN } })).toBeUndefined();
  });

  it('refuses other commands and near misses', () => {
    for (const type of ['ace-ach/fill', 'ace-ach/open', 'open-picker', 'ACE-ACH/OPEN-PICKER', ' ace-ach/open-picker', 'ace-ach/fill-ready ', 'page/fill', '']) {
      expect(readAssistantCommand({ type, token: TOKEN }), type).toBeUndefined();
    }
  });

  it('refuses anything that is not a command object', () => {
    for (const message of [undefined, null, 0, 1, true, 'ace-ach/open-picker', ['ace-ach/open-picker'], {}, { type: null }, { type: {} }]) {
      expect(readAssistantCommand(message), JSON.stringify(message)).toBeUndefined();
    }
  });
});

describe('isPickerCloseMessage', () => {
  it('recognises the close message and a copy of it (postMessage clones)', () => {
    expect(isPickerCloseMessage(PICKER_CLOSE_MESSAGE)).toBe(true);
    expect(isPickerCloseMessage(structuredClone(PICKER_CLOSE_MESSAGE))).toBe(true);
    expect(isPickerCloseMessage({ source: 'ace-ach-assist-picker', type: 'close' })).toBe(true);
  });

  it('carries no data', () => {
    expect(Object.keys(PICKER_CLOSE_MESSAGE).sort()).toEqual(['source', 'type']);
  });

  it('refuses other messages', () => {
    for (const data of [
      undefined,
      null,
      'close',
      42,
      ['ace-ach-assist-picker', 'close'],
      {},
      { type: 'close' },
      { source: 'ace-ach-assist-picker' },
      { source: 'ace-ach-assist-picker', type: 'open' },
      { source: 'other-extension', type: 'close' },
      { source: 'ace-ach-assist-picker', type: 'Close' },
    ]) {
      expect(isPickerCloseMessage(data), JSON.stringify(data)).toBe(false);
    }
  });
});

describe('pickerPath', () => {
  it('puts the token in the fragment of picker.html', () => {
    expect(pickerPath(TOKEN)).toBe(`/picker.html#${TOKEN}`);
    expect(new URL(pickerPath(TOKEN), 'chrome-extension://abc').hash.slice(1)).toBe(TOKEN);
    expect(new URL(pickerPath(TOKEN), 'chrome-extension://abc').pathname).toBe('/picker.html');
  });
});
