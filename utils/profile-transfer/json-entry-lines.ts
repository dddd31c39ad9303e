/**
 * Finds the line on which each entry of a JSON file's top-level "profiles" array begins, so the
 * import preview can say "Line 42" for a bad profile. Runs only on text JSON.parse has already
 * accepted, so it tracks just strings, nesting and top-level keys.
 */

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const LF = 0x0a;
const CR = 0x0d;

function isJsonSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === LF || c === CR;
}

/** Lines (1-based) of the entries of the last top-level "profiles" array, as JSON.parse keeps the last. */
export function profileEntryLines(text: string, arrayKey = 'profiles'): number[] {
  let line = 1;
  let depth = 0;
  let inString = false;
  let escaped = false;
  let expectKey = false;
  let readingKey = false;
  let keyStart = 0;
  let lastKey: string | undefined;
  let current: number[] | undefined;
  let expectEntry = false;
  let found: number[] = [];

  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === LF || (c === CR && text.charCodeAt(i + 1) !== LF)) line++;
    if (inString) {
      if (escaped) escaped = false;
      else if (c === BACKSLASH) escaped = true;
      else if (c === QUOTE) {
        inString = false;
        if (readingKey) {
          readingKey = false;
          lastKey = JSON.parse(text.slice(keyStart, i + 1)) as string;
        }
      }
      continue;
    }
    if (isJsonSpace(c) || c === 0x3a /* : */) continue;
    // Any other character at the array's own level while an entry is expected starts one.
    const inArray = current !== undefined && depth === 2;
    if (inArray && expectEntry && c !== 0x2c && c !== 0x5d) {
      current!.push(line);
      expectEntry = false;
    }
    switch (c) {
      case QUOTE:
        inString = true;
        if (depth === 1 && expectKey) {
          readingKey = true;
          keyStart = i;
          expectKey = false;
        }
        break;
      case 0x7b: // {
      case 0x5b: // [
        depth++;
        if (depth === 1 && c === 0x7b) expectKey = true;
        if (depth === 2 && c === 0x5b && lastKey === arrayKey) {
          current = [];
          expectEntry = true;
        }
        break;
      case 0x7d: // }
      case 0x5d: // ]
        if (depth === 2 && current !== undefined) {
          found = current;
          current = undefined;
        }
        depth--;
        break;
      case 0x2c: // ,
        if (depth === 1) expectKey = true;
        if (inArray) expectEntry = true;
        break;
      default:
        break;
    }
  }
  return found;
}
