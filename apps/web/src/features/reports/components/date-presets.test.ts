import { describe, expect, it } from 'vitest';
import { presetRange, startOfWeek } from './date-presets';

describe('presetRange', () => {
  // Wednesday 2026-11-25, mid-afternoon local time.
  const now = new Date(2026, 10, 25, 15, 30);
  const local = (iso: string) => {
    const d = new Date(iso);
    return `${d.getFullYear()}-${d.getMonth() + 1}-${d.getDate()} ${d.getHours()}:${d.getMinutes()}`;
  };

  it('should cover today from midnight to midnight', () => {
    const r = presetRange('today', now);
    expect([local(r.from), local(r.to)]).toEqual(['2026-11-25 0:0', '2026-11-26 0:0']);
  });

  it('should give last week as Monday to Monday before this week', () => {
    const r = presetRange('lastWeek', now);
    expect([local(r.from), local(r.to)]).toEqual(['2026-11-16 0:0', '2026-11-23 0:0']);
  });

  it('should give the last 7 days including today, and this month from the 1st', () => {
    expect(local(presetRange('last7', now).from)).toBe('2026-11-19 0:0');
    expect(local(presetRange('thisMonth', now).from)).toBe('2026-11-1 0:0');
  });

  it('should start weeks on Monday even on a Sunday', () => {
    expect(startOfWeek(new Date(2026, 10, 29, 12)).getDate()).toBe(23);
  });
});
