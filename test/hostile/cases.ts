// Hostile inputs shared by the Node suite (SDK, handler, demo app) and the browser suite
// (elements, validateField in Chromium): one table, so client and server are held to the
// same expected outcome. No Node or DOM API here: both sides import it.

/** Markup and script in every shape a config text could carry it. */
export const MARKUP_PAYLOADS: readonly string[] = [
  '<script>window.__pwned = "script"</script>',
  '<img src=x onerror="window.__pwned = \'img\'">',
  '<svg onload="window.__pwned = \'svg\'"></svg>',
  '<iframe src="javascript:window.top.__pwned = \'iframe\'"></iframe>',
  '"><a href="javascript:window.__pwned = \'a\'">x</a>',
  '<style>*{display:none}</style>',
  '${window.__pwned = "template"}{{constructor.constructor("window.__pwned = 1")()}}',
  '&lt;b&gt;entity&lt;/b&gt; &amp; <!-- comment -->',
];

/** One payload per text slot of a config, so a failure names the slot. */
export const MARKUP = MARKUP_PAYLOADS.join(' ');

const MARKUP_TYPES = ['select', 'radio', 'text', 'checkbox', 'textarea'] as const;

/**
 * A raw config with one displayed custom field per payload (label, help and, for choices,
 * option values and labels all carrying it) and the whole list as the confirmation message.
 */
export function markupConfigInput(): Record<string, unknown> {
  const customFields = MARKUP_PAYLOADS.map((payload, index) => {
    const type = MARKUP_TYPES[index % MARKUP_TYPES.length] ?? 'text';
    const choice = type === 'select' || type === 'radio';
    return {
      id: `evil${index}`,
      type,
      label: { en: payload, fr: payload },
      help: payload,
      ...(choice ? { options: [{ value: payload.slice(0, 100), label: payload }, { value: 'plain', label: 'Plain' }] } : {}),
    };
  });
  return {
    fields: [{ id: 'companyName' }, { id: 'email' }, ...customFields.map(({ id }) => ({ id, displayed: true }))],
    customFields,
    settings: { confirmation: { message: { en: MARKUP, fr: MARKUP } } },
  };
}

/** Element names that must never appear inside a rendered element (besides the ones it renders itself). */
export const FORBIDDEN_ELEMENTS = ['script', 'img', 'svg', 'iframe', 'a', 'style', 'object', 'embed'];

/** Redirect URLs a config must refuse, and ones it must keep. */
export const UNSAFE_REDIRECTS: readonly string[] = [
  'javascript:alert(1)',
  'JaVaScRiPt:alert(1)',
  ' javascript:alert(1)',
  '\tjavascript:alert(1)',
  'java\nscript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'vbscript:msgbox(1)',
  '//evil.example/phish',
  '/\\evil.example',
  '\\\\evil.example',
  '/\t/evil.example',
  'http://plain-http.example/',
  'https://',
];
export const SAFE_REDIRECTS: readonly string[] = ['/merci', '/thank-you?from=form#top', 'https://shop.example/merci', '/%2F%2Fevil.example'];

/** An e-mail case: what both sides must answer (`code`), and the value stored when accepted. */
export interface EmailCase {
  readonly name: string;
  readonly input: string;
  readonly code?: 'invalid_format' | 'invalid_characters';
  readonly stored?: string;
}

/**
 * Look-alike addresses: compatibility characters (Kelvin sign, full-width letters) fold to
 * ASCII under NFKC and are stored folded; what stays non-ASCII (Cyrillic, decomposed accents
 * recomposed into é) is refused; invisible and control characters are refused.
 */
