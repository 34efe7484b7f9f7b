import type { ResolvedField } from '@account-request/sdk';
import type { FieldValue } from '../fields/shared.js';
import type { FormStrings } from '../i18n.js';

/** How the summary words an answer: the bundle's own helpers, handed over. */
export interface AnswerWords {
  readonly strings: FormStrings;
  readonly locale: string;
  readonly countryName: (code: string, locale: string) => string;
  readonly fileSize: (bytes: number, locale: string) => string;
  readonly day: (value: string, locale: string) => string;
}

/**
 * An answer as the summary shows it: the label of a chosen option, a country's name, a day in
 * the page's language, Yes or No for a box, file names with their sizes, "Not answered" for a
 * blank, and never a password.
 */
export function answerText(field: ResolvedField, value: FieldValue | undefined, words: AnswerWords): string {
  const { strings, locale } = words;
  if (field.type === 'checkbox') return value === true ? strings.yes : strings.no;
  if (Array.isArray(value)) {
    return value.length ? value.map((file: File) => `${file.name} (${words.fileSize(file.size, locale)})`).join(', ') : strings.notAnswered;
  }
  const text = typeof value === 'string' ? value.trim() : '';
  if (!text) return strings.notAnswered;
  if (field.type === 'password') return strings.passwordGiven;
  if (field.type === 'country') return words.countryName(text, locale);
  if (field.type === 'date') return words.day(text, locale);
  return field.options?.find((option) => option.value === text)?.label ?? text;
}
