/**
 * The other-importer question in the extension's own window: asked here, not on the ACE page,
 * where the browser cannot tell whether the page shows our question (no visibility tracking:
 * Firefox) and a page could hide it and have the user click "Fill anyway" unseen. This page is
 * not web-accessible, so no page can frame it. Cancel has the focus; closing the window (or not
 * answering) fills nothing.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ResponseOf } from '@/utils/messaging/protocol';
import { RequestError } from '@/utils/messaging/request-error';
import { sendRequest, type Transport } from '@/utils/messaging/send-request';

export interface ConfirmImporterAppProps {
  /** The question's id (the address's fragment). */
  readonly id: string;
  readonly transport: Transport;
  /** Closes this window once answered. */
  readonly close: () => void;
}

const messageOf = (error: unknown) => (error instanceof RequestError ? error.message : 'Something went wrong in the extension: nothing was filled.');

export function ConfirmImporterApp({ id, transport, close }: ConfirmImporterAppProps) {
  const [question, setQuestion] = useState<ResponseOf<'confirm/question'> | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [answering, setAnswering] = useState(false);
  const cancel = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    sendRequest(transport, 'confirm/question', { id }).then(setQuestion, (caught: unknown) => setError(messageOf(caught)));
  }, [id, transport]);

  useEffect(() => cancel.current?.focus(), [question]);

  async function answer(fill: boolean) {
    setAnswering(true);
    try {
      await sendRequest(transport, 'confirm/answer', { id, fill });
      close();
    } catch (caught) {
      setError(messageOf(caught));
    }
  }

  return (
    <main class="popup confirm" aria-labelledby="confirm-title">
      <h1 id="confirm-title">{question?.title ?? 'ACE ACH Assist'}</h1>
      {question?.lines.map((line) => <p key={line}>{line}</p>)}
      {!question && !error && <p class="muted" role="status">Loading…</p>}
      {error && (
        <p class="notice notice-error" role="alert">
          {error}
        </p>
      )}
      {question && !error && (
        <div class="actions">
          <button type="button" ref={cancel} class="primary" disabled={answering} onClick={() => void answer(false)}>
            Cancel
          </button>
          <button type="button" disabled={answering} onClick={() => void answer(true)}>
            Fill anyway
          </button>
        </div>
      )}
    </main>
  );
}
