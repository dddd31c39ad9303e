/**
 * A value found in a user's file, in words for a message. String() throws on an object whose
 * toString is not a function ({"toString": {}} in a JSON file), and parsing must never throw.
 */
export function valueInWords(value: unknown): string {
  if (value === null || typeof value !== 'object') return String(value);
  return Array.isArray(value) ? 'a list' : 'an object';
}
