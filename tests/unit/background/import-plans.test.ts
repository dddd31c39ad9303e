import { describe, expect, it } from 'vitest';
import { createImportPlans, IMPORT_PLAN_TTL_MS, MAX_STAGED_CANDIDATES } from '@/utils/background/import-plans';
import type { ImportCandidate } from '@/utils/profile-transfer';

const candidate = (line: number) => ({ line, profile: { label: `P${line}` } }) as unknown as ImportCandidate;

describe('staged imports', () => {
  it('collects batches in order, once', () => {
    let n = 0;
    const plans = createImportPlans(() => 0, () => `t${++n}`);
    const id = plans.begin();
    expect(plans.add(id, [candidate(2), candidate(3)])).toEqual({ ok: true, received: 2 });
    expect(plans.add(id, [candidate(5)])).toEqual({ ok: true, received: 3 });
    expect(plans.collected(id)!.map((c) => c.line)).toEqual([2, 3, 5]);
    expect(plans.collected(id)).toBeUndefined();
    expect(plans.add(id, [candidate(6)])).toEqual({ ok: false, reason: 'unknown' });
  });

  it('drops an import that grows past the limit, and expires idle ones', () => {
    let now = 0;
    let n = 0;
    const plans = createImportPlans(() => now, () => `t${++n}`);
    const big = plans.begin();
    const batch = Array.from({ length: 1_000 }, (_, i) => candidate(i + 2));
    for (let sent = 0; sent < MAX_STAGED_CANDIDATES; sent += batch.length) expect(plans.add(big, batch).ok).toBe(true);
    expect(plans.add(big, [candidate(1)])).toEqual({ ok: false, reason: 'too-many' });
    expect(plans.collected(big)).toBeUndefined();

    const idle = plans.begin();
    now += IMPORT_PLAN_TTL_MS;
    expect(plans.add(idle, [candidate(2)])).toEqual({ ok: false, reason: 'unknown' });
  });
});