export const EMAIL_CASES: readonly EmailCase[] = [
  { name: 'Cyrillic а in the local part', input: 'j\u0430ne@acme.fr', code: 'invalid_format' },
  { name: 'Cyrillic а in the domain', input: 'jane@\u0430cme.fr', code: 'invalid_format' },
  { name: 'Cyrillic о in the top-level domain', input: 'jane@acme.fr\u043e', code: 'invalid_format' },
  { name: 'Kelvin sign in the local part (folds to K)', input: 'jane\u212A@acme.fr', stored: 'janeK@acme.fr' },
  { name: 'Kelvin sign in the domain (folds to k, lower-cased)', input: 'jane@\u212Acme.fr', stored: 'jane@kcme.fr' },
  { name: 'decomposed accent in the local part (recomposes to é)', input: 'jose\u0301@acme.fr', code: 'invalid_format' },
  { name: 'decomposed accent in the domain', input: 'jane@acme\u0301.fr', code: 'invalid_format' },
  { name: 'full-width letters and at sign', input: '\uFF4A\uFF41\uFF4E\uFF45\uFF20acme.fr', stored: 'jane@acme.fr' },
  { name: 'upper-case domain', input: 'Jane@ACME.FR', stored: 'Jane@acme.fr' },
  { name: 'zero-width space', input: 'ja\u200Bne@acme.fr', code: 'invalid_format' },
  { name: 'ideographic full stop in the domain', input: 'jane@acme\u3002fr', code: 'invalid_format' },
  { name: 'right-to-left override', input: 'jane@acme.fr\u202E', code: 'invalid_characters' },
  { name: 'NUL byte', input: 'jane@acme.fr\u0000', code: 'invalid_characters' },
  { name: 'punycode domain', input: 'jane@xn--acm-bma.fr', stored: 'jane@xn--acm-bma.fr' },
];

/** A length case on `lastName` (maxLength 80 code points in the catalog). */
export interface LengthCase {
  readonly name: string;
  readonly input: string;
  readonly code?: 'too_long';
  readonly codePoints: number;
  readonly utf16: number;
}

const lengthCase = (name: string, input: string, ok: boolean): LengthCase => ({
  name,
  input,
  ...(ok ? {} : { code: 'too_long' as const }),
  codePoints: [...input.normalize('NFC')].length,
  utf16: input.length,
});

/** `maxLength` counts code points after NFC, never UTF-16 units and never grapheme clusters. */
export const LAST_NAME_MAX = 80;
export const LENGTH_CASES: readonly LengthCase[] = [
  lengthCase('80 emoji (160 UTF-16 units)', '😀'.repeat(80), true),
  lengthCase('81 emoji', '😀'.repeat(81), false),
  lengthCase('80 mathematical letters (astral)', '𝒜'.repeat(80), true),
  lengthCase('80 decomposed é (160 code points before NFC)', 'e\u0301'.repeat(80), true),
  lengthCase('16 ZWJ families (80 code points)', '👨‍👩‍👧'.repeat(16), true),
  lengthCase('17 ZWJ families (85 code points, 17 graphemes)', '👨‍👩‍👧'.repeat(17), false),
  lengthCase('80 ASCII letters', 'M'.repeat(80), true),
  lengthCase('81 ASCII letters', 'M'.repeat(81), false),
];

/** Text values every one-line field must refuse with `invalid_characters`. */
export const FORBIDDEN_TEXT: readonly { readonly name: string; readonly input: string }[] = [
  { name: 'NUL byte', input: 'Mar\u0000tin' },
  { name: 'bell (C0 control)', input: 'Mar\u0007tin' },
  { name: 'C1 control', input: 'Mar\u0085tin' },
  { name: 'DEL', input: 'Mar\u007Ftin' },
  { name: 'right-to-left override', input: 'Mar\u202Etin' },
  { name: 'left-to-right embedding', input: '\u202AMartin' },
  { name: 'first-strong isolate', input: 'Mar\u2068tin\u2069' },
  // A BOM at either end is trimmed like white space (String#trim); inside, it is refused.
  { name: 'byte order mark inside', input: 'Mar\uFEFFtin' },
  { name: 'lone high surrogate', input: 'Mar\uD800tin' },
  { name: 'lone low surrogate', input: 'Mar\uDC00tin' },
  { name: 'newline in a one-line field', input: 'Mar\ntin' },
];
