import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Where typed values wait until a submission succeeds. */
export type DraftMode = 'local' | 'session' | 'off';

/** What is stored: only fields the person typed, and the idempotency key of this draft. */
export interface Draft {
  readonly idempotencyKey: string;
  readonly values: Readonly<Record<string, string | boolean>>;
  /** The names of the files chosen in file fields: storage cannot keep files, so the form asks for them again. */
  readonly files?: Readonly<Record<string, readonly string[]>>;
}

/** Prefix of the storage key; the resolved action URL follows it. */
export const DRAFT_KEY_PREFIX = 'account-request-draft:';
const SAVE_DELAY_MS = 400;

/**
 * Keeps a draft in localStorage or sessionStorage under a key of the action URL.
 * Saves are debounced while the person types and flushed on blur, disconnect and `pagehide`.
 * Storage can be missing or full (private windows, sandboxed frames): the form
 * then simply works without drafts.
 */
export class DraftController implements ReactiveController {
  readonly #settings: () => { mode: DraftMode; key: string };
  #timer: ReturnType<typeof setTimeout> | undefined;
  #pending: Draft | undefined;

  constructor(host: ReactiveControllerHost, settings: () => { mode: DraftMode; key: string }) {
    this.#settings = settings;
    host.addController(this);
  }

  // A reload, a Back or a closed tab within the debounce blurs nothing: `pagehide` writes it.
  hostConnected(): void {
    addEventListener('pagehide', this);
  }

  hostDisconnected(): void {
    removeEventListener('pagehide', this);
    this.flush();
  }

  /** The page's `pagehide`. */
  handleEvent(): void {
    this.flush();
  }

  /** The stored draft, or `undefined` when there is none or it is unreadable. */
  load(): Draft | undefined {
    const raw = this.#tryStorage((storage, key) => storage.getItem(key));
    if (typeof raw !== 'string') return undefined;
    try {
      return toDraft(JSON.parse(raw));
    } catch {
      return undefined;
    }
  }

  /** Schedules a save of `draft`. */
  save(draft: Draft): void {
    this.#pending = draft;
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.flush(), SAVE_DELAY_MS);
  }

  /** Writes a scheduled save now. */
  flush(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    const draft = this.#pending;
    this.#pending = undefined;
    if (draft) this.#tryStorage((storage, key) => storage.setItem(key, JSON.stringify(draft)));
  }

  /** Forgets the draft, including a scheduled save. */
  clear(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#pending = undefined;
    this.#tryStorage((storage, key) => storage.removeItem(key));
  }

  #tryStorage<T>(run: (storage: Storage, key: string) => T): T | undefined {
    const { mode, key } = this.#settings();
    if (mode === 'off') return undefined;
    try {
      return run(mode === 'session' ? sessionStorage : localStorage, key);
    } catch {
      return undefined;
    }
  }
}

// Storage is shared with every script of the origin: read it as untrusted input.
function toDraft(input: unknown): Draft | undefined {
  if (typeof input !== 'object' || input === null) return undefined;
  const { idempotencyKey, values } = input as Record<string, unknown>;
  if (typeof idempotencyKey !== 'string' || typeof values !== 'object' || values === null) return undefined;
  const clean = Object.create(null) as Record<string, string | boolean>;
  for (const [id, value] of Object.entries(values)) {
    if (typeof value === 'string' || typeof value === 'boolean') clean[id] = value;
  }
  const files = toFileNames((input as Record<string, unknown>)['files']);
  return files ? { idempotencyKey, values: clean, files } : { idempotencyKey, values: clean };
}

// File names by field: lists of strings, a few of them (a field takes five files at most).
function toFileNames(input: unknown): Record<string, string[]> | undefined {
  if (typeof input !== 'object' || input === null) return undefined;
  const clean = Object.create(null) as Record<string, string[]>;
  for (const [id, names] of Object.entries(input)) {
    if (Array.isArray(names)) clean[id] = names.filter((name): name is string => typeof name === 'string').slice(0, 5);
  }
  return clean;
}
