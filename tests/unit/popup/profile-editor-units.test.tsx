// @vitest-environment happy-dom
/**
 * The profile editor's parts on their own: the note beside Save, the background's problems by
 * field, when a field's problems show, and the question before leaving with unsaved changes.
 */
import { act, cleanup, renderHook } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { editorFieldName, saveNote } from '@/components/popup/editor/save-note';
import { useDiscardQuestion } from '@/components/popup/editor/use-discard-question';
import { useFieldVisits } from '@/components/popup/editor/use-field-visits';
import { groupByPath } from '@/components/popup/editor/use-profile-saving';

afterEach(cleanup);

describe('saveNote', () => {
  it('says nothing while nothing blocks Save', () => {
    expect(saveNote([])).toBe('');
  });

  it('names up to four fields as the form labels them, more by count', () => {
    expect(saveNote(['routingNumber', 'importerNumbers.0', 'importerNumbers.1', 'designatedAgent.name'])).toBe(
      'To save, complete or fix: Bank routing number, Importer number, Importer number 2, Designated agent name.',
    );
    expect(saveNote(['label', 'importerName', 'routingNumber', 'bankName', 'accountNumber'])).toBe('To save, complete or fix 5 fields.');
  });

  it('leaves a path that names no field as it is', () => {
    expect(editorFieldName('accountConfirmation')).toBe('Confirm account number');
    expect(editorFieldName('somethingElse')).toBe('somethingElse');
  });
});

describe('groupByPath', () => {
  it("puts each of the background's problems under its field, and those without a path under the form", () => {
    const problem = (path: string | undefined, code: string) => ({ path, code, severity: 'error' as const, message: code });
    expect(groupByPath([problem('routingNumber', 'a'), problem(undefined, 'b'), problem('', 'c'), problem('routingNumber', 'd')])).toEqual({
      routingNumber: [
        { code: 'a', severity: 'error', message: 'a' },
        { code: 'd', severity: 'error', message: 'd' },
      ],
      form: [
        { code: 'b', severity: 'error', message: 'b' },
        { code: 'c', severity: 'error', message: 'c' },
      ],
    });
  });
});

describe('useFieldVisits', () => {
  it("shows a new form's field once it was left, and every field once Save was pressed", () => {
    const { result } = renderHook(() => useFieldVisits(false));
    expect(result.current.visited('label')).toBe(false);
    act(() => result.current.leave('label'));
    expect(result.current.visited('label')).toBe(true);
    expect(result.current.visited('notes')).toBe(false);
    act(() => result.current.visitAll());
    expect(result.current.visited('notes')).toBe(true);
  });

  it("shows a saved profile's fields from the start", () => {
    const { result } = renderHook(() => useFieldVisits(true));
    expect(result.current.visited('routingNumber')).toBe(true);
  });
});

describe('useDiscardQuestion', () => {
  function setup(dirty: boolean) {
    const heading = document.createElement('h1');
    heading.tabIndex = -1;
    const input = document.createElement('input');
    document.body.append(heading, input);
    const onClose = vi.fn();
    const hook = renderHook(() => useDiscardQuestion(dirty, onClose, { current: heading }));
    return { hook, onClose, heading, input };
  }

  afterEach(() => document.body.replaceChildren());

  it('closes at once when nothing changed', () => {
    const { hook, onClose } = setup(false);
    act(() => hook.result.current.requestClose());
    expect(onClose).toHaveBeenCalledOnce();
    expect(hook.result.current.asking).toBe(false);
  });

  it('asks first when something changed, and gives the focus back when the user keeps editing', () => {
    const { hook, onClose, input } = setup(true);
    input.focus();
    act(() => hook.result.current.requestClose());
    expect(onClose).not.toHaveBeenCalled();
    expect(hook.result.current.asking).toBe(true);
    document.body.focus();
    act(() => hook.result.current.keepEditing());
    expect(hook.result.current.asking).toBe(false);
    expect(document.activeElement).toBe(input);
  });

  it('gives the focus to the heading when the element that had it is gone', () => {
    const { hook, input, heading } = setup(true);
    input.focus();
    act(() => hook.result.current.requestClose());
    input.remove();
    act(() => hook.result.current.keepEditing());
    expect(document.activeElement).toBe(heading);
  });
});
