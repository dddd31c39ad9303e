/**
 * "FedACH directory": imports the user's own copy of the Fed's directory (the extension ships
 * none) with a progress bar and a Cancel button (the file is read in the import worker), then
 * shows its size and age, and the lines that were skipped.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { DirectoryProblem } from '@/utils/import-worker/messages';
import type { DirectoryStatus } from '@/utils/messaging/shapes';
import { importDirectoryFile, type DirectoryImportProgress, type RunningDirectoryImport } from './directory-import';
import { formatCalendarDate, formatDateTime } from './format-time';
import { LabelledField } from '../shared/LabelledField';
import { LiveMessages, type Messages } from './LiveMessages';
import { errorMessage, useRequest, useServices } from './options-services';

interface SkippedLines {
  readonly shown: readonly DirectoryProblem[];
  readonly count: number;
  /** Whether the good records were imported. */
  readonly imported: boolean;
}

export function directoryStatusText(status: DirectoryStatus): string {
  const records = `${status.recordCount.toLocaleString('en-US')} ${status.recordCount === 1 ? 'record' : 'records'}`;
  const dated = status.newestChangeDate ? `, file dated ${formatCalendarDate(status.newestChangeDate)}` : '';
  return `${records}, imported ${formatDateTime(status.importedAt)}${dated}`;
}

type ProgressShown = DirectoryImportProgress | { readonly phase: 'done' };

function progressText(progress: ProgressShown): string {
  if (progress.phase === 'done') return 'Finished.';
  if (progress.phase === 'reading') {
    const percent = progress.totalBytes === 0 ? 100 : Math.round((progress.bytesRead / progress.totalBytes) * 100);
    return `Reading the file: ${percent}%`;
  }
  // Worded so the record count appears once on the page, in the directory status.
  return `Saving records: ${progress.recordsSent.toLocaleString('en-US')} of ${progress.totalRecords.toLocaleString('en-US')}`;
}

export function DirectorySection() {
  const request = useRequest();
  const { importWorker } = useServices();
  const running = useRef<RunningDirectoryImport | undefined>(undefined);
  const [status, setStatus] = useState<DirectoryStatus | null | undefined>(undefined);
  const [progress, setProgress] = useState<ProgressShown | undefined>();
  const [busy, setBusy] = useState(false);
  const [skipped, setSkipped] = useState<SkippedLines | undefined>();
  const [messages, setMessages] = useState<Messages>({});

  useEffect(() => {
    request('directory/status', {})
      .then((answer) => setStatus(answer.status))
      .catch((error: unknown) => setMessages({ error: errorMessage(error) }));
  }, [request]);

  // Leaving the page (or the section) stops an import in progress; nothing is committed.
  useEffect(() => () => running.current?.cancel(), []);

  async function onFile(event: Event) {
    const input = event.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    if (!file || busy) return;
    setBusy(true);
    setSkipped(undefined);
    setMessages({ status: `Importing ${file.name}…` });
    setProgress({ phase: 'reading', bytesRead: 0, totalBytes: file.size });
    const run = importDirectoryFile(file, request, importWorker, setProgress);
    running.current = run;
    try {
      const outcome = await run.outcome;
      if (outcome.kind === 'cancelled') {
        setProgress(undefined);
        setMessages({ status: 'Import cancelled; the directory was not changed.' });
        return;
      }
      const lineProblems = outcome.parse.problems;
      if (outcome.status) {
        setStatus(outcome.status);
        setProgress({ phase: 'done' });
        const warned = outcome.status.profilesWarned;
        const affected =
          warned > 0
            ? ` ${warned === 1 ? '1 saved profile has a routing number' : `${warned.toLocaleString('en-US')} saved profiles have routing numbers`} this file lists as replaced or not at all: Enrollment status names them.`
            : '';
        setMessages({ status: `The FedACH directory was imported and is now in use.${affected}` });
      } else {
        // Nothing usable: the parser's own words say why (wrong file, no records).
        const fileProblem = lineProblems.find((problem) => problem.line === undefined) ?? lineProblems[0];
        setMessages({ error: `${fileProblem?.message ?? 'No directory records were found.'} The directory was not changed.` });
      }
      if (outcome.parse.problemCount > 0) setSkipped({ shown: lineProblems, count: outcome.parse.problemCount, imported: outcome.status !== undefined });
    } catch (error) {
      setProgress(undefined);
      setMessages({ error: `${errorMessage(error)} The directory was not changed.` });
    } finally {
      if (running.current === run) running.current = undefined;
      setBusy(false);
      input.value = '';
    }
  }

  // By bytes read; full once the file is read (saving and done).
  const progressMax = progress?.phase === 'reading' ? Math.max(progress.totalBytes, 1) : 1;
  const progressValue = progress?.phase === 'reading' ? (progress.totalBytes === 0 ? 1 : progress.bytesRead) : 1;

  return (
    <section aria-labelledby="directory-heading">
      <h2 id="directory-heading">FedACH directory</h2>
      <p class="muted">
        The Federal Reserve's list of banks that take ACH payments lets the editor name the bank for a routing number and
        warn about wire-only numbers. Ask your bank for a download code, get FedACHdir.txt (or the JSON file) from the
        Federal Reserve, and import it here; it stays in this browser.
      </p>
      <p id="directory-summary" aria-live="polite">
        {status === undefined ? 'Checking the directory…' : status === null ? 'No directory imported yet.' : `Current directory: ${directoryStatusText(status)}.`}
      </p>
      <LabelledField id="directory-file" label="FedACH directory file">
        <input
          id="directory-file"
          type="file"
          accept=".txt,.json,text/plain,application/json"
          disabled={busy}
          onChange={onFile}
          aria-describedby="directory-summary"
        />
      </LabelledField>
      {progress && (
        <LabelledField id="directory-progress" label="Directory import progress">
          <progress id="directory-progress" max={progressMax} value={progressValue} aria-valuetext={progressText(progress)} />
          <span class="muted">{progressText(progress)}</span>
          {busy && (
            <div class="actions">
              <button type="button" class="secondary" onClick={() => running.current?.cancel()}>
                Cancel directory import
              </button>
            </div>
          )}
        </LabelledField>
      )}
      <LiveMessages id="directory" {...messages} />
      {skipped && (
        <div class="problems">
          <h3>
            {skipped.count === 1 ? '1 problem in the file' : `${skipped.count.toLocaleString('en-US')} problems in the file`}
            {skipped.count > skipped.shown.length ? ` (the first ${skipped.shown.length} are listed)` : ''}
          </h3>
          {skipped.imported && <p class="muted">These lines were skipped; the other records were imported.</p>}
          <ul>
            {skipped.shown.map((problem, index) => (
              <li key={index}>{problem.message}</li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
