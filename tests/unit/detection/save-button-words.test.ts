import { describe, expect, it } from 'vitest';
import { isSaveActionLabel, SAVE_ACTION_WORDS } from '@/utils/detection/save-button-words';

describe('isSaveActionLabel', () => {
  it.each([
    'Save',
    'Save Changes',
    'Submit',
    'Update',
    'Update Bank Information',
    'Authorize',
    'Confirm',
    'Save & Close',
    'SAVE',
    'save',
    '  Save\n   Changes  ',
    '\tSubmit\u00a0',
    'Save…',
  ])('%j saves', (label) => {
    expect(isSaveActionLabel(label)).toBe(true);
  });

  it.each([
    'Cancel',
    'Get Info/Refresh',
    'Edit Bank Information',
    'Close',
    'Saved searches',
    'Unsaved',
    'Back',
    '',
    '   ',
    "Don't save",
    'Cancel update',
  ])('%j does not save', (label) => {
    expect(isSaveActionLabel(label)).toBe(false);
  });

  it('keeps its words in one list, in lower case', () => {
    expect(SAVE_ACTION_WORDS).toEqual(expect.arrayContaining(['save', 'submit', 'update', 'authorize', 'confirm']));
    for (const word of SAVE_ACTION_WORDS) expect(word).toBe(word.toLowerCase());
  });
});
