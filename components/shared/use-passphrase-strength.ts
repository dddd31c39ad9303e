/**
 * zxcvbn for the screens where a passphrase is chosen (popup first run, options' change of
 * passphrase and encrypted backup), and the one check of a new passphrase they all make. Its code comes as a separate chunk and its word lists from
 * the file the build ships, loaded when such a screen wants them, never with the popup's or
 * picker's own code; zxcvbn is set up as soon as they are in, before the user has typed much.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import {
  assessPassphrase,
  newPassphraseRefusal,
  type PassphraseAssessment,
  type PassphraseEstimator,
  type PassphraseRefusal,
  type PassphraseScore,
} from '@/utils/passphrase/passphrase-strength';

let loading: Promise<PassphraseEstimator> | undefined;

/**
 * The estimator, loaded once per page (zxcvbn's code as a chunk, its word lists from the file the
 * build ships); a failed load is tried again by the next caller.
 */
export function loadPackagedEstimator(): Promise<PassphraseEstimator> {
  loading ??= Promise.all([import('@/utils/passphrase/passphrase-estimator'), import('@/utils/passphrase/passphrase-words-file')])
    .then(([estimator, file]) => estimator.lazyPassphraseEstimator(file.fetchPackagedWords)())
    .catch((error: unknown) => {
      loading = undefined;
      throw error;
    });
  return loading;
}

/**
 * The estimator once loaded and set up; undefined until then. Loading starts when `wanted` is
 * first true (a screen that is only about the passphrase wants it at once; the options page when
 * a new passphrase is first typed), so a page that never sets one never loads the lists.
 */
export function usePassphraseEstimator(load: () => Promise<PassphraseEstimator>, wanted = true): PassphraseEstimator | undefined {
  const [estimator, setEstimator] = useState<PassphraseEstimator | undefined>(undefined);
  useEffect(() => {
    if (!wanted || estimator) return;
    let live = true;
    load().then(
      (loaded) => {
        if (!live) return;
        setEstimator(() => loaded);
      },
      // A chunk that failed to load is loaded again when the passphrase is submitted.
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [wanted, estimator, load]);
  return estimator;
}

/** Typing faster than this re-estimates once, after the pause (an estimate takes tens of ms). */
const SETTLE_MS = 120;

/**
 * The strength hint for what is typed: the length rule at once, zxcvbn's verdict shortly after
 * typing pauses. Undefined until zxcvbn has judged a passphrase of 10 characters or more.
 */
export function usePassphraseAssessment(passphrase: string, estimator: PassphraseEstimator | undefined): PassphraseAssessment | undefined {
  const quick = useMemo(() => assessPassphrase(passphrase), [passphrase]);
  const [settled, setSettled] = useState<PassphraseAssessment | undefined>();
  useEffect(() => {
    if (!estimator || quick) return;
    const timer = setTimeout(() => setSettled(assessPassphrase(passphrase, estimator)), SETTLE_MS);
    return () => clearTimeout(timer);
  }, [passphrase, estimator, quick]);
  if (quick) return quick;
  // The last verdict stays up while typing goes on, rather than flickering away at each key.
  return settled;
}

export interface NewPassphrase {
  /** The strength hint for what is typed (see usePassphraseAssessment). */
  readonly assessment: PassphraseAssessment | undefined;
  /** Why the passphrase and this confirmation cannot be used (the background's own rule), or undefined. */
  readonly refusal: (confirmation: string) => Promise<PassphraseRefusal | undefined>;
}

/**
 * A new passphrase being chosen: its strength while it is typed, and on submit the refusal the
 * background would give, with zxcvbn loaded first if it is not in yet.
 */
export function useNewPassphrase(
  passphrase: string,
  load: () => Promise<PassphraseEstimator>,
  wanted = true,
  /** An organization's higher minimum (managed settings); absent, the app's own. */
  minScore?: PassphraseScore,
): NewPassphrase {
  const estimator = usePassphraseEstimator(load, wanted);
  const assessment = usePassphraseAssessment(passphrase, estimator);
  return {
    assessment,
    refusal: async (confirmation) => newPassphraseRefusal(passphrase, confirmation, estimator ?? (await load()), minScore),
  };
}
