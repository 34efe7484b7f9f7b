import { isCalendarDay } from '../validation/validators/date.js';
import { intlLocale } from './format.js';

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** `date` (a `Date`, an ISO string or a time value) written for `tag` with `Intl.DateTimeFormat`. */
export function formatDate(date: Date | string | number, tag: string | undefined, options: Intl.DateTimeFormatOptions): string {
  const locale = intlLocale(tag);
  const key = `${locale} ${JSON.stringify(options)}`;
  let formatter = dateFormats.get(key);
  if (!formatter) dateFormats.set(key, (formatter = new Intl.DateTimeFormat(locale, options)));
  return formatter.format(new Date(date));
}

/**
 * A date field's answer (`YYYY-MM-DD`, a day with no time or zone) written for `tag`, as a person
 * reads a day ("2 January 2020", "2 janvier 2020"); any other text, or a day the calendar lacks,
 * as it is.
 */
export function formatDay(value: string, tag?: string): string {
  // At noon UTC, written in UTC: the same day whatever the zone of the runtime. Not through
  // formatDate: the form's first file holds this (for its steps summary), not that one's cache.
  return isCalendarDay(value) ? new Intl.DateTimeFormat(intlLocale(tag), { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${value}T12:00Z`)) : value;
}
