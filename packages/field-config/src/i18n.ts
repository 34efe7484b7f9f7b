import { addLocaleLoader, format, registerLocale, texts, type LocaleTables, type Namespaces, type UnvalidatedAccounts } from '@account-request/sdk';
import { editor as en } from '@account-request/sdk/locales/en/editor';
import { editor as fr } from '@account-request/sdk/locales/fr/editor';
import { botCheck as enBotCheck } from '@account-request/sdk/locales/en/botCheck';
import { botCheck as frBotCheck } from '@account-request/sdk/locales/fr/botCheck';

// As in the form: French and English inline, the other built-in languages in sibling chunks
// (the editor's words and config issues; the preview's form fetches its own).
registerLocale('en', { editor: en, botCheck: enBotCheck });
registerLocale('fr', { editor: fr, botCheck: frBotCheck });
const chunks: Readonly<Record<string, () => Promise<LocaleTables>>> = {
  de: () => import('./locales/editor-de.js'),
  es: () => import('./locales/editor-es.js'),
  it: () => import('./locales/editor-it.js'),
  nl: () => import('./locales/editor-nl.js'),
  pt: () => import('./locales/editor-pt.js'),
};
addLocaleLoader((language) => (Object.hasOwn(chunks, language) ? chunks[language]?.() : undefined));

type Own = Namespaces['editor'];
type Worded = 'move' | 'displayedFor' | 'requiredFor' | 'moved' | 'editField' | 'removeField' | 'optionValue' | 'optionFr' | 'optionEn' | 'removeOption' | 'confirmRemove' | 'access';

/** The editor's UI strings for one locale: the registry's `editor` texts, with their parameters as arguments. */
export interface Strings extends Omit<Own, Worded> {
  readonly errorPrefix: string;
  readonly move: (label: string) => string;
  readonly displayedFor: (label: string) => string;
  readonly requiredFor: (label: string) => string;
  readonly moved: (label: string, position: number, total: number) => string;
  readonly editField: (label: string) => string;
  readonly removeField: (label: string) => string;
  readonly optionValue: (n: number) => string;
  readonly optionFr: (n: number) => string;
  readonly optionEn: (n: number) => string;
  readonly removeOption: (n: number) => string;
  readonly confirmRemove: (label: string) => string;
  /** Label and help of each choice. */
  readonly access: Readonly<Record<UnvalidatedAccounts, readonly [string, string]>>;
  /** The bot check's words (its setting and help come from the `botCheck` namespace). */
  readonly botCheck: Namespaces['botCheck'];
}

const cache = new WeakMap<Own, Strings>();

/** The editor's UI strings in `locale` (any tag: the registry's fallback applies); a new object when the registry changes. */
export function strings(locale: string): Strings {
  const t = texts('editor', locale);
  let out = cache.get(t);
  if (!out) {
    const access = (value: UnvalidatedAccounts) => [t.access[value].label, t.access[value].help] as const;
    out = {
      ...t,
      errorPrefix: texts('core', locale).errorPrefix,
      move: (label) => format(t.move, { label }),
      displayedFor: (label) => format(t.displayedFor, { label }),
      requiredFor: (label) => format(t.requiredFor, { label }),
      moved: (label, position, total) => format(t.moved, { label, position, total }),
      editField: (label) => format(t.editField, { label }),
      removeField: (label) => format(t.removeField, { label }),
      optionValue: (n) => format(t.optionValue, { n }),
      optionFr: (n) => format(t.optionFr, { n }),
      optionEn: (n) => format(t.optionEn, { n }),
      removeOption: (n) => format(t.removeOption, { n }),
      confirmRemove: (label) => format(t.confirmRemove, { label }),
      access: { none: access('none'), 'block-purchase': access('block-purchase'), 'block-login': access('block-login') },
      botCheck: texts('botCheck', locale),
    };
    cache.set(t, out);
  }
  return out;
}
