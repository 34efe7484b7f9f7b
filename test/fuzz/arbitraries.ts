// Generators shared by the fuzzers: hostile strings, config-shaped input and submission bodies.
// Shapes are "near valid" on purpose: pure noise is refused at the first check, so it never
// reaches the deeper rules.
import fc from 'fast-check';
import { CUSTOM_FIELD_FORMATS, CUSTOM_FIELD_TYPES, FIELD_CATALOG, HONEYPOT_FIELD, parseConfig, resolveFields, safeParseConfig, type FormConfig, type ResolvedField } from '@account-request/sdk';

const CATALOG_IDS = FIELD_CATALOG.map((field) => field.id);

/** Keys an attacker tries on any object. */
export const POLLUTING_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty'] as const;

/** Characters that break naive code: controls, NUL, bidi, surrogates, combining marks, look-alikes, markup. */
const NASTY_CHARS = [
  '\u0000', '\u0007', '\n', '\r', '\t', '\u007f', '\u0085', '\u00a0', '\u200b', '\u200d', '\u202e', '\u2066', '\ufeff',
  '\ud800', '\udfff', '\u0301', '\u212a', '\u0430', '\uff20', '😀', '👨‍👩‍👧', '<', '>', '"', "'", '&', '\\', '/', '@', '.', '-', ' ',
];

/** Short strings mixing ordinary text with the characters above. */
export const nastyString = (maxLength = 40): fc.Arbitrary<string> =>
  fc.array(fc.oneof({ weight: 3, arbitrary: fc.string({ unit: 'grapheme', maxLength: 4 }) }, { weight: 2, arbitrary: fc.constantFrom(...NASTY_CHARS) }, fc.string({ unit: 'binary', maxLength: 3 })), { maxLength })
    .map((parts) => parts.join(''));

/** Any value JSON.parse can return, with hostile keys and strings mixed in. */
export const hostileJson: fc.Arbitrary<unknown> = fc.jsonValue({ maxDepth: 4 }).chain((value) =>
  fc.oneof(fc.constant(value), fc.dictionary(fc.oneof(fc.constantFrom(...POLLUTING_KEYS), fc.string({ maxLength: 8 })), fc.oneof(fc.jsonValue({ maxDepth: 2 }), nastyString()), { maxKeys: 5 })),
);

/** A text or a locale map: the shape of labels, help texts and messages. */
const localized = fc.oneof(
  nastyString(60),
  fc.dictionary(fc.oneof(fc.constantFrom('fr', 'en', 'en-GB', 'de', 'zh-Hant-TW', ...POLLUTING_KEYS), fc.string({ maxLength: 6 })), nastyString(30), { maxKeys: 4 }),
  fc.constantFrom('x'.repeat(201), 'x'.repeat(2001), 42, null, [], {}),
);

const anyValue = fc.oneof(fc.jsonValue({ maxDepth: 2 }), nastyString(10));
const maybe = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(fc.oneof({ weight: 5, arbitrary }, { weight: 1, arbitrary: anyValue }), { nil: undefined, freq: 3 });

const customId = fc.oneof(
  fc.stringMatching(/^[a-z][A-Za-z0-9_]{0,10}$/),
  fc.constantFrom(...CATALOG_IDS, ...POLLUTING_KEYS, 'x'.repeat(65), '', 'Sector', 'a b', 'é'),
);

const customField = fc.record(
  {
    id: customId,
    type: fc.oneof({ weight: 8, arbitrary: fc.constantFrom(...CUSTOM_FIELD_TYPES) }, { weight: 1, arbitrary: fc.constantFrom('password', 'file', 'script', '', 'TEXT') }),
    label: localized,
    help: maybe(localized),
    options: maybe(fc.array(fc.record({ value: fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom('', 'x'.repeat(101))), label: localized }, { requiredKeys: ['value'] }), { maxLength: 6 })),
    format: maybe(fc.constantFrom(...CUSTOM_FIELD_FORMATS, 'regex', '^(a+)+$')),
    minLength: maybe(fc.integer({ min: -5, max: 12_000 })),
    maxLength: maybe(fc.integer({ min: -5, max: 12_000 })),
  },
  { requiredKeys: ['id', 'type', 'label'] },
);

const fieldEntry = fc.record(
  { id: fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...CATALOG_IDS) }, { weight: 2, arbitrary: customId }), displayed: maybe(fc.boolean()), required: maybe(fc.boolean()) },
  { requiredKeys: ['id'] },
);

