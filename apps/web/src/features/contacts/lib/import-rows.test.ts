import { describe, expect, it } from 'vitest';
import { dedupeByPhone, importPhoneKey, rejectedRowsCsv } from './import-rows';

describe('import rows', () => {
  it('should read phones in the workspace country as the API does (valid numbers only)', () => {
    expect(importPhoneKey('020 7946 0958', 'GB')).toBe('+442079460958');
    expect(importPhoneKey('(212) 555-1234', 'US')).toBe('+12125551234');
    expect(importPhoneKey('212.555.1234', 'US')).toBe('+12125551234');
    expect(importPhoneKey('12', 'US')).toBeNull();
    expect(importPhoneKey('  ', 'US')).toBeNull();
  });

  it('should keep the first row of each phone and reject the later ones, leaving unreadable phones to the API', () => {
    const rows = [
      { row: 2, phone: '020 7946 0958' },
      { row: 3, phone: '12' },
      { row: 4, phone: '+44 20 7946 0958' },
      { row: 5, phone: '12' },
      { row: 6, phone: '07700 900123' },
    ];
    const { unique, duplicates } = dedupeByPhone(rows, 'GB');
    expect(unique.map((r) => r.row)).toEqual([2, 3, 5, 6]);
    expect(duplicates).toEqual([{ row: 4, reason: 'Same phone as row 2' }]);
  });

  it('should write the rejected rows with their original columns and every reason', () => {
    const csv = rejectedRowsCsv(['Name', 'Phone'], [['Ann', '1'], ['=Bob', '2'], ['Cy', '3']], [{ row: 4, reason: 'b' }, { row: 3, reason: 'x' }, { row: 4, reason: 'a' }]);
    expect(csv).toBe("Name,Phone,Rejected because\r\n'=Bob,2,x\r\nCy,3,b; a\r\n");
  });
});
