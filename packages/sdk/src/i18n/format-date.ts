import { writeDay } from './day.js';
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
 * reads a day ("2 January 2020", "2 janvier 2020"); any other text as it is.
 */
export function formatDay(value: string, tag?: string): string {
  return writeDay(value, intlLocale(tag));
}
