/**
 * One entry point for an imported directory file, whichever format the user downloaded: the
 * first visible character decides ({ or [ means JSON, anything else the fixed-width text).
 */
import { createFedAchJsonParser } from './fedach-json-parser';
import type { FedAchParseResult, FedAchParserOptions, FedAchStreamParser } from './fedach-parse-result';
import { createFedAchTextParser } from './fedach-text-parser';

function firstVisibleCharacter(text: string): string | undefined {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code > 0x20 && code !== 0xfeff) return text[i];
  }
  return undefined;
}

export function createFedAchParser(options: FedAchParserOptions = {}): FedAchStreamParser {
  let chosen: FedAchStreamParser | undefined;
  // Blank chunks before the first visible character are held back; they are tiny.
  let held: string[] = [];

  function choose(first: string | undefined): FedAchStreamParser {
    const parser = first === '{' || first === '[' ? createFedAchJsonParser(options) : createFedAchTextParser(options);
    for (const chunk of held) parser.push(chunk);
    held = [];
    return parser;
  }

  return {
    push(chunk: string): void {
      if (chosen) return chosen.push(chunk);
      const first = firstVisibleCharacter(chunk);
      if (first === undefined) {
        held.push(chunk);
        return;
      }
      chosen = choose(first);
      chosen.push(chunk);
    },
    end(): FedAchParseResult {
      chosen ??= choose(undefined);
      return chosen.end();
    },
  };
}

/** Reads a whole directory file held in one string, in either format. */
export function parseFedAchDirectory(text: string, options: FedAchParserOptions = {}): FedAchParseResult {
  const parser = createFedAchParser(options);
  parser.push(text);
  return parser.end();
}
