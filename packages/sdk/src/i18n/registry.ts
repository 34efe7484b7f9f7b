import { AccountRequestError } from '../errors.js';
import type { Namespaces } from './namespaces.js';
import type { PartialTable } from './table.js';
import { core as en } from './locales/en/core.js';
import { core as fr } from './locales/fr/core.js';

/** The UI languages every built-in text exists in; fr and en are inline, the others load on demand in the browser. */
export const BUILT_IN_LOCALES = ['en', 'fr', 'de', 'es', 'it', 'nl', 'pt'] as const;

/** A namespace of the registry: `core` (validation, catalog labels, shared words), `form`, `editor`, `mail`, `pages`. */
export type Namespace = keyof Namespaces;

/** Tables of one locale, any namespace, any key left out (it falls back, key by key). */
export type LocaleTables = { readonly [N in Namespace]?: PartialTable<Namespaces[N]> };

/** Returns the tables of a language when it can load them (a bundle's chunk), else `undefined`. */
export type LocaleLoader = (language: string) => Promise<LocaleTables> | undefined;

type Tree = { [key: string]: unknown };

// tag → namespace → table. fr and en core texts are built in; every other namespace and
// language is registered by the code that needs it (an element, the server, a page).
const tables = new Map<string, Tree>([
  ['en', { core: en }],
  ['fr', { core: fr }],
]);
const merged = new Map<string, unknown>();
const listeners = new Set<() => void>();
const loaders: LocaleLoader[] = [];
const loading = new Map<string, Promise<void>>();

/** `pt_BR` → `pt-br`: tags are matched without regard to case or separator. */
export const normalizeTag = (tag: unknown): string => (typeof tag === 'string' ? tag.trim().toLowerCase().replace(/_/g, '-') : '');

/** The language of a tag (`pt-BR` → `pt`), normalized; `''` for none. */
export const languageOf = (tag: unknown): string => normalizeTag(tag).split('-')[0] as string;

/**
 * Where a text is looked for, in order: the tag as asked (`pt-br`), its language (`pt`),
 * then `en`. The one fallback rule of every text: built-in, registered, in a config.
 */
export function localeChain(tag?: string): string[] {
  return [...chainOf(tag)];
}

let lastChain: { readonly tag: string | undefined; readonly chain: readonly string[] } | undefined;

/**
 * {@link localeChain} for the SDK's own lookups, not copied: a page asks it for one tag many
 * times a render (every text, every label). Only the last tag is kept, so a server answering
 * many languages holds no more than one chain.
 */
export function chainOf(tag: string | undefined): readonly string[] {
  if (lastChain !== undefined && lastChain.tag === tag) return lastChain.chain;
  const chain = Object.freeze([...new Set([normalizeTag(tag), languageOf(tag), 'en'])].filter(Boolean));
  lastChain = { tag, chain };
  return chain;
}

const isTree = (value: unknown): value is Tree => typeof value === 'object' && value !== null && !Array.isArray(value);

// `over` on top of `base`, key by key (a plural's forms too: a missing form falls back like a
// missing key); only own, non-empty values count.
function merge(base: unknown, over: unknown): unknown {
  if (!isTree(over) || !isTree(base)) return over === undefined || over === '' ? base : over;
  const out: Tree = Object.create(null) as Tree;
  for (const key of new Set([...Object.keys(base), ...Object.keys(over)])) if (key !== '__proto__') out[key] = merge(base[key], over[key]);
  return out;
}

/**
 * Adds or completes a locale at run time: `registerLocale('sv', { core: {…}, form: {…} })`.
 * Tables may be partial: a missing key falls back along {@link localeChain} (to the
 * language, then English), key by key, so `registerLocale('fr-CA', { form: { submit: '…' } })`
 * changes one text and keeps every other French one. Registering twice adds up. Elements
 * showing that locale re-render.
 */
export function registerLocale(tag: string, add: LocaleTables): void {
  const key = normalizeTag(tag);
  if (!key) throw new TypeError('registerLocale: no tag');
  tables.set(key, merge(tables.get(key), add) as Tree);
  merged.clear();
  for (const listener of listeners) listener();
}

/** The locales that have tables, built in or registered (normalized tags). */
export function registeredLocales(): string[] {
  return [...tables.keys()];
}

/** The tables registered for exactly `tag`, without fallback (`undefined` when none). */
export function registeredTables(tag: string): LocaleTables | undefined {
  return tables.get(normalizeTag(tag)) as LocaleTables | undefined;
}

/** Calls `listener` after each {@link registerLocale} (a lazily loaded language arrived); returns the unsubscribe. */
export function onLocalesChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Lets {@link texts} fetch a language it lacks (an element bundle's language chunks). */
export function addLocaleLoader(loader: LocaleLoader): void {
  loaders.push(loader);
  // A language asked for before this loader existed is asked again, of every loader.
  loading.clear();
}

/**
 * Loads the language of `tag` through the loaders, once; resolves when its tables are
 * registered (at once when no loader knows it). A failed load can be tried again.
 */
export function loadLocale(tag: string): Promise<void> {
  const language = languageOf(tag) || 'en';
  let pending = loading.get(language);
  if (!pending) {
    pending = Promise.all(
      loaders.map(async (loader) => {
        const add = await loader(language);
        if (add) registerLocale(language, add);
      }),
    ).then(
      () => undefined,
      () => void loading.delete(language),
    );
    loading.set(language, pending);
  }
  return pending;
}

/**
 * The texts of `namespace` in `tag`: each key from the tag, else its language, else English
 * ({@link localeChain}). A language not there yet is asked of the loaders, and the English
 * texts serve until it arrives ({@link onLocalesChange} tells when). Throws an
 * `AccountRequestError` for a namespace no import registered (`form` without the form package).
 */
export function texts<N extends Namespace>(namespace: N, tag?: string): Namespaces[N] {
  const chain = chainOf(tag);
  const id = `${namespace} ${chain[0] ?? ''}`;
  let out = merged.get(id);
  if (out === undefined) {
    const language = languageOf(tag);
    if (loaders.length && language && !tables.get(language)?.[namespace]) void loadLocale(language);
    out = chain.reduceRight<unknown>((acc, key) => merge(acc, tables.get(key)?.[namespace]), undefined);
    if (out === undefined) throw new AccountRequestError(`No ${namespace} texts are registered: import the package that brings them (docs/i18n.md, "The registry").`);
    merged.set(id, out);
  }
  return out as Namespaces[N];
}