const settings = fc.record(
  {
    unvalidatedAccounts: maybe(fc.constantFrom('none', 'block-purchase', 'block-login')),
    alertEmail: maybe(fc.oneof(fc.constantFrom('sales@example.com', 'sales@ex\u0430mple.com', ''), fc.emailAddress(), nastyString(20))),
    quickRegistration: maybe(fc.boolean()),
    defaultAccountState: maybe(fc.constantFrom('active', 'inactive')),
    confirmation: maybe(
      fc.record(
        {
          redirectUrl: maybe(fc.oneof(fc.constantFrom('/merci', 'https://shop.example/ok', 'javascript:alert(1)', '//evil.example', '/\\evil', 'data:,x', 'http://x.example'), fc.webUrl(), nastyString(20))),
          message: maybe(localized),
        },
        { requiredKeys: [] },
      ),
    ),
  },
  { requiredKeys: [] },
);

/** Config-shaped input: right keys, values mostly of the right kind, with hostile detours. */
export const configLike: fc.Arbitrary<Record<string, unknown>> = fc.record(
  {
    version: maybe(fc.integer({ min: -1, max: 3 })),
    enabled: maybe(fc.boolean()),
    fields: maybe(fc.array(fieldEntry, { maxLength: 30 })),
    customFields: maybe(fc.array(customField, { maxLength: 6 })),
    settings: maybe(settings),
  },
  { requiredKeys: [] },
);

const TEXT_TYPES = new Set(['text', 'textarea', 'email', 'tel', 'url']);

const validCustomField = fc
  .record({
    id: fc.stringMatching(/^[a-z][A-Za-z0-9]{0,8}$/).map((id) => `x_${id}`),
    type: fc.constantFrom(...CUSTOM_FIELD_TYPES),
    label: fc.oneof(fc.string({ minLength: 1, maxLength: 30 }), fc.record({ fr: fc.string({ minLength: 1, maxLength: 20 }), en: fc.string({ minLength: 1, maxLength: 20 }) })),
    options: fc.uniqueArray(fc.string({ minLength: 1, maxLength: 8 }), { minLength: 1, maxLength: 5 }),
    format: fc.option(fc.constantFrom(...CUSTOM_FIELD_FORMATS), { nil: undefined }),
    lengths: fc.option(fc.tuple(fc.integer({ min: 0, max: 50 }), fc.integer({ min: 0, max: 300 })), { nil: undefined }),
  })
  .map(({ id, type, label, options, format, lengths }) => {
    const textual = TEXT_TYPES.has(type);
    const [min, max] = lengths ?? [];
    return {
      id,
      type,
      label: typeof label === 'string' && label.trim() === '' ? 'Label' : label,
      ...(type === 'select' || type === 'radio' ? { options: options.map((value) => ({ value, label: value })) } : {}),
      ...(textual && format ? { format } : {}),
      ...(textual && min !== undefined && max !== undefined ? { minLength: Math.min(min, max), maxLength: Math.max(min, max) } : {}),
    };
  });

/**
 * Valid configs, normalized: custom fields of every type, catalog and custom fields shown,
 * required or hidden at random, in a random order.
 */
export const validConfig: fc.Arbitrary<FormConfig> = fc
  .record({
    customFields: fc.uniqueArray(validCustomField, { maxLength: 6, selector: (field) => field.id }),
    order: fc.infiniteStream(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.boolean(), fc.boolean())).map((stream) => stream.take(FIELD_CATALOG.length + 6)),
    settings: fc.record({
      unvalidatedAccounts: fc.constantFrom('none', 'block-purchase', 'block-login'),
      quickRegistration: fc.boolean(),
      defaultAccountState: fc.constantFrom('active', 'inactive'),
      confirmation: fc.record({ redirectUrl: fc.constantFrom('/merci', 'https://shop.example/ok') }, { requiredKeys: [] }),
    }),
  })
  .map(({ customFields, order, settings: chosen }) => {
    const draws = [...order];
    const ids = [...CATALOG_IDS, ...customFields.map((field) => field.id)];
    const fields = ids
      .map((id, index) => ({ id, draw: draws[index] ?? [0, true, false] }))
      .sort((a, b) => a.draw[0] - b.draw[0])
      .map(({ id, draw }) => ({ id, displayed: draw[1], required: draw[2] }));
    return safeParseConfig({ fields, customFields, settings: chosen });
  })
  .filter((result) => result.success)
  .map((result) => (result.success ? result.config : parseConfig({})));

/** A value for one field: mostly text of the right kind, sometimes the wrong type. */
const fieldValue = fc.oneof(
  { weight: 4, arbitrary: nastyString(30) },
  { weight: 2, arbitrary: fc.constantFrom('Acme SAS', 'jane@acme.fr', '+33 1 23 45 67 89', '75002', 'FR', 'BE', '2024-02-29', '12,5', '42', 'on', 'true', 'retail', '73282932000074', 'FR40303265045') },
  { weight: 1, arbitrary: fc.oneof(fc.boolean(), fc.integer(), fc.double(), fc.constant(null), fc.array(fc.string(), { maxLength: 2 }), fc.object({ maxDepth: 1 })) },
  { weight: 1, arbitrary: fc.constantFrom('x'.repeat(20_000), '😀'.repeat(300)) },
);

