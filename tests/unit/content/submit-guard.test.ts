// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startSubmitGuard } from '@/utils/content/assistant/submit-guard';
import { FIELD_ATTRIBUTE } from '@/utils/content/field-marks';

const PROBLEMS = ['Bank Routing Number: check digit fails'];

let controller = new AbortController();

afterEach(() => {
  controller.abort();
  document.body.replaceChildren();
});

/** Starts a guard whose confirm() waits for the test to answer. */
function guard({ enabled = true, problems = PROBLEMS } = {}) {
  controller = new AbortController();
  const answers: Array<(saveAnyway: boolean) => void> = [];
  const confirm = vi.fn(
    (_problems: string[]) => new Promise<boolean>((resolve) => answers.push(resolve)),
  );
  const state = { enabled, problems };
  const onSaved = vi.fn();
  startSubmitGuard({
    doc: document,
    signal: controller.signal,
    isEnabled: () => state.enabled,
    problems: () => state.problems,
    confirm,
    onSaved,
  });
  /** Answers the oldest open question and lets the replay run. */
  const answer = async (saveAnyway: boolean) => {
    answers.shift()!(saveAnyway);
    await new Promise((resolve) => setTimeout(resolve, 0));
  };
  return { confirm, answer, state, onSaved };
}

/** A <button> with the page's own click listener on it; returns it and the listener's calls. */
function pageButton(label: string) {
  document.body.innerHTML = `<div class="ach-footer"><button type="button">${label}</button></div>`;
  const button = document.querySelector('button')!;
  const pageClick = vi.fn((event: Event) => event.currentTarget);
  button.addEventListener('click', pageClick);
  return { button, pageClick };
}

describe('a Save button while the form has problems', () => {
  it('holds the click, asks with the problems, and lets it through once on "save anyway"', async () => {
    const { confirm, answer } = guard();
    const { button, pageClick } = pageButton('Save');
    const click = new MouseEvent('click', { bubbles: true, cancelable: true, composed: true });
    button.dispatchEvent(click);
    expect(pageClick).not.toHaveBeenCalled();
    expect(click.defaultPrevented).toBe(true);
    expect(confirm).toHaveBeenCalledExactlyOnceWith(PROBLEMS);

    await answer(true);
    expect(pageClick).toHaveBeenCalledTimes(1);
    expect(pageClick.mock.results[0]!.value).toBe(button);

    // The replay was a one-off: the next save asks again.
    button.click();
    expect(confirm).toHaveBeenCalledTimes(2);
    expect(pageClick).toHaveBeenCalledTimes(1);
  });

  it('never lets it through on "no"', async () => {
    const { confirm, answer } = guard();
    const { button, pageClick } = pageButton('Save');
    button.click();
    await answer(false);
    expect(confirm).toHaveBeenCalledTimes(1);
    expect(pageClick).not.toHaveBeenCalled();
  });

  it('treats a failed question as "no"', async () => {
    controller = new AbortController();
    const { button, pageClick } = pageButton('Save');
    startSubmitGuard({
      doc: document,
      signal: controller.signal,
      isEnabled: () => true,
      problems: () => PROBLEMS,
      confirm: () => Promise.reject(new Error('ui gone')),
    });
    button.click();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(pageClick).not.toHaveBeenCalled();
    button.click(); // not stuck waiting for the failed question
    expect(pageClick).not.toHaveBeenCalled();
  });

  it('blocks further clicks while the question is open, without asking again', async () => {
    const { confirm, answer } = guard();
    const { button, pageClick } = pageButton('Save');
    button.click();
    button.click();
    button.click();
    expect(confirm).toHaveBeenCalledTimes(1);
    expect(pageClick).not.toHaveBeenCalled();
    await answer(true);
    expect(pageClick).toHaveBeenCalledTimes(1);
  });

  it('holds a click on the text inside the button too', async () => {
    const { confirm, answer } = guard();
    const { button, pageClick } = pageButton('<span class="label">Update Bank Information</span>');
    button.querySelector('span')!.click();
    expect(confirm).toHaveBeenCalledTimes(1);
    expect(pageClick).not.toHaveBeenCalled();
    await answer(true);
    expect(pageClick).toHaveBeenCalledTimes(1);
  });
});

