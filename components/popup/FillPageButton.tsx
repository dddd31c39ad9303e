/**
 * The popup's "Fill this page": asks the background to open the profile picker on the ACE page
 * of the active tab, then gets out of the way (the picker is on the page, beside the form).
 * When there is no bank form there, says so and stays open. Shows the fill shortcut as the user
 * has set it.
 */
import { useEffect, useState } from 'preact/hooks';
import { errorMessage, useRequest, useServices } from './popup-services';

export function FillPageButton() {
  const request = useRequest();
  const { closePopup, fillShortcut } = useServices();
  const [message, setMessage] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const [shortcut, setShortcut] = useState<string | undefined>();

  useEffect(() => {
    void fillShortcut?.().then(setShortcut, () => {});
  }, []);

  async function fillPage() {
    setBusy(true);
    setMessage(undefined);
    try {
      const answer = await request('fill/open-picker', {});
      if (answer.opened) closePopup?.();
      else setMessage(answer.message);
    } catch (error) {
      setMessage(errorMessage(error));
    }
    setBusy(false);
  }

  return (
    <>
      <button
        type="button"
        class="fill-page"
        aria-busy={busy}
        aria-keyshortcuts={shortcut}
        aria-describedby={message ? 'fill-page-message' : undefined}
        onClick={fillPage}
      >
        Fill this page
      </button>
      {shortcut && (
        <p class="muted fill-page-shortcut">
          On the page: <kbd>{shortcut}</kbd>
        </p>
      )}
      {message && (
        <p id="fill-page-message" class="notice notice-warning" role="alert">
          {message}
        </p>
      )}
    </>
  );
}