/** Submission bodies for `config`: its field ids (and others) with values of every kind. */
export function submissionFor(config: FormConfig): fc.Arbitrary<unknown> {
  const ids = [...config.fields.map((field) => field.id), HONEYPOT_FIELD, 'unknownField', 'confirmed', ...POLLUTING_KEYS];
  const values = fc.dictionary(fc.constantFrom(...ids), fieldValue, { maxKeys: ids.length });
  const body = fc.record(
    { values: fc.oneof({ weight: 8, arbitrary: values }, { weight: 1, arbitrary: anyValue }), confirmed: fc.oneof({ weight: 6, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: anyValue }), locale: maybe(fc.constantFrom('fr', 'en', 'de', 'fr-CA', '')) },
    { requiredKeys: [] },
  );
  return fc.oneof({ weight: 8, arbitrary: body }, { weight: 1, arbitrary: fc.anything({ withNullPrototype: true, withObjectString: true, key: fc.oneof(fc.string(), fc.constantFrom(...POLLUTING_KEYS)) }) });
}

// Values the catalog accepts, per field (postal codes assume the default country, FR).
const CATALOG_GOOD: Readonly<Record<string, string | boolean>> = {
  companyName: 'Acme SAS', siret: '732 829 320 00074', vatNumber: 'FR40303265045', firstName: 'Jane', lastName: 'Martin', position: 'CTO',
  department: 'Ventes', email: 'jane@acme.fr', phone: '+33 1 23 45 67 89', mobile: '06 12 34 56 78', fax: '01 23 45 67 89',
  website: 'https://acme.example', street: '1 rue de la Paix', addressComplement: 'Bât. B', poBox: 'BP 12', postalCode: '75002',
  city: 'Paris', country: 'FR', remarks: 'Bonjour\nMerci', password: 'correct horse battery staple', newsletter: true, partnerOffers: true,
};

const chars = (alphabet: string) => fc.constantFrom(...alphabet);
const FORMAT_UNITS: Readonly<Record<string, fc.Arbitrary<string>>> = {
  digits: chars('0123456789'),
  letters: chars('abcdefghijéèçABC'),
};
const FORMAT_GOOD: Readonly<Record<string, string>> = { 'postal-code': '75002', phone: '+33 1 23 45 67 89', email: 'jane@acme.fr', url: 'https://acme.example' };
const TYPE_GOOD: Readonly<Record<string, string>> = { email: 'jane@acme.fr', tel: '+33 1 23 45 67 89', url: 'https://acme.example', number: '42', date: '2024-02-29' };

/** A value `field` accepts (mostly: custom length bounds and formats can still refuse it). */
function goodValue(field: ResolvedField, config: FormConfig): fc.Arbitrary<unknown> {
  if (!field.custom) return fc.constant(CATALOG_GOOD[field.id] ?? field.options?.[0]?.value ?? 'x');
  if (field.options) return fc.constantFrom(...field.options.map((option) => option.value));
  if (field.type === 'checkbox') return field.required ? fc.constant(true) : fc.boolean();
  const custom = config.customFields.find((entry) => entry.id === field.id);
  const format = custom?.format;
  const fixed = (format && FORMAT_GOOD[format]) ?? TYPE_GOOD[field.type];
  if (fixed) return fc.constant(fixed);
  const unit = (format && FORMAT_UNITS[format]) ?? chars('abcdefghij klmnoé😀');
  const min = Math.max(1, field.minLength ?? 1);
  return fc.string({ unit, minLength: min, maxLength: Math.max(min, Math.min(field.maxLength, 60)) });
}

/**
 * Submission bodies for `config` that are valid or nearly so: a good value for each displayed
 * field, then up to `mutations` of them replaced by anything; confirmed most of the time.
 */
export function nearValidSubmissionFor(config: FormConfig, mutations = 2): fc.Arbitrary<unknown> {
  const fields = resolveFields(config, { locale: 'en' });
  const good = fc.record(Object.fromEntries(fields.map((field) => [field.id, goodValue(field, config)])) as Record<string, fc.Arbitrary<unknown>>);
  const ids = [...fields.map((field) => field.id), HONEYPOT_FIELD, 'unknownField', ...POLLUTING_KEYS];
  const changes = fc.array(fc.tuple(fc.constantFrom(...ids), fc.oneof(fieldValue, fc.constant(undefined))), { maxLength: mutations });
  return fc.record({ good, changes, confirmed: fc.oneof({ weight: 9, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: anyValue }), locale: fc.constantFrom('fr', 'en') }).map(({ good: values, changes: edits, confirmed, locale }) => {
    const out: Record<string, unknown> = { ...values };
    for (const [id, value] of edits) {
      if (value === undefined) delete out[id];
      else Object.defineProperty(out, id, { value, enumerable: true, configurable: true, writable: true });
    }
    return { values: out, confirmed, locale };
  });
}
