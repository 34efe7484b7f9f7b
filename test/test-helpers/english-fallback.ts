// Finds English where another language was asked for: in the registry's tables (a key left
// out, left empty or left in English) and in what the form, the editor, the e-mails and the
// pages render. Plain TypeScript over the tables' sources, for Node and browser tests alike.
import { botCheck } from '../../packages/sdk/src/i18n/locales/en/botCheck.js';
import { botCheckWidget } from '../../packages/sdk/src/i18n/locales/en/botCheckWidget.js';
import { checks } from '../../packages/sdk/src/i18n/locales/en/checks.js';
import { conditions } from '../../packages/sdk/src/i18n/locales/en/conditions.js';
import { core } from '../../packages/sdk/src/i18n/locales/en/core.js';
import { editor } from '../../packages/sdk/src/i18n/locales/en/editor.js';
import { form } from '../../packages/sdk/src/i18n/locales/en/form.js';
import { issues } from '../../packages/sdk/src/i18n/locales/en/issues.js';
import { lookups } from '../../packages/sdk/src/i18n/locales/en/lookups.js';
import { mail } from '../../packages/sdk/src/i18n/locales/en/mail.js';
import { pages } from '../../packages/sdk/src/i18n/locales/en/pages.js';
import { webhooks } from '../../packages/sdk/src/i18n/locales/en/webhooks.js';

/** The built-in languages other than English. */
export const OTHER_LANGUAGES = ['fr', 'de', 'es', 'it', 'nl', 'pt'] as const;

/** The English reference table of each namespace. */
export const ENGLISH = { core, form, editor, mail, pages, issues, lookups, checks, conditions, webhooks, botCheck, botCheckWidget } as const;

/**
 * The only texts a language may share with English, and which languages may: loanwords and
 * names the language writes the same way. Anything else equal to English is a fallback.
 */
export const SAME_AS_ENGLISH: Readonly<Record<string, readonly string[]>> = {
  '*': OTHER_LANGUAGES,
  Fax: OTHER_LANGUAGES,
  'Comptoir Duval': OTHER_LANGUAGES,
  // A history line: field, old and new value, no word of its own.
  '{field}: {from} → {to}': ['de', 'es', 'it', 'nl', 'pt'],
  // A label and what it names (a hidden link name, a label and its value): punctuation only.
  '{label}: {name}': ['de', 'es', 'it', 'nl', 'pt'],
  'E-mail': ['fr'],
  Contact: ['fr', 'nl'],
  Website: ['de', 'nl'],
  Details: ['de', 'nl'],
  No: ['es', 'it'],
  'Error:': ['es'],
  Password: ['it'],
  Filters: ['nl'],
  Filter: ['de'],
  Type: ['fr'],
  Format: ['fr'],
  Date: ['fr'],
  Message: ['fr'],
  Catalogue: ['fr'],
  Activation: ['fr'],
  Webhooks: ['fr', 'de', 'es', 'nl', 'pt'],
  Test: ['fr', 'de', 'nl'],
  Actions: ['fr'],
  Invitation: ['fr'],
  Invitations: ['fr'],
  Active: ['fr'],
};

/** Every `[path, text]` of a table: strings, plural forms and paragraphs. */
export function leaves(table: unknown, path = ''): [string, string][] {
  if (typeof table === 'string') return [[path, table]];
  if (Array.isArray(table)) return table.flatMap((item, i) => leaves(item, `${path}[${i}]`));
  return Object.entries(table as object).flatMap(([key, value]) => leaves(value, path ? `${path}.${key}` : key));
}

const placeholders = (text: string): string => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort().join(',');

/**
 * What is wrong with `table`, the `language` table of a namespace whose English table is
 * `english`: a key missing or extra (paragraph counts may differ), an empty text, other
 * placeholders than English's, a text left in English.
 */
