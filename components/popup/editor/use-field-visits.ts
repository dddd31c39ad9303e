/**
 * When a field's own problems show: once the user has left it, and for every field once Save was
 * pressed (or from the start for a saved profile), so a new form does not open in red.
 */
import { useState } from 'preact/hooks';

export interface FieldVisits {
  readonly visited: (key: string) => boolean;
  readonly leave: (key: string) => void;
  readonly visitAll: () => void;
}

export function useFieldVisits(allAtFirst: boolean): FieldVisits {
  const [left, setLeft] = useState<ReadonlySet<string>>(new Set());
  const [all, setAll] = useState(allAtFirst);
  return {
    visited: (key) => all || left.has(key),
    leave: (key) => {
      if (!left.has(key)) setLeft(new Set(left).add(key));
    },
    visitAll: () => setAll(true),
  };
}
