import { describe, expect, it } from 'vitest';
import { decideDateOrder } from '../../storage/csv/reading';
import { SCAN_DISTINCT, scanColumns } from '../../storage/csv/scan';
import type { Field } from '../../storage/model/field';

const birthday: Field = { id: 'f_date', folderId: 'f', key: 'date', label: 'Birthday', type: 'date', mandatory: false, hidden: false, order: 0, settings: {}, createdAt: 0, updatedAt: 0 };

describe('the whole-file column scan', () => {
  it('a date column with more distinct values than it keeps still settles the order (1,000 birthdays, day first)', () => {
    const days = Array.from({ length: 1_000 }, (_, i) => `${String((i % 28) + 1).padStart(2, '0')}/${String((i % 12) + 1).padStart(2, '0')}/${1950 + (i % 50)}`);
    const csv = ['Name,Birthday', ...days.map((d, i) => `P${i},${d}`)].join('\n');
    const scan = scanColumns(csv, ',');
    expect(scan.truncated).toEqual([0, 1]);
    expect(scan.values[1]).toHaveLength(SCAN_DISTINCT);
    expect(decideDateOrder(scan.values, [null, 'f_date'], [birthday], 'en-US')).toEqual({ value: 'dmy', by: 'file' });
  });

  it('a short column is complete', () => {
    const scan = scanColumns('Stage\nLead\nCustomer\nLead\n', ',');
    expect(scan).toEqual({ values: [['Lead', 'Customer']], truncated: [] });
  });
});
