import { describe, expect, it } from 'vitest';
import { activityLogCsv } from '@/components/options/activity-csv';
import { parseCsv } from '@/utils/profile-transfer/csv';

describe('activityLogCsv', () => {
  it('writes a header and one row per entry, guarding formula cells', () => {
    const text = activityLogCsv([
      { at: '2026-03-01T12:00:00.000Z', action: 'fill', profileLabel: '=cmd|calc', importerNumber: '12-345678900', page: 'https://ace.cbp.gov/s/x' },
      { at: '2026-03-01T11:00:00.000Z', action: 'import', detail: 'Added 2, "updated" 1' },
    ]);
    const parsed = parseCsv(text);
    if (!parsed.ok) throw new Error(parsed.reason);
    expect(parsed.rows.map((row) => row.cells)).toEqual([
      ['time', 'action', 'profile_label', 'importer_number', 'page', 'detail'],
      ['2026-03-01T12:00:00.000Z', 'fill', "'=cmd|calc", '12-345678900', 'https://ace.cbp.gov/s/x', ''],
      ['2026-03-01T11:00:00.000Z', 'import', '', '', '', 'Added 2, "updated" 1'],
    ]);
  });

  it('writes just the header for an empty log', () => {
    expect(activityLogCsv([])).toBe('\ufefftime,action,profile_label,importer_number,page,detail\r\n');
  });
});
