/**
 * "Activity log": what the extension did and when, newest first (never an account number), and
 * a CSV download of it.
 */
import { useCallback, useEffect, useState } from 'preact/hooks';
import { activityLogCsv } from '@/components/options/activity-csv';
import { ACTIVITY_ACTION_LABELS } from '@/utils/background/activity-actions';
import type { ActivityEntry } from '@/utils/messaging/shapes';
import { fileDate } from '../shared/download-file';
import { formatDateTime } from './format-time';
import { LiveMessages, type Messages } from './LiveMessages';
import { errorMessage, useRequest, useServices } from './options-services';

function actionWords(action: string): string {
  return Object.hasOwn(ACTIVITY_ACTION_LABELS, action) ? ACTIVITY_ACTION_LABELS[action as keyof typeof ACTIVITY_ACTION_LABELS] : action;
}

export function newestFirst(entries: readonly ActivityEntry[]): ActivityEntry[] {
  // ISO times sort as text; the sort is stable, so same-time entries keep the log's order.
  return [...entries].sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
}

export function ActivitySection() {
  const request = useRequest();
  const { download, now = () => new Date() } = useServices();
  const [entries, setEntries] = useState<ActivityEntry[] | undefined>();
  const [messages, setMessages] = useState<Messages>({});

  const load = useCallback(() => {
    request('activity/list', {})
      .then((answer) => {
        setEntries(newestFirst(answer.entries));
        setMessages({});
      })
      .catch((error: unknown) => setMessages({ error: errorMessage(error) }));
  }, [request]);

  useEffect(load, [load]);

  function exportCsv() {
    if (!entries) return;
    download(activityLogCsv(entries), `ace-ach-assist-activity-${fileDate(now())}.csv`, 'text/csv;charset=utf-8');
    setMessages({ status: `Activity log of ${entries.length} ${entries.length === 1 ? 'entry' : 'entries'} downloaded.` });
  }

  return (
    <section aria-labelledby="activity-heading">
      <h2 id="activity-heading">Activity log</h2>
      <div class="actions">
        <button type="button" onClick={exportCsv} disabled={!entries || entries.length === 0}>
          Export activity log (CSV)
        </button>
        <button type="button" class="secondary" onClick={load}>
          Refresh
        </button>
      </div>
      <LiveMessages id="activity" {...messages} />
      {entries === undefined ? (
        <p class="muted">Loading the activity log…</p>
      ) : entries.length === 0 ? (
        <p class="muted">No activity yet.</p>
      ) : (
        <div class="table-scroll" tabIndex={0} role="region" aria-label="Activity log entries">
          <table>
            <caption class="visually-hidden">Activity, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Time</th>
                <th scope="col">Action</th>
                <th scope="col">Profile label</th>
                <th scope="col">Importer number</th>
                <th scope="col">Page</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry, index) => (
                <tr key={`${entry.at}-${index}`}>
                  <td>
                    <time dateTime={entry.at}>{formatDateTime(entry.at)}</time>
                  </td>
                  <td>
                    {actionWords(entry.action)}
                    {entry.detail && <span class="muted"> ({entry.detail})</span>}
                  </td>
                  <td>{entry.profileLabel ?? ''}</td>
                  <td>{entry.importerNumber ?? ''}</td>
                  <td class="page-cell">{entry.page ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
