/**
 * "Enrollment status": the link to the status page (status.html) and how many days a verified
 * importer stays verified before the page asks for a new look at CBP's file (settings/set
 * reverifyDays, saved like the auto-lock minutes).
 */
import { useEffect, useState } from 'preact/hooks';
import type { Settings } from '@/utils/messaging/shapes';
import { LiveMessages, type Messages } from './LiveMessages';
import { RowField } from './RowField';
import { parseWholeNumber } from './whole-number';
import { errorMessage, useRequest } from './options-services';

export const REVERIFY_DAYS_LIMITS = { min: 1, max: 3650, unit: 'days', maxInWords: '10 years' } as const;

/** The days typed, or the words saying what is wrong. */
export const parseReverifyDays = (text: string) => parseWholeNumber(text, REVERIFY_DAYS_LIMITS);

interface Props {
  readonly settings: Settings | undefined;
  readonly onSettings: (settings: Settings) => void;
}

export function EnrollmentSection({ settings, onSettings }: Props) {
  const request = useRequest();
  const [days, setDays] = useState('');
  const [problem, setProblem] = useState<string | undefined>();
  const [messages, setMessages] = useState<Messages>({});

  useEffect(() => {
    if (settings) setDays(String(settings.reverifyDays));
  }, [settings?.reverifyDays]);

  async function onSubmit(event: Event) {
    event.preventDefault();
    const parsed = parseReverifyDays(days);
    if (typeof parsed === 'string') {
      setProblem(parsed);
      setMessages({});
      return;
    }
    setProblem(undefined);
    if (parsed === settings?.reverifyDays) return;
    try {
      const saved = await request('settings/set', { reverifyDays: parsed });
      onSettings(saved);
      setMessages({ status: `Saved: an importer verified more than ${saved.reverifyDays} days ago is asked to be verified again.` });
    } catch (error) {
      setMessages({ error: errorMessage(error) });
    }
  }

  return (
    <section aria-labelledby="enrollment-heading">
      <h2 id="enrollment-heading">Enrollment status</h2>
      <p>
        <a href="/status.html" target="_blank" rel="noopener">
          Open the enrollment status page
        </a>
        : every importer with its status on ACE (verified, mismatch, never seen…), to filter, export as CSV or print.
      </p>
      <form class="inline-form" onSubmit={onSubmit} noValidate>
        <RowField
          id="reverify-days"
          label="Ask to re-verify after (days)"
          button={
            // Named apart from the auto-lock's Save (the visible word starts the name).
            <button type="submit" class="secondary" disabled={!settings} aria-label="Save re-verify days">
              Save
            </button>
          }
          hint={
            <p class="muted" id="reverify-days-hint">
              An importer whose bank details on ACE last matched longer ago than this shows as “Re-verify”.
            </p>
          }
          problem={problem ? { id: 'reverify-days-problem', text: problem } : undefined}
        >
          <input
            id="reverify-days"
            type="number"
            inputMode="numeric"
            min={REVERIFY_DAYS_LIMITS.min}
            max={REVERIFY_DAYS_LIMITS.max}
            step={1}
            disabled={!settings}
            value={days}
            aria-invalid={problem !== undefined}
            aria-describedby={['reverify-days-hint', problem && 'reverify-days-problem'].filter(Boolean).join(' ')}
            onInput={(event) => setDays(event.currentTarget.value)}
          />
        </RowField>
      </form>
      <LiveMessages id="enrollment" {...messages} />
    </section>
  );
}
