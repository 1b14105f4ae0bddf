export const PRESETS = ['today', 'last7', 'lastWeek', 'thisMonth'] as const;
export type Preset = (typeof PRESETS)[number];

export const PRESET_LABELS: Record<Preset, string> = {
  today: 'Today',
  last7: 'Last 7 days',
  lastWeek: 'Last week',
  thisMonth: 'This month',
};

const startOfDay = (d: Date) => new Date(d.getFullYear(), d.getMonth(), d.getDate());
const addDays = (d: Date, n: number) => new Date(d.getFullYear(), d.getMonth(), d.getDate() + n);

/** Monday 00:00 of the week containing `d`, in local time (weeks start on Monday). */
export function startOfWeek(d: Date): Date {
  const day = (d.getDay() + 6) % 7;
  return addDays(startOfDay(d), -day);
}

/** A preset as a half-open [from, to) range of local days, in ISO (UTC) for the API. */
export function presetRange(preset: Preset, now = new Date()): { from: string; to: string } {
  const today = startOfDay(now);
  const tomorrow = addDays(today, 1);
  const range = (from: Date, to: Date) => ({ from: from.toISOString(), to: to.toISOString() });
  switch (preset) {
    case 'today':
      return range(today, tomorrow);
    case 'last7':
      return range(addDays(today, -6), tomorrow);
    case 'lastWeek': {
      const thisWeek = startOfWeek(now);
      return range(addDays(thisWeek, -7), thisWeek);
    }
    case 'thisMonth':
      return range(new Date(now.getFullYear(), now.getMonth(), 1), tomorrow);
  }
}
