/**
 * The field detector's gate and scans: until a frame shows a routing word (bank-signal.ts),
 * roots are adopted and watched but nothing is classified; the first signal scans every root
 * that has something to scan, and from then on each batch scans only what it added or changed.
 */
import type { ClassifyField } from '@/utils/detection/classify-field';
import { rootSignals } from './bank-signal';
import type { RootRegistry } from './collect-roots';
import type { SearchRoot } from './detected-form';
import type { BatchChanges } from './mutation-batch';
import { scanAdded } from './scan-added';
import { scanRoot } from './scan-root';

export interface DetectionGate {
  /** Whether the frame has shown a routing word: until then nothing is classified. */
  readonly open: boolean;
  /** A batch's records showed a routing word (read only while the gate is closed). */
  readonly signalSeen: boolean;
  sawSignal(): void;
  /** A root adopted while the gate is closed: read for the signal with the next batch. */
  adopted(root: SearchRoot): void;
  /**
   * Scans the `dirty` roots (only what `changes` added, where it says so) once the gate is open;
   * while it is closed, roots with controls are watched as closely as after a scan (so a label
   * attribute set later is seen) and remembered. True when the fields may have changed.
   */
  scanOrWait(dirty: Set<SearchRoot>, changes?: BatchChanges): boolean;
}

export function createDetectionGate(registry: RootRegistry, classify: ClassifyField): DetectionGate {
  const { scans } = registry;
  let open = false;
  let signalSeen = false;
  /** Roots adopted while the gate is closed and not yet read for the signal. */
  const unread: SearchRoot[] = [];
  /** Roots with something to scan, waiting for the gate to open. */
  const waiting = new Set<SearchRoot>();

  function scanAndWatch(root: SearchRoot) {
    scans.set(root, scanRoot(root, registry.takePrefound(root), classify));
    registry.watchClosely(root);
  }

  /** Reads the roots adopted since last time for the signal; true once the gate is open. */
  function readUnreadRoots(): boolean {
    if (!open) signalSeen ||= unread.some(rootSignals);
    unread.length = 0;
    return signalSeen;
  }

  function scanOrWait(dirty: Set<SearchRoot>, changes?: BatchChanges): boolean {
    let toScan = dirty;
    let changed = false;
    if (!open) {
      for (const root of dirty) waiting.add(root);
      if (!readUnreadRoots()) {
        for (const root of dirty) {
          // What adoption found will be stale when the gate opens: the root is searched again then.
          registry.takePrefound(root);
          registry.watchClosely(root);
        }
        return false;
      }
      open = true;
      toScan = new Set(waiting);
      waiting.clear();
    }
    for (const root of toScan) {
      if (!scans.has(root)) continue;
      const added = toScan === dirty && !changes?.full.has(root) ? changes?.added.get(root) : undefined;
      const previous = scans.get(root)!;
      const merged = added && scanAdded(root, previous, [...added.nodes], added.watched, classify);
      if (merged) {
        scans.set(root, merged);
        // Only additions that are fields change what settle() decides.
        changed ||= merged.fields.length > previous.fields.length;
      } else {
        scanAndWatch(root);
        changed = true;
      }
    }
    return changed;
  }

  return {
    get open() {
      return open;
    },
    get signalSeen() {
      return signalSeen;
    },
    sawSignal() {
      signalSeen = true;
    },
    adopted(root) {
      if (!open) unread.push(root);
    },
    scanOrWait,
  };
}
