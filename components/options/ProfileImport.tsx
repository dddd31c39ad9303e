/**
 * Profile import: pick a JSON or CSV file (or an encrypted backup, which asks for its
 * passphrase), see what would be added, updated and rejected, line by line, and only then
 * confirm. The file is read and checked in the import worker with progress and a Cancel button,
 * so even 100,000 rows never freeze the page; the background keeps the previewed plan under a
 * token; nothing is written before "Import N profiles". Long lists show their first lines and
 * a count of the rest.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ImportPreview } from '@/utils/messaging/shapes';
import { tooLargeReason } from '@/utils/profile-transfer/parse-import';
import { MAX_IMPORT_BYTES, type RejectedLine } from '@/utils/profile-transfer/types';
import { PassphraseField } from '../shared/PassphraseField';
import { LabelledField } from '../shared/LabelledField';
import { LiveMessages, type Messages } from './LiveMessages';
import { errorMessage, isLockedError, useRequest, useServices } from './options-services';
import { previewProfileImport, type ProfileCheckProgress, type RunningPreview } from './profile-import-preview';

type ImportStep =
  | { readonly step: 'idle' }
  | { readonly step: 'passphrase'; readonly fileName: string; readonly file: Blob }
  | { readonly step: 'checking'; readonly fileName: string; readonly progress: ProfileCheckProgress }
  | {
      readonly step: 'preview';
      readonly fileName: string;
      readonly preview: ImportPreview;
      readonly rejectedCount: number;
      readonly rejected: readonly RejectedLine[];
    };

const count = (value: number) => value.toLocaleString('en-US');
const profiles = (value: number) => `${count(value)} ${value === 1 ? 'profile' : 'profiles'}`;

export function progressText(progress: ProfileCheckProgress): string {
  switch (progress.stage) {
    case 'reading':
      return 'Reading the file…';
    case 'decrypting':
      return 'Opening the encrypted backup…';
    case 'parsing':
      return "Reading the file's rows…";
    case 'checking':
      return `Checking rows… ${count(progress.done)} of ${count(progress.total)}`;
    case 'planning':
      return 'Preparing the preview…';
  }
}

export function ProfileImport({ onLocked }: { readonly onLocked: () => void }) {
  const request = useRequest();
  const { importWorker, now } = useServices();
  const [current, setCurrent] = useState<ImportStep>({ step: 'idle' });
  const [passphrase, setPassphrase] = useState('');
  const [messages, setMessages] = useState<Messages>({});
  const [committing, setCommitting] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const previewHeading = useRef<HTMLHeadingElement>(null);
  const cancelButton = useRef<HTMLButtonElement>(null);
  const running = useRef<RunningPreview | undefined>(undefined);
  const checking = current.step === 'checking';
  const busy = checking || committing;

  // Leaving the page (or the section) stops a check in progress.
  useEffect(() => () => running.current?.cancel(), []);

  function fail(error: unknown) {
    if (isLockedError(error)) onLocked();
    setMessages({ error: errorMessage(error) });
  }

  function reset(status?: string) {
    setCurrent({ step: 'idle' });
    setPassphrase('');
    setMessages({ status });
    if (fileInput.current) fileInput.current.value = '';
  }

  async function preview(fileName: string, file: Blob, backupPassphrase?: string) {
    const previous = current;
    setCurrent({ step: 'checking', fileName, progress: { stage: 'reading' } });
    setMessages({ status: `Checking ${fileName}…` });
    // The focus goes to Cancel, which stays in reach of the keyboard while the rows are checked.
    setTimeout(() => cancelButton.current?.focus(), 0);
    const run = previewProfileImport(
      {
        file,
        fileName,
        now: (now?.() ?? new Date()).toISOString(),
        ...(backupPassphrase === undefined ? {} : { backupPassphrase }),
      },
      request,
      importWorker,
      (progress) => setCurrent({ step: 'checking', fileName, progress }),
    );
    running.current = run;
    try {
      const outcome = await run.outcome;
      if (running.current !== run) return;
      switch (outcome.kind) {
        case 'cancelled':
          reset('Import cancelled; nothing was saved.');
          return;
        case 'needs-passphrase':
          setCurrent({ step: 'passphrase', fileName, file });
          setMessages({ status: `${fileName} is an encrypted backup: enter its backup passphrase.` });
          return;
        case 'refused':
          if (outcome.code === 'wrong-passphrase' && previous.step === 'passphrase') setCurrent(previous);
          else reset();
          setMessages({ error: outcome.reason });
          return;
        case 'preview':
          setCurrent({ step: 'preview', fileName, preview: outcome.preview, rejectedCount: outcome.rejectedCount, rejected: outcome.rejected });
          setPassphrase('');
          setMessages({ status: `Preview of ${fileName} ready. Nothing has been saved yet.` });
          // Let the preview render, then take the keyboard user there.
          setTimeout(() => previewHeading.current?.focus(), 0);
          return;
      }
    } catch (error) {
      if (running.current !== run) return;
      setCurrent(previous.step === 'passphrase' ? previous : { step: 'idle' });
      fail(error);
    } finally {
      if (running.current === run) running.current = undefined;
    }
  }

  function cancelCheck() {
    running.current?.cancel();
  }

  async function onFile(event: Event) {
    const file = (event.currentTarget as HTMLInputElement).files?.[0];
    if (!file) return;
    setCurrent({ step: 'idle' });
    setMessages({});
    if (file.size > MAX_IMPORT_BYTES) {
      setMessages({ error: tooLargeReason(file.size) });
      return;
    }
    await preview(file.name, file);
  }

  async function onPassphrase(event: Event) {
    event.preventDefault();
    if (current.step !== 'passphrase' || busy) return;
    if (passphrase.length === 0) {
      setMessages({ error: 'Enter the passphrase the backup was exported with.' });
      return;
    }
    await preview(current.fileName, current.file, passphrase);
  }

  async function commit() {
    if (current.step !== 'preview' || busy) return;
    setCommitting(true);
    try {
      const { added, updated } = await request('import/commit', { token: current.preview.token });
      reset(`${profiles(added + updated)} imported: ${count(added)} added, ${count(updated)} updated.`);
    } catch (error) {
      fail(error);
    } finally {
      setCommitting(false);
    }
  }

  function cancelPreview() {
    if (current.step === 'preview') void request('import/discard', { token: current.preview.token }).catch(() => {});
    reset('Import cancelled; nothing was saved.');
  }

  const previewed = current.step === 'preview' ? current : undefined;
  const importable = previewed ? previewed.preview.added + previewed.preview.updated : 0;

  return (
    <div class="subsection">
      <h3>Import</h3>
      <p class="muted">
        A profiles file exported by ACE ACH Assist (JSON or encrypted backup) or a CSV file with the documented columns.
        You see what would change before anything is saved.
      </p>
      <LabelledField id="profiles-file" label="Import profiles file">
        <input
          ref={fileInput}
          id="profiles-file"
          type="file"
          accept=".json,.csv,application/json,text/csv"
          disabled={busy}
          onChange={onFile}
        />
      </LabelledField>

      {current.step === 'passphrase' && (
        <form onSubmit={onPassphrase} noValidate aria-busy={busy}>
          <PassphraseField id="backup-passphrase" label="Backup passphrase" autocomplete="off" value={passphrase} onValue={setPassphrase} />
          <div class="actions">
            <button type="submit" disabled={busy}>
              Preview import
            </button>
            <button type="button" class="secondary" onClick={() => reset()}>
              Cancel
            </button>
          </div>
        </form>
      )}

      {current.step === 'checking' && (
        <div class="field" aria-busy="true">
          <label for="import-progress">Import check progress</label>
          <progress
            id="import-progress"
            {...(current.progress.stage === 'checking'
              ? { max: Math.max(current.progress.total, 1), value: current.progress.done }
              : {})}
            aria-valuetext={progressText(current.progress)}
          />
          <span class="muted" id="import-progress-text">
            {progressText(current.progress)}
          </span>
          <div class="actions">
            <button type="button" class="secondary" ref={cancelButton} onClick={cancelCheck}>
              Cancel import check
            </button>
          </div>
        </div>
      )}

      <LiveMessages id="import" {...messages} />

      {previewed && (
        <div class="preview" role="region" aria-labelledby="import-preview-heading">
          <h4 id="import-preview-heading" tabIndex={-1} ref={previewHeading}>
            Import preview: {previewed.fileName}
          </h4>
          <p>
            {count(previewed.preview.added)} will be added, {count(previewed.preview.updated)} will be updated,{' '}
            {count(previewed.rejectedCount)} rejected. Nothing is saved until you confirm.
          </p>
          <PreviewList
            title="Will be added"
            total={previewed.preview.added}
            items={previewed.preview.add.map((item) => ({ key: `a${item.line}`, ...item }))}
          />
          <PreviewList
            title="Will be updated"
            total={previewed.preview.updated}
            items={previewed.preview.update.map((item) => ({ key: `u${item.line}`, ...item }))}
          />
          <h5>Rejected ({count(previewed.rejectedCount)})</h5>
          {previewed.rejectedCount === 0 ? (
            <p class="muted">None.</p>
          ) : (
            <>
              <ul class="rejected">
                {previewed.rejected.map((line) => (
                  <li key={line.line}>{`Line ${line.line}: ${line.reasons.join('; ')}`}</li>
                ))}
              </ul>
              <MoreLines shown={previewed.rejected.length} total={previewed.rejectedCount} />
            </>
          )}
          <div class="actions">
            {importable > 0 && (
              <button type="button" onClick={commit} disabled={busy}>
                Import {profiles(importable)}
              </button>
            )}
            <button type="button" class="secondary" onClick={cancelPreview} disabled={busy}>
              Cancel
            </button>
          </div>
        </div>
      )}
    </div>
  );
}

interface PreviewItem {
  readonly key: string;
  readonly line: number;
  readonly label: string;
  readonly importerNumbers: readonly string[];
}

/** Under a list that shows only its first lines: how many more there are. */
function MoreLines({ shown, total }: { readonly shown: number; readonly total: number }) {
  if (total <= shown) return null;
  return <p class="muted">{`…and ${count(total - shown)} more (the first ${count(shown)} are listed).`}</p>;
}

function PreviewList({ title, total, items }: { readonly title: string; readonly total: number; readonly items: readonly PreviewItem[] }) {
  return (
    <>
      <h5>
        {title} ({count(total)})
      </h5>
      {total === 0 ? (
        <p class="muted">None.</p>
      ) : (
        <>
          <ul>
            {items.map((item) => (
              <li key={item.key}>
                <strong>{item.label}</strong> <span>{item.importerNumbers.join(', ')}</span>{' '}
                <span class="muted">(file line {item.line})</span>
              </li>
            ))}
          </ul>
          <MoreLines shown={items.length} total={total} />
        </>
      )}
    </>
  );
}
