import type { HistoryEntry } from '../server/processing/lifecycle.js';
import type { ActivationTokenRecord, NotificationRecord } from '../server/stores/processing-store.js';
import type { AccountRequestRecord, StoredResponse } from '../server/stores/store.js';
import { ConformanceError } from './check.js';
import type { StoreConformanceTarget, StoreUnderTest } from './types.js';

/** The suite's clock: starts at a fixed instant and moves only when told. */
export interface Clock {
  now(): number;
  /** Moves the clock forward by `ms`. */
  advance(ms: number): void;
  /** The clock as an ISO 8601 instant, `offsetMs` from now. */
  iso(offsetMs?: number): string;
}

export const START = Date.parse('2026-03-02T09:00:00.000Z');

export function createClock(start = START): Clock {
  let time = start;
  return {
    now: () => time,
    advance(ms) {
      time += ms;
    },
    iso: (offsetMs = 0) => new Date(time + offsetMs).toISOString(),
  };
}

/** An instant `minutes` after {@link START}. */
export function at(minutes: number): string {
  return new Date(START + minutes * 60_000).toISOString();
}

let counter = 0;
/** An id no other case uses, readable in failure messages. */
export function uniqueId(prefix: string): string {
  counter += 1;
  return `${prefix}-${counter.toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}

/** A request as the handler stores it (every processing member set), created `minutes` after the start. */
export function requestRecord(init: { id?: string; minutes?: number; values?: AccountRequestRecord['values'] } & Partial<Omit<AccountRequestRecord, 'values'>> = {}): AccountRequestRecord {
  const { id = uniqueId('req'), minutes = 0, values, ...rest } = init;
  return {
    id,
    createdAt: at(minutes),
    values: values ?? { companyName: `Société ${id}`, email: `${id}@example.fr`, siret: '73282932000074' },
    locale: 'fr',
    access: 'full',
    status: 'new',
    inAccount: false,
    note: '',
    history: [],
    version: 1,
    ...rest,
  };
}

/** A pending notification of `requestId`, due `minutes` after the start. */
export function notificationRecord(requestId: string, init: Partial<NotificationRecord> & { minutes?: number } = {}): NotificationRecord {
  const { minutes = 0, ...rest } = init;
  const id = rest.id ?? crypto.randomUUID();
  return {
    id,
    dedupeKey: `${requestId}:${id}`,
    kind: 'confirmation',
    to: 'jeanne.martin@example.fr',
    requestId,
    subject: 'Votre demande « Société Générale » est enregistrée',
    text: 'Bonjour,\nMerci ! <b>pas du HTML</b> 🎉',
    html: '<p>Bonjour,</p><p>Merci ! &lt;b&gt; 🎉</p>',
    state: 'pending',
    attempts: 0,
    createdAt: at(minutes),
    nextAttemptAt: at(minutes),
    ...rest,
  };
}

/** An activation token of `requestId`, created at `minutes` and valid for `validMinutes`. */
export function tokenRecord(requestId: string, minutes = 0, validMinutes = 60): ActivationTokenRecord {
  return { hash: uniqueId('hash'), requestId, createdAt: at(minutes), expiresAt: at(minutes + validMinutes) };
}

/** A history entry of an admin change. */
export function historyEntry(minutes: number, changes: HistoryEntry['changes'] = [{ field: 'status', from: 'new', to: 'in-progress' }]): HistoryEntry {
  return { at: at(minutes), actor: 'admin', changes };
}

/** A 201 as the handler stores it for replay. */
export function storedResponse(id: string): StoredResponse {
  return { status: 201, body: JSON.stringify({ id, status: 'pending', access: 'full' }), contentType: 'application/json; charset=utf-8', location: `/api/account-requests/${id}` };
}

/** Opens a fresh store (and, when asked and possible, a peer on its data), runs `work`, closes both. */
export async function withStore(
  target: StoreConformanceTarget,
  work: (context: { clock: Clock; first: StoreUnderTest; peer: StoreUnderTest | undefined }) => Promise<void>,
  options: { peer?: boolean } = {},
): Promise<void> {
  const clock = createClock();
  const first = await target.open(clock.now);
  let peer: StoreUnderTest | undefined;
  try {
    if (options.peer && target.openPeer) peer = await target.openPeer(first, clock.now);
    await work({ clock, first, peer });
  } finally {
    try {
      await peer?.close?.();
    } finally {
      await first.close?.();
    }
  }
}

/** An optional part of an instance, which the target did not declare missing. */
export function part<K extends 'rateLimits' | 'config'>(instance: StoreUnderTest, name: K): NonNullable<StoreUnderTest[K]> {
  const value = instance[name];
  if (value === undefined || value === null) {
    throw new ConformanceError(`open() returned no ${name}: return one, or list '${name}' in the target's \`without\``);
  }
  return value as NonNullable<StoreUnderTest[K]>;
}
