/**
 * The options page's whole-number settings (auto-lock minutes, re-verify days): the number typed,
 * or the words saying what is wrong, with the range and its unit.
 */
export interface WholeNumberRange {
  readonly min: number;
  readonly max: number;
  /** "minutes", "days". */
  readonly unit: string;
  /** The maximum in plain words: "24 hours". */
  readonly maxInWords: string;
}

export function parseWholeNumber(text: string, range: WholeNumberRange): number | string {
  const value = Number(text.trim());
  if (text.trim() === '' || !Number.isInteger(value) || value < range.min || value > range.max) {
    return `Enter a whole number of ${range.unit} from ${range.min} to ${range.max} (${range.maxInWords}).`;
  }
  return value;
}
