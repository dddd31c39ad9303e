import { describe, expect, it } from 'vitest';
import { planImport } from '@/utils/profile-transfer/plan-import';
import type { ImportCandidate } from '@/utils/profile-transfer/types';
import { sampleProfile } from './profile-arbitraries';

const candidate = (line: number, label: string, id?: string): ImportCandidate =>
  id === undefined ? { line, profile: sampleProfile({ label }) } : { line, id, profile: sampleProfile({ label }) };
const existing = [
  { id: 'e1', label: 'Acme Main', importerNumbers: ['12-345678900'] },
  { id: 'e2', label: 'Beta', importerNumbers: ['98-765432100'] },
];
const summary = (plan: ReturnType<typeof planImport>) => ({
  add: plan.add.map((c) => [c.line, c.id]),
  update: plan.update.map((c) => [c.line, c.id]),
});

describe('planImport', () => {
  it('updates by id, else by label (trimmed, any case), else adds', () => {
    const plan = planImport([candidate(2, 'Renamed', 'e2'), candidate(3, '  acme main '), candidate(4, 'New one')], existing);
    expect(summary(plan)).toEqual({ add: [[4, undefined]], update: [[2, 'e2'], [3, 'e1']] });
    expect(plan.update[0]!.profile.label).toBe('Renamed');
  });

  it('prefers an id match over a label match for the same saved profile', () => {
    // Line 2 takes "Acme Main" by label, but line 3 names e1 by id: the id wins, line 2 is added.
    const plan = planImport([candidate(2, 'Acme Main'), candidate(3, 'Acme renamed', 'e1')], existing);
    expect(summary(plan)).toEqual({ add: [[2, undefined]], update: [[3, 'e1']] });
  });

  it('falls back to the label when the id is unknown, and keeps an unknown id on added profiles', () => {
    const plan = planImport([candidate(2, 'Beta', 'from-elsewhere'), candidate(3, 'Gamma', 'g1')], existing);
    expect(summary(plan)).toEqual({ add: [[3, 'g1']], update: [[2, 'e2']] });
  });

  it('never lets an added profile take an id that is already in use', () => {
    const plan = planImport([candidate(2, 'X', 'e1'), candidate(3, 'Y', 'e1'), candidate(4, 'Z', 'n'), candidate(5, 'W', 'n')], existing);
    expect(summary(plan)).toEqual({ add: [[3, undefined], [4, 'n'], [5, undefined]], update: [[2, 'e1']] });
  });

  it('adds everything into an empty vault', () => {
    expect(summary(planImport([candidate(2, 'A'), candidate(3, 'B', 'b')], []))).toEqual({
      add: [[2, undefined], [3, 'b']],
      update: [],
    });
  });
});
