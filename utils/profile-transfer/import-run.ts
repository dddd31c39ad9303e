/**
 * A profiles file read step by step: the whole-file checks (encoding, header, envelope) are
 * done up front, then the rows are checked a batch at a time, so the options page's import
 * worker can report progress and be stopped between batches. The rows come out in file order
 * and exactly as a single pass would give them (duplicates are judged against every earlier row).
 */
import type { ImportCandidate, ProfileImportParse, RejectedLine } from './types';

export interface ImportBatch {
  readonly candidates: ImportCandidate[];
  readonly rejected: RejectedLine[];
}

export interface ImportRows {
  /** Rows (CSV) or entries (JSON) to check. */
  readonly total: number;
  /** Rows checked so far. */
  readonly done: number;
  /** Checks up to `count` more rows (at least one while any are left). */
  next(count: number): ImportBatch;
}

export type ProfileImportRun = { readonly ok: true; readonly rows: ImportRows } | { readonly ok: false; readonly reason: string };

/** Rows checked one at a time by `check`, which adds to the batch it is handed. */
export function importRows(total: number, check: (index: number, batch: ImportBatch) => void): ImportRows {
  let done = 0;
  return {
    total,
    get done() {
      return done;
    },
    next(count) {
      const batch: ImportBatch = { candidates: [], rejected: [] };
      const end = Math.min(total, done + Math.max(1, Math.floor(count)));
      for (; done < end; done++) check(done, batch);
      return batch;
    },
  };
}

/** Every row at once: what the one-shot readers return. */
export function runToEnd(run: ProfileImportRun): ProfileImportParse {
  if (!run.ok) return run;
  const { rows } = run;
  const batch = rows.next(rows.total - rows.done);
  return { ok: true, candidates: batch.candidates, rejected: batch.rejected };
}
