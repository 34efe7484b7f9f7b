/**
 * Whether `value` is a calendar day written `YYYY-MM-DD` (a date field's answer). `Date.UTC`
 * rolls overflows over (02-30 → 03-02) and reads years 0–99 as 1900–1999, so the day it makes
 * reads back as `value` only when `value` is a real one.
 */
export function isCalendarDay(value: string): boolean {
  const [, year, month, day] = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value) ?? [];
  return year !== undefined && new Date(Date.UTC(+year, Number(month) - 1, Number(day))).toISOString().startsWith(value);
}
