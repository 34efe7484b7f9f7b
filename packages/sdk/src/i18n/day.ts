/**
 * A date field's answer (`YYYY-MM-DD`, a day with no time or zone) written with the `Intl`
 * locale `intl`, as a person reads a day ("2 January 2020", "2 janvier 2020"); any other text
 * as it is. Without imports, so that a chunk of a bundle can hold it alone.
 */
export function writeDay(value: string, intl: string): string {
  // At noon UTC, written in UTC: the same day whatever the zone of the runtime. A day the
  // calendar lacks (02-30, which Date rolls over to 03-02) does not read back, and stays as is.
  const day = new Date(`${value}T12:00Z`);
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(day.getTime()) && day.toISOString().startsWith(value)
    ? new Intl.DateTimeFormat(intl, { dateStyle: 'long', timeZone: 'UTC' }).format(day)
    : value;
}