describe('when the guard has nothing to do', () => {
  it('lets the click through at once when the setting is off', () => {
    const { confirm } = guard({ enabled: false });
    const { button, pageClick } = pageButton('Save');
    button.click();
    expect(pageClick).toHaveBeenCalledTimes(1);
    expect(confirm).not.toHaveBeenCalled();
  });

  it('reads the setting at click time', () => {
    const { confirm, state } = guard({ enabled: false });
    const { button, pageClick } = pageButton('Save');
    state.enabled = true;
    button.click();
    expect(pageClick).not.toHaveBeenCalled();
    expect(confirm).toHaveBeenCalledTimes(1);
  });

  it('lets the click through when the form has no problems', () => {
    const { confirm } = guard({ problems: [] });
    const { button, pageClick } = pageButton('Save');
    const click = new MouseEvent('click', { bubbles: true, cancelable: true });
    button.dispatchEvent(click);
    expect(pageClick).toHaveBeenCalledTimes(1);
    expect(click.defaultPrevented).toBe(false);
    expect(confirm).not.toHaveBeenCalled();
  });

  it.each(['Cancel', 'Get Info/Refresh', 'Edit Bank Information'])('never blocks %j', (label) => {
    const { confirm } = guard();
    const { button, pageClick } = pageButton(label);
    button.click();
    expect(pageClick).toHaveBeenCalledTimes(1);
    expect(confirm).not.toHaveBeenCalled();
  });

  it('does nothing after abort', async () => {
    const { confirm } = guard();
    const { button, pageClick } = pageButton('Save');
    controller.abort();
    button.click();
    expect(pageClick).toHaveBeenCalledTimes(1);
    expect(confirm).not.toHaveBeenCalled();
  });

  it('does not replay a save confirmed after abort', async () => {
    const { answer } = guard();
    const { button, pageClick } = pageButton('Save');
    button.click();
    controller.abort();
    await answer(true);
    expect(pageClick).not.toHaveBeenCalled();
  });
});

describe('buttons in shadow roots', () => {
  it('holds and releases a Save <button> inside an open shadow root', async () => {
    const { confirm, answer } = guard();
    const host = document.createElement('c-ach-footer');
    document.body.append(host);
    const root = host.attachShadow({ mode: 'open' });
    root.innerHTML = '<button type="button" class="slds-button">Save</button>';
    const inner = root.querySelector('button')!;
    const pageClick = vi.fn();
    inner.addEventListener('click', pageClick);
    inner.click();
    expect(pageClick).not.toHaveBeenCalled();
    expect(confirm).toHaveBeenCalledTimes(1);
    await answer(true);
    expect(pageClick).toHaveBeenCalledTimes(1);
  });

  it("counts the label attribute of a <lightning-button> host", async () => {
    const { confirm, answer } = guard();
    const host = document.createElement('lightning-button');
    host.setAttribute('label', 'Save');
    document.body.append(host);
    // An icon button: no text of its own.
    host.attachShadow({ mode: 'open' }).innerHTML = '<button type="button"><svg></svg></button>';
    const inner = host.shadowRoot!.querySelector('button')!;
    const pageClick = vi.fn();
    host.addEventListener('click', pageClick);
    inner.click();
    expect(confirm).toHaveBeenCalledTimes(1);
    expect(pageClick).not.toHaveBeenCalled();
    await answer(true);
    expect(pageClick).toHaveBeenCalledTimes(1);
  });
});

describe('form submission', () => {
  function pageForm(inner: string) {
    document.body.innerHTML = `<form><input name="routing">${inner}</form>`;
    const form = document.querySelector('form')!;
    const pageSubmit = vi.fn((event: Event) => event.preventDefault());
    form.addEventListener('submit', pageSubmit);
    return { form, pageSubmit };
  }

  it('holds the submit of a Save submit button until confirmed', async () => {
    const { confirm, answer } = guard();
    const { form, pageSubmit } = pageForm('<button type="submit">Save</button>');
    form.querySelector('button')!.click();
    expect(pageSubmit).not.toHaveBeenCalled();
    expect(confirm).toHaveBeenCalledTimes(1);
    await answer(true);
    expect(pageSubmit).toHaveBeenCalledTimes(1);
    expect((pageSubmit.mock.calls[0]![0] as SubmitEvent).submitter).toBe(form.querySelector('button'));
  });

  it('holds a submit event with a Save submitter (no click) and replays it with that submitter', async () => {
    const { confirm, answer } = guard();
    const { form, pageSubmit } = pageForm('<input type="submit" value="Submit">');
    const submitter = form.querySelector<HTMLInputElement>('[type=submit]')!;
    form.requestSubmit(submitter);
    expect(pageSubmit).not.toHaveBeenCalled();
    expect(confirm).toHaveBeenCalledTimes(1);
    await answer(true);
    expect(pageSubmit).toHaveBeenCalledTimes(1);
    expect((pageSubmit.mock.calls[0]![0] as SubmitEvent).submitter).toBe(submitter);
  });

  it('never sends it on "no"', async () => {
    const { answer } = guard();
    const { form, pageSubmit } = pageForm('<button type="submit">Save</button>');
    form.querySelector('button')!.click();
    await answer(false);
    expect(pageSubmit).not.toHaveBeenCalled();
  });

  it('lets a submit with another submitter through', () => {
    const { confirm } = guard();
    const { form, pageSubmit } = pageForm('<button type="submit">Search</button>');
    form.querySelector('button')!.click();
    expect(pageSubmit).toHaveBeenCalledTimes(1);
    expect(confirm).not.toHaveBeenCalled();
  });

  it('without a submitter, holds only the form that holds a recognised bank field', async () => {
    const { confirm, answer } = guard();
    const { form, pageSubmit } = pageForm('');
    form.requestSubmit();
    expect(pageSubmit).toHaveBeenCalledTimes(1);
    expect(confirm).not.toHaveBeenCalled();

    form.querySelector('input')!.setAttribute(FIELD_ATTRIBUTE, 'routing');
    form.requestSubmit();
    expect(pageSubmit).toHaveBeenCalledTimes(1);
    expect(confirm).toHaveBeenCalledTimes(1);
    await answer(true);
    expect(pageSubmit).toHaveBeenCalledTimes(2);
  });
});

