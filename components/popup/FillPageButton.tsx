/**
 * The popup's "Fill this page": asks the background to open the profile picker on the ACE page
 * of the active tab, then gets out of the way (the picker is on the page, beside the form).
 * When there is no bank form there, says so and stays open.
 */
import { useState } from 'preact/hooks';
import { errorMessage, useRequest, useServices } from './popup-services';

export function FillPageButton() {
  const request = useRequest();
  const { closePopup } = useServices();
  const [message, setMessage] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

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
      <button type="button" class="fill-page" aria-busy={busy} aria-describedby={message ? 'fill-page-message' : undefined} onClick={fillPage}>
        Fill this page
      </button>
      {message && (
        <p id="fill-page-message" class="notice notice-warning" role="alert">
          {message}
        </p>
      )}
    </>
  );
}
