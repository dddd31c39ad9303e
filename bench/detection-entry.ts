/**
 * Content script of the bench-only extension that holds the field detector and nothing else
 * (bench/detection.bench.ts builds it into a temporary folder), so the detector's own cost is
 * measured apart from the checks and messages the real content script also runs.
 */
import { createFieldBadges } from './field-badges';
import { startFieldDetection } from '../utils/content/field-detection';

startFieldDetection({
  root: document,
  signal: new AbortController().signal,
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  badges: createFieldBadges,
});