/**
 * happy-dom knows no isTrusted (every event reads undefined, as a page script's would): an event
 * of the user's own is made here by giving it the property, which browsers set for real input.
 */
function trusted<E extends Event>(event: E): E {
  Object.defineProperty(event, 'isTrusted', { value: true });
  return event;
}

const trustedClick = () => trusted(new MouseEvent('click', { bubbles: true, cancelable: true, composed: true }));

describe("the user's save, reported for the status page", () => {
  it('reports a trusted click that passes, with the guard on or off', () => {
    const { onSaved, state } = guard({ problems: [] });
    const { button, pageClick } = pageButton('Save');
    button.dispatchEvent(trustedClick());
    expect(pageClick).toHaveBeenCalledTimes(1);
    expect(onSaved).toHaveBeenCalledTimes(1);
    state.enabled = false;
    state.problems = PROBLEMS;
    button.dispatchEvent(trustedClick());
    expect(onSaved).toHaveBeenCalledTimes(2);
  });

  it("never reports a page script's click, with the guard on or off", () => {
    const { onSaved, state } = guard({ problems: [] });
    const { button, pageClick } = pageButton('Save');
    button.click();
    button.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true }));
    state.enabled = false;
    button.click();
    expect(pageClick).toHaveBeenCalledTimes(3);
    expect(onSaved).not.toHaveBeenCalled();
  });

  it('never reports a click that is not a save, or a save held and answered "no"', async () => {
    const { onSaved, answer } = guard();
    pageButton('Get Info/Refresh').button.dispatchEvent(trustedClick());
    const { button, pageClick } = pageButton('Save');
    button.dispatchEvent(trustedClick());
    await answer(false);
    expect(pageClick).not.toHaveBeenCalled();
    expect(onSaved).not.toHaveBeenCalled();
  });

  it('reports "save anyway" once, after the replay reached the page', async () => {
    const { onSaved, answer } = guard();
    const { button, pageClick } = pageButton('Save');
    const order: string[] = [];
    pageClick.mockImplementation((event) => {
      order.push('page');
      return event.currentTarget;
    });
    onSaved.mockImplementation(() => void order.push('saved'));
    // Even when a page script's click opened the question: the user answered it.
    button.click();
    expect(onSaved).not.toHaveBeenCalled();
    await answer(true);
    expect(order).toEqual(['page', 'saved']);
  });

  it('reports "save anyway" of a held form submission once, its replayed submit not again', async () => {
    const { onSaved, answer } = guard();
    document.body.innerHTML = '<form><input name="routing"><button type="submit">Save</button></form>';
    const form = document.querySelector('form')!;
    const pageSubmit = vi.fn((event: Event) => event.preventDefault());
    form.addEventListener('submit', pageSubmit);
    form.querySelector('button')!.dispatchEvent(trustedClick());
    expect(onSaved).not.toHaveBeenCalled();
    await answer(true);
    expect(pageSubmit).toHaveBeenCalledTimes(1);
    expect(onSaved).toHaveBeenCalledTimes(1);
  });

  it('reports a trusted click on a Save submit button once, though the submit it fires follows', () => {
    const { onSaved } = guard({ problems: [] });
    document.body.innerHTML = '<form><input name="routing"><button type="submit">Save</button></form>';
    const form = document.querySelector('form')!;
    const pageSubmit = vi.fn((event: Event) => event.preventDefault());
    form.addEventListener('submit', pageSubmit);
    // Browsers fire that submit as trusted too; happy-dom does not, so it is marked here first.
    window.addEventListener('submit', (event) => void trusted(event), { capture: true, signal: controller.signal });
    const button = form.querySelector('button')!;
    button.dispatchEvent(trustedClick());
    expect(pageSubmit).toHaveBeenCalledTimes(1);
    expect(onSaved).toHaveBeenCalledTimes(1);
    // The next click is the next save.
    button.dispatchEvent(trustedClick());
    expect(pageSubmit).toHaveBeenCalledTimes(2);
    expect(onSaved).toHaveBeenCalledTimes(2);
  });

  it('reports a trusted submit of the bank form that passes, not an untrusted one', () => {
    const { onSaved } = guard({ problems: [] });
    document.body.innerHTML = `<form><input name="routing" ${FIELD_ATTRIBUTE}="routing"></form>`;
    const form = document.querySelector('form')!;
    form.addEventListener('submit', (event) => event.preventDefault());
    form.requestSubmit();
    expect(onSaved).not.toHaveBeenCalled();
    form.dispatchEvent(trusted(new Event('submit', { bubbles: true, cancelable: true })));
    expect(onSaved).toHaveBeenCalledTimes(1);
  });
});
