/**
 * The assistant's corner card (importer, profile, vault): drawn again only when what it says
 * changed, so a render per keystroke leaves it, and a select the user has open, alone. Where the
 * form leaves no corner free, the card folds into its tab, a disclosure button that opens it.
 */
import type { AssistantUiHandlers, CardView } from './assistant-view';

export interface AssistantCard {
  readonly element: HTMLElement;
  /** Shown only while the card is folded: opens and closes it (aria-expanded). */
  readonly tab: HTMLButtonElement;
  /** Whether the user opened the folded card. */
  readonly opened: boolean;
  /** Folds the card into its tab (or unfolds it); the user's choice to open it is kept. */
  fold(folded: boolean): void;
  /** Draws `view` unless it says what the card already says; true when it drew. */
  show(view: CardView | null): boolean;
}

export function createAssistantCard(
  doc: Document,
  signal: AbortSignal,
  handlers: AssistantUiHandlers,
  onToggle: () => void,
): AssistantCard {
  const card = doc.createElement('section');
  card.className = 'card';
  card.id = 'ace-ach-card';
  card.hidden = true;
  card.setAttribute('aria-label', 'ACE ACH Assist');
  let shown = 'null';
  let opened = false;
  const tab = doc.createElement('button');
  tab.type = 'button';
  tab.className = 'card-tab';
  tab.hidden = true;
  tab.textContent = 'ACE ACH Assist';
  tab.setAttribute('aria-controls', card.id);
  tab.setAttribute('aria-expanded', 'false');
  tab.addEventListener('click', () => {
    opened = !opened;
    tab.setAttribute('aria-expanded', String(opened));
    onToggle();
  }, { signal });

  function choiceSelect(
    name: string,
    prompt: string,
    choices: readonly { id: string; label: string }[],
    chosenId: string | undefined,
    onChoose: (id: string) => void,
  ): HTMLElement {
    const label = doc.createElement('label');
    label.textContent = name;
    const select = doc.createElement('select');
    const none = doc.createElement('option');
    none.value = '';
    none.textContent = prompt;
    select.append(none);
    for (const choice of choices) {
      const option = doc.createElement('option');
      option.value = choice.id;
      option.textContent = choice.label;
      option.selected = choice.id === chosenId;
      select.append(option);
    }
    select.addEventListener('change', () => select.value && onChoose(select.value), { signal });
    label.append(select);
    return label;
  }

  function button(text: string, onClick: () => void): HTMLElement {
    const element = doc.createElement('button');
    element.type = 'button';
    element.textContent = text;
    element.addEventListener('click', onClick, { signal });
    return element;
  }

  return {
    element: card,
    tab,
    get opened() {
      return opened;
    },
    fold(folded) {
      // Written only when it changes: a render that changes nothing writes nothing.
      if (tab.hidden === folded) tab.hidden = !folded;
      // Hidden, not removed: folded, the card keeps its size (the ResizeObserver still measures it).
      const hide = folded && !opened;
      if (card.classList.contains('folded') !== hide) card.classList.toggle('folded', hide);
    },
    show(view) {
      const key = JSON.stringify(view);
      if (key === shown) return false;
      shown = key;
      card.replaceChildren();
      card.hidden = view === null;
      if (!view) return true;
      const title = doc.createElement('h2');
      title.textContent = view.title;
      card.append(title);
      for (const line of view.lines) {
        const p = doc.createElement('p');
        p.textContent = line;
        card.append(p);
      }
      if (view.importerChoices && view.importerChoices.length > 0) {
        const choices = view.importerChoices.map((number) => ({ id: number, label: number }));
        card.append(choiceSelect('Importer of this page', 'Choose the importer number…', choices, view.chosenImporter, handlers.onChooseImporter));
      }
      if (view.choices && view.choices.length > 0) {
        card.append(choiceSelect('Compare with profile', 'Choose a profile…', view.choices, view.chosenId, handlers.onChoose));
      }
      view.formChoices?.forEach((label, index) => card.append(button(label, () => handlers.onChooseForm?.(index))));
      if (view.unlock) card.append(button('Unlock to compare with your profile', () => handlers.onUnlock()));
      return true;
    },
  };
}
