/** Figures for bench/vault.bench.ts: median and p95 of a series, and the table it prints. */

export interface Figure {
  readonly name: string;
  readonly samples: readonly number[];
  /** Target for the median, in the figure's unit; none for figures given for information. */
  readonly target?: number;
  readonly unit: 'ms' | 's';
}

/** Nearest-rank quantile (p95 of 10 samples is the largest). */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

export const median = (values: readonly number[]) => quantile(values, 0.5);
export const p95 = (values: readonly number[]) => quantile(values, 0.95);

function show(value: number, unit: Figure['unit']): string {
  return unit === 's' ? `${(value / 1000).toFixed(2)} s` : `${value.toFixed(value < 10 ? 2 : 1)} ms`;
}

export function verdict(figure: Figure): string {
  if (figure.target === undefined) return '(info)';
  const holds = median(figure.samples) <= figure.target;
  const tail = p95(figure.samples) <= figure.target ? '' : ' (p95 over)';
  return holds ? `ok${tail}` : 'OVER TARGET';
}

/** A Markdown table: one row per figure. */
export function figuresTable(figures: readonly Figure[]): string {
  const rows = figures.map((figure) => [
    figure.name,
    String(figure.samples.length),
    show(median(figure.samples), figure.unit),
    show(p95(figure.samples), figure.unit),
    figure.target === undefined ? '—' : `≤ ${show(figure.target, figure.unit)}`,
    verdict(figure),
  ]);
  const header = ['figure', 'runs', 'median', 'p95', 'target', 'verdict'];
  const widths = header.map((title, i) => Math.max(title.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((cell, i) => cell.padEnd(widths[i]!)).join(' | ')} |`;
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join('\n');
}
