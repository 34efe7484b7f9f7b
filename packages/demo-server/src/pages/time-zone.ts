/**
 * The back office's time zone: the server process's own (`TZ`, else the system's), in which
 * every page writes its dates. A date filter's days are that zone's days too, so that "from
 * 4 December" lists what the list shows as received on 4 December.
 */
export const PAGE_TIME_ZONE = new Intl.DateTimeFormat().resolvedOptions().timeZone ?? 'UTC';

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const offsets = new Map<string, Intl.DateTimeFormat>();

// Minutes `timeZone` is ahead of UTC at `time` ("GMT+05:30" → 330).
function offsetMinutes(time: number, timeZone: string): number {
  let format = offsets.get(timeZone);
  if (!format) offsets.set(timeZone, (format = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' })));
  const name = format.formatToParts(time).find((part) => part.type === 'timeZoneName')?.value ?? '';
  const match = /([+-])(\d{2}):?(\d{2})?/.exec(name);
  return match ? (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3] ?? 0)) : 0;
}

/**
 * The instant a calendar day `YYYY-MM-DD` starts in `timeZone` (ISO, UTC), `days` days later;
 * `undefined` for anything else (the list route then says what is wrong with it).
 */
export function dayStartIn(day: string, timeZone: string, days = 0): string | undefined {
  const match = DAY.exec(day);
  if (!match) return undefined;
  const utc = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  // Not a real date (2026-02-30 rolls over): left to the route's own check.
  if (!Number.isFinite(utc) || new Date(utc).toISOString().slice(0, 10) !== day) return undefined;
  const midnight = utc + days * 86_400_000;
  // Twice: the offset at the guess may differ from the one at the answer across a DST change.
  let time = midnight - offsetMinutes(midnight, timeZone) * 60_000;
  time = midnight - offsetMinutes(time, timeZone) * 60_000;
  const iso = new Date(time).toISOString();
  return /^\d{4}-/.test(iso) ? iso : undefined;
}

/** `filters` as the list route reads them: a `from` or `to` day becomes the instants bounding that day in `timeZone`. */
export function zonedFilters<T extends Readonly<Record<string, string | undefined>>>(filters: T, timeZone = PAGE_TIME_ZONE): T {
  const from = filters['from'] && dayStartIn(filters['from'], timeZone);
  // `to` includes its whole day: it ends where the next one starts.
  const to = filters['to'] && dayStartIn(filters['to'], timeZone, 1);
  return { ...filters, ...(from ? { from } : {}), ...(to ? { to } : {}) };
}
