/**
 * The page assistant's comparison with the importer's profile and CBP's file: asked of the
 * background once the changes pause, one question at a time, and recorded as a verification when
 * the page shows values on file it has not recorded yet.
 */
import { sendableValues } from '@/utils/form-checks/sendable-values';
import { sendContentRequest as sendRequest } from '@/utils/messaging/content-replies';
import type { DetectedForm } from '../detected-form';
import type { PageContext } from '../page-watch';
import { readFormValues, readOnFileValues } from './read-values';
import type { Comparison, ComparisonGaps } from './status-card';

/** Quiet time after the last change before the profile is compared: once per burst of typing. */
const COMPARE_DELAY_MS = 150;
/** A frame below the top asks again this many times while the top frame has not said the importer. */
const FRAME_IMPORTER_RETRIES = 5;
const FRAME_IMPORTER_RETRY_MS = 3000;

export interface ProfileComparisonOptions extends PageContext {
  isTopFrame: boolean;
  form: () => DetectedForm | null;
  /** The user's choices on the card: the profile and, among unclear numbers, the importer. */
  chosen: () => { profileId?: string | undefined; importer?: string | undefined };
  /** An open vault knows no profile for the importer: the top frame reads its page again. */
  readImporterAgain: () => void;
  /** The answer or the reason it is missing changed: draw again. */
  onChange: () => void;
}

export interface ProfileComparison {
  readonly current: Comparison | undefined;
  /** Why the last comparison could not be made, for the card. */
  readonly gaps: ComparisonGaps;
  /** Compares once the changes pause for `delay`: only the last of a burst's timers asks. */
  soon(delay?: number): void;
  /**
   * The user saved the form: the background records it as entered, not yet confirmed, and the
   * next values on file are recorded even when they read as before (the refresh confirms the save).
   */
  saved(): void;
}

export function createProfileComparison(options: ProfileComparisonOptions): ProfileComparison {
  const { signal, transport } = options;
  let current: Comparison | undefined;
  let gaps: ComparisonGaps = {};
  let wanted = 0;
  let comparing = false;
  let again = false;
  let lastDrawn = '';
  let lastRecorded = '';
  /** Since the user saved: the on-file elements the page showed then, until new ones are recorded. */
  let shownAtSave: Set<Element> | undefined;
  let importerRetries = 0;

  function soon(delay = COMPARE_DELAY_MS) {
    const mine = ++wanted;
    options.setTimeout(() => mine === wanted && void compare(), delay);
  }

  async function compare() {
    const form = options.form();
    if (!form || form.candidates || signal.aborted) return;
    // One question at a time: the background answers a tab once a second at most, so asking
    // again before the answer would only queue stale values behind it.
    if (comparing) {
      again = true;
      return;
    }
    comparing = true;
    try {
      await compareOnce(form);
    } finally {
      comparing = false;
    }
    if (again) {
      again = false;
      soon();
    }
  }

  async function compareOnce(form: DetectedForm) {
    const { profileId, importer } = options.chosen();
    const onFile = readOnFileValues(form);
    const snapshot = JSON.stringify([profileId, onFile]);
    const hasOnFile = Boolean(onFile.routing || onFile.account || onFile.accountType);
    // A refresh after a save draws the values on file anew: recorded even when they read as before.
    const refreshedSinceSave = shownAtSave !== undefined && form.onFile.some((value) => !shownAtSave!.has(value.element));
    const record = hasOnFile && (snapshot !== lastRecorded || refreshedSinceSave);
    const values = readFormValues(form);
    const sent = sendableValues({ routing: values.routing, account: values.account, accountType: values.accountType }, onFile);
    try {
      current = await sendRequest(transport, 'page/compare', {
        ...(profileId ? { profileId } : {}),
        ...(importer ? { importerNumber: importer } : {}),
        form: sent.form,
        onFile: sent.onFile,
        recordVerification: record,
        page: options.doc.location.href,
      });
      gaps = { unreadable: sent.unreadable, ...(importer ? { chosenImporter: importer } : {}) };
      // Only a comparison that asked to record settles the Save: one made before the page
      // refreshed (the user typing, a page's spinner) answers a verdict too.
      if (current.verification && record) {
        lastRecorded = snapshot;
        shownAtSave = undefined;
      }
      // Only an open vault compares with a profile: until then the importer is not needed again.
      if (current.match === 'unknown-importer' && current.vault === 'unlocked') askImporterAgain();
      else importerRetries = 0;
    } catch (error) {
      current = undefined;
      // Said on the card: a comparison that cannot be made never just disappears.
      gaps = { failure: error instanceof Error && error.message ? error.message : 'the extension did not answer.' };
    }
    // The same answer again (the usual case while typing) changes nothing on the page.
    const drawn = JSON.stringify([current, gaps]);
    if (drawn === lastDrawn) return;
    lastDrawn = drawn;
    options.onChange();
  }

  /** The top frame reads its page again; a frame below it asks again a few times, as the top frame may not have said the importer yet. */
  function askImporterAgain() {
    if (options.isTopFrame) options.readImporterAgain();
    else if (importerRetries < FRAME_IMPORTER_RETRIES) {
      importerRetries++;
      soon(FRAME_IMPORTER_RETRY_MS);
    }
  }

  function saved() {
    const form = options.form();
    if (!form || form.candidates || signal.aborted) return;
    const { profileId, importer } = options.chosen();
    const values = readFormValues(form);
    const sent = sendableValues({ routing: values.routing, account: values.account, accountType: values.accountType }, {});
    shownAtSave = new Set(form.onFile.map((value) => value.element));
    void sendRequest(transport, 'page/saved', {
      ...(profileId ? { profileId } : {}),
      ...(importer ? { importerNumber: importer } : {}),
      form: sent.form,
      page: options.doc.location.href,
    }).catch(() => {});
  }

  return {
    saved,
    get current() {
      return current;
    },
    get gaps() {
      return gaps;
    },
    soon,
  };
}