export function tableProblems(english: unknown, table: unknown, language: string): string[] {
  const strip = (path: string) => path.replace(/\[\d+\]$/, '[]');
  const theirs = new Map(leaves(table));
  const ours = new Map(leaves(english));
  const problems: string[] = [];
  const paths = (map: Map<string, string>) => new Set([...map.keys()].map(strip));
  for (const path of paths(ours)) if (!paths(theirs).has(path)) problems.push(`${language}: missing ${path}`);
  for (const path of paths(theirs)) if (!paths(ours).has(path)) problems.push(`${language}: extra ${path}`);
  for (const [path, text] of theirs) {
    const reference = ours.get(path);
    if (text.trim() === '') problems.push(`${language}: empty ${path}`);
    if (reference === undefined) continue;
    if (placeholders(text) !== placeholders(reference)) problems.push(`${language}: ${path} has {${placeholders(text)}}, English {${placeholders(reference)}}`);
    if (text === reference && !SAME_AS_ENGLISH[text]?.includes(language)) problems.push(`${language}: ${path} is English: ${JSON.stringify(text)}`);
  }
  return problems;
}

interface EnglishText {
  readonly text: string;
  readonly match: (segment: string) => boolean;
}

let english: EnglishText[] | undefined;

// Every English text as a matcher: exactly, as a template (`Move {label}` matches `Move City`),
// or inside a longer text when it is a phrase (the form joins sentences into one status line).
function englishTexts(): EnglishText[] {
  // A language's own name is shown in every language (the switch), as is the Intl tag.
  const texts = Object.values(ENGLISH).flatMap((table) => leaves(table).filter(([path]) => path !== 'language' && path !== 'intl').map(([, text]) => text));
  english ??= [...new Set(texts)]
    // A template needs words of its own to be recognised (`Move {label}`, not `{field} is {values}`).
    .filter((text) => (text.replace(/\{\w+\}/g, '').match(/[A-Za-z]/g)?.length ?? 0) >= (text.includes('{') ? 4 : 2))
    .map((text) => {
      const pattern = new RegExp(`^${text.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\?\{\w+\\?\}/g, '.+?')}$`, 's');
      const phrase = !text.includes('{') && text.trim().split(/\s+/).length >= 3;
      return { text, match: (segment: string) => pattern.test(segment) || (phrase && segment.includes(text)) };
    });
  return english;
}

/**
 * The segments of a render in `language` that are English texts of the registry (not allowed
 * for that language), and the ones where a text is missing (`undefined`, an unfilled `{name}`).
 */
export function englishIn(segments: readonly string[], language: string): string[] {
  const found: string[] = [];
  for (const segment of segments) {
    if (/\bundefined\b|\{\w+\}|\[object Object\]/.test(segment)) found.push(`missing text in ${JSON.stringify(segment)}`);
    const hit = englishTexts().find((candidate) => candidate.match(segment) && !SAME_AS_ENGLISH[candidate.text]?.includes(language));
    if (hit) found.push(`${JSON.stringify(segment)} is English (${JSON.stringify(hit.text)})`);
  }
  return found;
}

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", '#96': '`', nbsp: '\u00a0' };

/** The texts a person reads or hears in an HTML document: text between tags, and label-like attributes. */
export function segmentsOfHtml(html: string): string[] {
  const decode = (text: string) => text.replace(/&(#?\w+);/g, (whole, name: string) => ENTITIES[name] ?? whole);
  const body = html.replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, ' ').replace(/<pre\b[\s\S]*?<\/pre>/gi, ' ');
  const attributes = [...body.matchAll(/\s(?:aria-label|title|placeholder|alt)="([^"]*)"/g)].map((m) => m[1] ?? '');
  const texts = body.replace(/<[^>]*>/g, '\n').split('\n');
  return [...texts, ...attributes].map((text) => decode(text).replace(/\s+/g, ' ').trim()).filter(Boolean);
}

/** The same, from live DOM: text nodes and label-like attributes, down through every open shadow root. */
export function segmentsOfDom(root: Node): string[] {
  const out: string[] = [];
  const visit = (node: Node): void => {
    if (node.nodeType === Node.TEXT_NODE) {
      const parent = node.parentElement;
      if (parent && !['STYLE', 'SCRIPT'].includes(parent.tagName)) out.push(node.textContent ?? '');
      return;
    }
    if (node instanceof Element) {
      for (const name of ['aria-label', 'title', 'placeholder', 'alt']) {
        const value = node.getAttribute(name);
        if (value) out.push(value);
      }
      if (node.shadowRoot) visit(node.shadowRoot);
    }
    for (const child of node.childNodes) visit(child);
  };
  visit(root);
  return out.map((text) => text.replace(/\s+/g, ' ').trim()).filter(Boolean);
}
