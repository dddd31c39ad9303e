/**
 * FedACH directory benchmark (not a test): parse + index a generated 20,000-record
 * FedACHdir.txt, then time lookups and typo suggestions. Prints the median (and fastest) of
 * several runs after warm-up, against its targets (printed beside each figure). Run: npx tsx bench/fedach.bench.ts
 */
import { loadavg } from 'node:os';
import { buildFedAchIndex, lookupRoutingNumber } from '../utils/bank/fedach-directory';
import { parseFedAchJson } from '../utils/bank/fedach-json-parser';
import { createFedAchTextParser, parseFedAchText } from '../utils/bank/fedach-text-parser';
import { suggestRoutingNumbers } from '../utils/bank/routing-suggestions';
import { fedAchJson, fedAchText, generateFedAchEntries, seededRandom } from '../tests/unit/bank/fedach-generator';

const RECORDS = 20_000;
const WARM_UPS = 5;
const RUNS = 21;
const CHUNK = 64 * 1024; // what Blob.stream() hands out
const LOOKUPS = 200_000;
const SUGGESTIONS = 5_000;

const TARGETS = { parseAndIndexMs: 150, lookupUs: 2, suggestionMs: 1 };

interface Timing {
  readonly median: number;
  readonly fastest: number;
}

/** Wall time in ms of `run`, after warm-up runs that are not counted. */
function measure(run: () => number): Timing {
  let sink = 0;
  for (let i = 0; i < WARM_UPS; i++) sink += run();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    sink += run();
    times.push(performance.now() - start);
  }
  if (sink === -1) console.log('unreachable: keeps the results alive');
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(times.length / 2)]!, fastest: times[0]! };
}

const scale = (timing: Timing, factor: number): Timing => ({ median: timing.median * factor, fastest: timing.fastest * factor });

const entries = generateFedAchEntries(RECORDS, { seed: 2026 });
const text = fedAchText(entries);
const json = fedAchJson(entries);
const chunks: string[] = [];
for (let at = 0; at < text.length; at += CHUNK) chunks.push(text.slice(at, at + CHUNK));

const records = parseFedAchText(text).records;
const parseOnly = measure(() => parseFedAchText(text).records.length);
const indexOnly = measure(() => buildFedAchIndex(records).size);
const whole = measure(() => buildFedAchIndex(parseFedAchText(text).records).size);
const streamed = measure(() => {
  const parser = createFedAchTextParser();
  for (const chunk of chunks) parser.push(chunk);
  return buildFedAchIndex(parser.end().records).size;
});
const jsonParse = measure(() => buildFedAchIndex(parseFedAchJson(json).records).size);

const index = buildFedAchIndex(records);
const random = seededRandom(7);

// Nine in ten lookups hit, as when users mostly type real numbers.
const lookupInputs = Array.from({ length: LOOKUPS }, (_, i) =>
  i % 10 === 0 ? String(100_000_000 + Math.floor(random() * 800_000_000)) : entries[Math.floor(random() * entries.length)]!.routingNumber,
);
const lookups = scale(
  measure(() => {
    let hits = 0;
    for (const input of lookupInputs) if (lookupRoutingNumber(index, input).found) hits++;
    return hits;
  }),
  1000 / LOOKUPS,
);

// One digit changed in a listed number: the case typo help exists for.
const typoInputs = Array.from({ length: SUGGESTIONS }, () => {
  const digits = entries[Math.floor(random() * entries.length)]!.routingNumber;
  const at = Math.floor(random() * 9);
  const replacement = String((Number(digits[at]) + 1 + Math.floor(random() * 9)) % 10);
  return digits.slice(0, at) + replacement + digits.slice(at + 1);
});
const suggestions = scale(
  measure(() => {
    let found = 0;
    for (const input of typoInputs) found += suggestRoutingNumbers(index, input).length;
    return found;
  }),
  1 / SUGGESTIONS,
);

const verdict = (value: number, target: number): string => (value <= target ? 'ok' : 'OVER TARGET');
const row = (label: string, timing: Timing, unit: string, digits: number, extra = ''): string =>
  `${label.padEnd(30)} ${timing.median.toFixed(digits).padStart(8)} ${unit} median, ${timing.fastest.toFixed(digits)} fastest${extra}`;
const perSecond = (timing: Timing, unitsPerSecond: number): string =>
  `, ${Math.round(unitsPerSecond / timing.median).toLocaleString('en-US')} per second`;

console.log(`FedACH benchmark: ${RECORDS.toLocaleString('en-US')} records, ${(text.length / 1e6).toFixed(2)} MB text, ${(json.length / 1e6).toFixed(2)} MB JSON`);
console.log(`Node ${process.version}, load average ${loadavg()[0]!.toFixed(2)}; ${RUNS} runs after ${WARM_UPS} warm-up runs`);
console.log(row('parse text (one string)', parseOnly, 'ms', 1));
console.log(row('build index', indexOnly, 'ms', 1));
console.log(row('parse + index (one string)', whole, 'ms', 1, `  [target ≤ ${TARGETS.parseAndIndexMs} ms: ${verdict(whole.median, TARGETS.parseAndIndexMs)}]`));
console.log(row('parse + index (64 KiB chunks)', streamed, 'ms', 1, `  [target ≤ ${TARGETS.parseAndIndexMs} ms: ${verdict(streamed.median, TARGETS.parseAndIndexMs)}]`));
console.log(row('parse + index (JSON)', jsonParse, 'ms', 1, '  [no target]'));
console.log(row('lookup', lookups, 'µs', 3, `${perSecond(lookups, 1e6)}  [target ≤ ${TARGETS.lookupUs} µs: ${verdict(lookups.median, TARGETS.lookupUs)}]`));
console.log(row('typo suggestions', suggestions, 'ms', 4, `${perSecond(suggestions, 1e3)}  [target ≤ ${TARGETS.suggestionMs} ms: ${verdict(suggestions.median, TARGETS.suggestionMs)}]`));
