/**
 * Profile import: pick a JSON or CSV file (or an encrypted backup, which asks for its
 * passphrase), see what would be added, updated and rejected, line by line, and only then
 * confirm. The background keeps the previewed plan under a token; nothing is written before
 * "Import N profiles".
 */
import { useRef, useState } from 'preact/hooks';
import type { ImportPreview } from '@/utils/messaging/shapes';
import { isEncryptedBackup } from '@/utils/profile-transfer/backup-crypto';
import { tooLargeReason } from '@/utils/profile-transfer/parse-import';
import { MAX_IMPORT_BYTES } from '@/utils/profile-transfer/types';
import type { ProfileFileFormat } from '@/utils/profile-transfer/types';
import { LiveMessages, type Messages } from './LiveMessages';
import { errorMessage, isLockedError, useRequest } from './options-services';

type ImportStep =
  | { readonly step: 'idle' }
  | { readonly step: 'passphrase'; readonly fileName: string; readonly text: string }
  | { readonly step: 'preview'; readonly fileName: string; readonly preview: ImportPreview };

/** By the file's extension; otherwise JSON if it starts like JSON. */
export function profileFileFormat(fileName: string, text: string): ProfileFileFormat {
  const name = fileName.toLowerCase();
  if (name.endsWith('.csv')) return 'csv';
  if (name.endsWith('.json')) return 'json';
  return /^\ufeff?\s*[{[]/.test(text) ? 'json' : 'csv';
}

const profiles = (count: number) => `${count} ${count === 1 ? 'profile' : 'profiles'}`;

export function ProfileImport({ onLocked }: { readonly onLocked: () => void }) {
  const request = useRequest();
  const [current, setCurrent] = useState<ImportStep>({ step: 'idle' });
  const [passphrase, setPassphrase] = useState('');
  const [busy, setBusy] = useState(false);
  const [messages, setMessages] = useState<Messages>({});
  const fileInput = useRef<HTMLInputElement>(null);
  const previewHeading = useRef<HTMLHeadingElement>(null);

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

  async function preview(fileName: string, text: string, backupPassphrase?: string) {
    setBusy(true);
    try {
      const format = profileFileFormat(fileName, text);
      const answer = await request('import/preview', backupPassphrase === undefined ? { format, text } : { format, text, backupPassphrase });
      setCurrent({ step: 'preview', fileName, preview: answer });
      setPassphrase('');
      setMessages({ status: `Preview of ${fileName} ready. Nothing has been saved yet.` });
      // Let the preview render, then take the keyboard user there.
      setTimeout(() => previewHeading.current?.focus(), 0);
    } catch (error) {
      fail(error);
    } finally {
      setBusy(false);
    }
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
    let text: string;
    try {
      text = await file.text();
    } catch {
      setMessages({ error: `${file.name} could not be read; choose the file again.` });
      return;
    }
    if (profileFileFormat(file.name, text) === 'json' && isEncryptedBackup(text)) {
      setCurrent({ step: 'passphrase', fileName: file.name, text });
      setMessages({ status: `${file.name} is an encrypted backup: enter its backup passphrase.` });
      return;
    }
    await preview(file.name, text);
  }

  async function onPassphrase(event: Event) {
    event.preventDefault();
    if (current.step !== 'passphrase' || busy) return;
    if (passphrase.length === 0) {
      setMessages({ error: 'Enter the passphrase the backup was exported with.' });
      return;
    }
    await preview(current.fileName, current.text, passphrase);
  }

  async function commit() {
    if (current.step !== 'preview' || busy) return;
    setBusy(true);
    try {
      const { added, updated } = await request('import/commit', { token: current.preview.token });
      reset(`${profiles(added + updated)} imported: ${added} added, ${updated} updated.`);
    } catch (error) {
      fail(error);
    } finally {
      setBusy(false);
    }
  }

  const previewed = current.step === 'preview' ? current.preview : undefined;
  const importable = previewed ? previewed.add.length + previewed.update.length : 0;

  return (
    <div class="subsection">
      <h3>Import</h3>
      <p class="muted">
        A profiles file exported by ACE ACH Assist (JSON or encrypted backup) or a CSV file with the documented columns.
        You see what would change before anything is saved.
      </p>
      <div class="field">
        <label for="profiles-file">Import profiles file</label>
        <input
          ref={fileInput}
          id="profiles-file"
          type="file"
          accept=".json,.csv,application/json,text/csv"
          disabled={busy}
          onChange={onFile}
        />
      </div>

      {current.step === 'passphrase' && (
        <form onSubmit={onPassphrase} noValidate aria-busy={busy}>
          <div class="field">
            <label for="backup-passphrase">Backup passphrase</label>
            <input
              id="backup-passphrase"
              type="password"
              autocomplete="off"
              value={passphrase}
              onInput={(event) => setPassphrase(event.currentTarget.value)}
            />
          </div>
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

      <LiveMessages id="import" {...messages} />

      {previewed && current.step === 'preview' && (
        <div class="preview" role="region" aria-labelledby="import-preview-heading">
          <h4 id="import-preview-heading" tabIndex={-1} ref={previewHeading}>
            Import preview: {current.fileName}
          </h4>
          <p>
            {previewed.add.length} will be added, {previewed.update.length} will be updated, {previewed.reject.length}{' '}
            rejected. Nothing is saved until you confirm.
          </p>
          <PreviewList title="Will be added" items={previewed.add.map((item) => ({ key: `a${item.line}`, ...item }))} />
          <PreviewList title="Will be updated" items={previewed.update.map((item) => ({ key: `u${item.line}`, ...item }))} />
          <h5>Rejected ({previewed.reject.length})</h5>
          {previewed.reject.length === 0 ? (
            <p class="muted">None.</p>
          ) : (
            <ul class="rejected">
              {previewed.reject.map((line) => (
                <li key={line.line}>{`Line ${line.line}: ${line.reasons.join('; ')}`}</li>
              ))}
            </ul>
          )}
          <div class="actions">
            {importable > 0 && (
              <button type="button" onClick={commit} disabled={busy}>
                Import {profiles(importable)}
              </button>
            )}
            <button type="button" class="secondary" onClick={() => reset('Import cancelled; nothing was saved.')} disabled={busy}>
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

function PreviewList({ title, items }: { readonly title: string; readonly items: readonly PreviewItem[] }) {
  return (
    <>
      <h5>
        {title} ({items.length})
      </h5>
      {items.length === 0 ? (
        <p class="muted">None.</p>
      ) : (
        <ul>
          {items.map((item) => (
            <li key={item.key}>
              <strong>{item.label}</strong> <span>{item.importerNumbers.join(', ')}</span>{' '}
              <span class="muted">(file line {item.line})</span>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
