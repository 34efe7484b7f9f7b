/** The plural categories of `Intl.PluralRules`. */
export type PluralCategory = 'zero' | 'one' | 'two' | 'few' | 'many' | 'other';

/**
 * A text that changes with a number: one form per plural category the language uses, `other`
 * always (`{ one: '1 field', other: '{count} fields' }`). `format()` picks the form with
 * `Intl.PluralRules` from the `count` parameter.
 */
export type Plural = { readonly other: string } & { readonly [C in Exclude<PluralCategory, 'other'>]?: string };

/** A leaf of a table: a text with `{name}` placeholders, a plural, or paragraphs. */
export type Text = string | Plural;

// An object whose keys are all plural categories is a plural; any other object is a group.
type IsPlural<T> = [keyof T] extends [PluralCategory] ? ('other' extends keyof T ? true : false) : false;

/**
 * The shape every locale's table of a namespace must have, given the English one: the same
 * keys, texts where English has texts, plurals where it has plurals. Declare a locale's table
 * `satisfies Table<typeof en>`: a missing or extra key is a type error.
 */
export type Table<T> = {
  readonly [K in keyof T]: T[K] extends string
    ? string
    : T[K] extends readonly string[]
      ? readonly string[]
      : IsPlural<T[K]> extends true
        ? Plural
        : Table<T[K]>;
};

/** A table where any key may be missing: what `registerLocale` accepts (a missing key falls back). */
export type PartialTable<T> = {
  readonly [K in keyof T]?: T[K] extends string
    ? string
    : T[K] extends readonly string[]
      ? readonly string[]
      : IsPlural<T[K]> extends true
        ? Plural
        : PartialTable<T[K]>;
};
