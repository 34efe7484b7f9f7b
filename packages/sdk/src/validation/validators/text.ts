/**
 * Unicode NFC then trim: the canonical form of every text value, so the same
 * input compares, counts and stores alike on client and server.
 */
export function normalizeText(v: string): string {
  return v.normalize('NFC').trim();
}

// White space, and the characters Unicode says draw nothing (Default_Ignorable_Code_Point): zero-width
// space, joiners, word joiner, BOM, soft hyphen, Hangul fillers… A pasted "empty" cell often holds them.
const BLANK = /^[\s\p{DI}]*$/u;

/**
 * True when `v` shows nothing: empty, or only white space and invisible characters (Unicode's
 * Default_Ignorable_Code_Point: U+200B–U+200D, U+2060, U+FEFF, U+00AD, U+3164…). Such a value
 * counts as not given: a required field refuses it.
 */
export function isBlank(v: string): boolean {
  return BLANK.test(v);
}

// C0/C1 controls, bidi embeddings/overrides/isolates (the "Trojan Source" trick that
// reorders what a reviewer sees), lone surrogates (not storable as UTF-8), and BOM; on one
// line, the line and paragraph separators U+2028–2029 too, as `\n`.
const FORBIDDEN_LINE = /[\0-\x1F\x7F-\x9F\u2028-\u202E\u2066-\u2069\uFEFF\uD800-\uDFFF]/u;
const FORBIDDEN_MULTILINE = /[\0-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F\u202A-\u202E\u2066-\u2069\uFEFF\uD800-\uDFFF]/u;

/**
 * True when `v` holds a character no form value may carry: C0/C1 control characters
 * (NUL included; `\n`, `\r`, `\t` and U+2028–2029 are allowed only when `multiline`), bidi
 * overrides and isolates (U+202A–202E, U+2066–2069), lone surrogates, or U+FEFF.
 */
export function hasForbiddenCharacters(v: string, options?: { multiline?: boolean }): boolean {
  return (options?.multiline ? FORBIDDEN_MULTILINE : FORBIDDEN_LINE).test(v);
}

// Made on first use, so that a bundle that never strips (the form's) holds nothing of it.
let forbiddenLineAll: RegExp | undefined;

/** `v` without the characters {@link hasForbiddenCharacters} refuses on one line (for a text that comes from elsewhere, to keep). */
export function withoutForbiddenCharacters(v: string): string {
  forbiddenLineAll ??= new RegExp(FORBIDDEN_LINE.source, 'gu');
  return v.replace(forbiddenLineAll, '');
}

/**
 * A text written elsewhere (a config, an outside service), as a form shows it and a submission
 * can carry it back: on one line (line breaks and tabs become spaces, runs of spaces one),
 * without the characters {@link hasForbiddenCharacters} refuses, NFC, trimmed. NFC comes after
 * the removal: a control between a letter and its accent would otherwise leave the two
 * uncomposed, and the text would change on its next pass (a stored config then reads differently).
 */
export function oneLine(v: string): string {
  return withoutForbiddenCharacters(v.replace(/\s+/g, ' ')).normalize('NFC').replace(/ {2,}/g, ' ').trim();
}

/**
 * Length in Unicode code points, the unit of every min/max length in the SDK
 * (an emoji or a CJK extension character counts as one, as a user would expect;
 * `String#length` would count UTF-16 units). A lone surrogate counts as one.
 */
export function codePointLength(v: string): number {
  return v.length - (v.match(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g)?.length ?? 0);
}

/**
 * Drops spaces (no-break spaces included), dots, dashes and invisible characters (zero-width
 * space, LRM/RLM marks, soft hyphen: Default_Ignorable_Code_Point) and uppercases: how
 * identifiers such as SIRET, VAT numbers or IBANs are typed or pasted ("FR 40 303.265-045").
 */
export function compactIdentifier(v: string): string {
  return v.replace(/[\s.\-\u2010-\u2015\p{DI}]/gu, '').toUpperCase();
}
