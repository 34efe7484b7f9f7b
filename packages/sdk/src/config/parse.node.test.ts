import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FIELD_CATALOG } from '../catalog.js';
import type { FormConfig } from '../types.js';
import { safeParse } from 'zod/mini';
import { CONFIG_LIMITS, ConfigError, configSchema, defaultConfig, isConfigError, parseConfig, safeParseConfig } from './index.js';
import { validateSubmission } from '../validation/index.js';

const sector = { id: 'sector', type: 'select', label: { fr: 'Secteur', en: 'Sector' }, options: [{ value: 'retail', label: { fr: 'Commerce', en: 'Retail' } }] };

function issuesOf(input: unknown): { path: readonly (string | number)[]; message: string }[] {
  const result = safeParseConfig(input);
  assert.equal(result.success, false, 'expected a ConfigError');
  return result.success ? [] : [...result.error.issues];
}

function hasIssue(input: unknown, path: (string | number)[], pattern?: RegExp): void {
  const issues = issuesOf(input);
  const found = issues.find((issue) => JSON.stringify(issue.path) === JSON.stringify(path));
  assert.ok(found, `no issue at ${JSON.stringify(path)} in ${JSON.stringify(issues)}`);
  if (pattern) assert.match(found.message, pattern);
}

const entry = (config: FormConfig, id: string) => config.fields.find((field) => field.id === id);

describe('defaultConfig', () => {
  it('lists every catalog field once, in catalog order, with its default flags', () => {
    const config = defaultConfig();
    assert.deepEqual(config.fields.map((f) => f.id), FIELD_CATALOG.map((f) => f.id));
    for (const def of FIELD_CATALOG) {
      assert.deepEqual(entry(config, def.id), { id: def.id, displayed: def.defaultDisplayed, required: def.defaultRequired });
    }
    assert.deepEqual(config.settings, { unvalidatedAccounts: 'none', quickRegistration: false, defaultAccountState: 'inactive', confirmation: {} });
    assert.equal(config.version, 1);
    assert.equal(config.enabled, true);
  });

  it('is already normalized and returns a fresh object each time', () => {
    assert.deepEqual(parseConfig(defaultConfig()), defaultConfig());
    assert.notEqual(defaultConfig(), defaultConfig());
  });
});

describe('parseConfig invariants', () => {
  it('fills defaults for an empty object: locked fields displayed and required, others hidden', () => {
    const config = parseConfig({});
    assert.equal(config.version, 1);
    assert.equal(config.enabled, true);
    assert.equal(config.fields.length, FIELD_CATALOG.length);
    for (const def of FIELD_CATALOG) assert.deepEqual(entry(config, def.id), { id: def.id, displayed: def.locked, required: def.locked });
  });

  it('keeps locked fields displayed and required whatever the input says', () => {
    const config = parseConfig({ fields: [{ id: 'email', displayed: false, required: false }, { id: 'companyName', required: false }] });
    assert.deepEqual(entry(config, 'email'), { id: 'email', displayed: true, required: true });
    assert.deepEqual(entry(config, 'companyName'), { id: 'companyName', displayed: true, required: true });
  });

  it('makes required fields displayed', () => {
    const config = parseConfig({ fields: [{ id: 'fax', displayed: false, required: true }] });
    assert.deepEqual(entry(config, 'fax'), { id: 'fax', displayed: true, required: true });
  });

  it('displays a listed field unless it says otherwise, and defaults required to false', () => {
    const config = parseConfig({ fields: [{ id: 'fax' }, { id: 'mobile', displayed: false }] });
    assert.deepEqual(entry(config, 'fax'), { id: 'fax', displayed: true, required: false });
    assert.deepEqual(entry(config, 'mobile'), { id: 'mobile', displayed: false, required: false });
  });

  it('keeps the given order and appends missing catalog fields, hidden, in catalog order', () => {
    const config = parseConfig({ fields: [{ id: 'city', displayed: true }, { id: 'lastName', displayed: true, required: true }] });
    assert.deepEqual(config.fields.slice(0, 2).map((f) => f.id), ['city', 'lastName']);
    const rest = FIELD_CATALOG.map((f) => f.id).filter((id) => id !== 'city' && id !== 'lastName');
    assert.deepEqual(config.fields.slice(2).map((f) => f.id), rest);
    assert.deepEqual(entry(config, 'phone'), { id: 'phone', displayed: false, required: false });
    assert.deepEqual(entry(config, 'email'), { id: 'email', displayed: true, required: true });
  });

  it('appends custom fields missing from fields, hidden', () => {
    const config = parseConfig({ customFields: [sector] });
    assert.deepEqual(config.fields.at(-1), { id: 'sector', displayed: false, required: false });
    assert.equal(config.fields.length, FIELD_CATALOG.length + 1);
  });

  it('places custom fields where fields lists them', () => {
    const config = parseConfig({ fields: [{ id: 'sector', displayed: true, required: true }, { id: 'companyName' }], customFields: [sector] });
    assert.deepEqual(config.fields[0], { id: 'sector', displayed: true, required: true });
    assert.deepEqual(config.customFields[0], sector);
  });

  it('refuses unknown and duplicate ids in fields', () => {
    hasIssue({ fields: [{ id: 'nope' }] }, ['fields', 0, 'id'], /unknown field "nope"/);
    hasIssue({ fields: [{ id: 'city' }, { id: 'city' }] }, ['fields', 1, 'id'], /duplicate/);
  });

  it('refuses bad, reserved, catalog and duplicate custom ids', () => {
    const custom = (id: string) => ({ customFields: [{ ...sector, id }] });
    for (const id of ['Sector', '1sector', 'sec-tor', 'a'.repeat(65), '', '__proto__', '_x', 'sécteur']) hasIssue(custom(id), ['customFields', 0, 'id']);
    for (const id of ['constructor', 'prototype', 'confirmed', 'locale', 'nickname']) hasIssue(custom(id), ['customFields', 0, 'id'], /reserved/);
    hasIssue(custom('email'), ['customFields', 0, 'id'], /catalog/);
    hasIssue({ customFields: [sector, sector] }, ['customFields', 1, 'id'], /duplicate/);
    assert.equal(parseConfig(custom('a')).customFields[0]?.id, 'a');
    assert.equal(parseConfig(custom(`s${'x'.repeat(63)}`)).customFields[0]?.id.length, 64);
    assert.equal(parseConfig(custom('my_Field2')).customFields[0]?.id, 'my_Field2');
  });

  it('needs options on select and radio fields only, with unique values', () => {
    hasIssue({ customFields: [{ ...sector, options: [] }] }, ['customFields', 0, 'options'], /at least one option/);
    hasIssue({ customFields: [{ id: 'r', type: 'radio', label: 'R' }] }, ['customFields', 0, 'options']);
    hasIssue({ customFields: [{ ...sector, type: 'text' }] }, ['customFields', 0, 'options'], /only select and radio/);
    const twice = { ...sector, options: [sector.options[0], { value: 'retail', label: 'Other' }] };
    hasIssue({ customFields: [twice] }, ['customFields', 0, 'options', 1, 'value'], /duplicate option value/);
    hasIssue({ customFields: [{ ...sector, options: [{ value: '', label: 'x' }] }] }, ['customFields', 0, 'options', 0, 'value']);
    assert.ok(parseConfig({ customFields: [{ id: 'notes', type: 'text', label: 'Notes', options: [] }] }));
  });

  it('keeps option values and the values a condition tests as a submission carries them back', () => {
    // Each raw value could be shown, but no submission could ever carry it back: choosing it failed.
    const raw = [' retail', 'trade\t', 'ser\u0000vices', 'cra\u202Eft', 'caf\u0065\u0301', 'two\n  lines'];
    const config = parseConfig({
      fields: [{ id: 'sector', displayed: true, required: true }, { id: 'siret', visibleWhen: { field: 'sector', in: [' retail', 'caf\u0065\u0301'] } }],
      customFields: [{ ...sector, options: raw.map((value, i) => ({ value, label: `Option ${i}` })) }],
    });
    const values = config.customFields[0]?.options?.map((option) => option.value);
    assert.deepEqual(values, ['retail', 'trade', 'services', 'craft', 'caf\u00e9', 'two lines']);
    assert.deepEqual(entry(config, 'siret')?.visibleWhen, { field: 'sector', in: ['retail', 'caf\u00e9'] });
    for (const value of values ?? []) {
      const result = validateSubmission(config, { values: { sector: value, companyName: 'ACME', email: 'a@example.com', confirmed: true } });
      assert.deepEqual(result.success ? [] : result.errors.filter((error) => error.field === 'sector'), [], value);
    }
    hasIssue({ customFields: [{ ...sector, options: [{ value: 'retail', label: 'a' }, { value: 'retail ', label: 'b' }] }] }, ['customFields', 0, 'options', 1, 'value'], /duplicate option value/);
    hasIssue({ customFields: [{ ...sector, options: [{ value: '\u202E ', label: 'a' }] }] }, ['customFields', 0, 'options', 0, 'value'], /must not be empty/);
    // Invisible characters alone (zero-width space, soft hyphen): validation reads such a value as none.
    for (const invisible of ['\u200B', '\u00AD\u2060']) {
      hasIssue({ customFields: [{ ...sector, options: [{ value: invisible, label: 'a' }] }] }, ['customFields', 0, 'options', 0, 'value'], /must not be empty/);
      hasIssue({ customFields: [{ ...sector, label: invisible }] }, ['customFields', 0, 'label'], /must not be empty/);
    }
  });

  it('gives a config that parses to itself: what the server stores reads back the same (same ETag, no new problem)', () => {
    // A control between a letter and its accent: removed, the two must still compose.
    const raw = {
      fields: [{ id: 'sector' }, { id: 'siret', visibleWhen: { field: 'sector', in: ['e\u0001\u0301'] } }],
      customFields: [{ ...sector, label: 'Secte\u0007\u0301ur', options: [{ value: 'e\u0001\u0301', label: 'A' }, { value: 'q\u0301', label: 'B\u0000\u0301' }] }],
      steps: [{ before: 'sector', title: 'E\u0002\u0301tape' }],
    };
    const once = parseConfig(raw);
    assert.deepEqual(parseConfig(JSON.parse(JSON.stringify(once))), once);
    assert.deepEqual(once.customFields[0]?.options?.map((option) => option.value), ['\u00e9', 'q\u0301']);
    // Two values that differ only by such a control are one value: refused at once, not on the next read.
    hasIssue({ customFields: [{ ...sector, options: [{ value: 'e\u0001\u0301', label: 'A' }, { value: '\u00e9', label: 'B' }] }] }, ['customFields', 0, 'options', 1, 'value'], /duplicate option value/);
  });

  it('keeps the texts it shows on one line, without control or bidi characters', () => {
    const config = parseConfig({
      customFields: [{ ...sector, label: { fr: 'Sec\u0007teur\n', en: '\u202ESector' }, help: 'Two\r\nlines', options: [{ value: 'retail', label: 'Re\u0000tail' }] }],
      settings: { confirmation: { message: { fr: 'Merci.\n\nÀ bientôt.' } } },
      steps: [{ before: 'sector', title: 'Step\u2066 one' }],
    });
    const field = config.customFields[0];
    assert.deepEqual(field?.label, { fr: 'Secteur', en: 'Sector' });
    assert.equal(field?.help, 'Two lines');
    assert.equal(field?.options?.[0]?.label, 'Retail');
    assert.deepEqual(config.settings.confirmation.message, { fr: 'Merci. À bientôt.' });
    assert.equal(config.steps?.[0]?.title, 'Step one');
    hasIssue({ customFields: [{ ...sector, label: '\u0000\u202E' }] }, ['customFields', 0, 'label']);
  });

  it('checks lengths and formats of custom fields', () => {
    const text = { id: 'code', type: 'text', label: 'Code' };
    hasIssue({ customFields: [{ ...text, minLength: 5, maxLength: 3 }] }, ['customFields', 0, 'minLength'], /maxLength/);
    hasIssue({ customFields: [{ ...text, format: 'regex' }] }, ['customFields', 0, 'format'], /one of/);
    hasIssue({ customFields: [{ ...text, maxLength: -1 }] }, ['customFields', 0, 'maxLength']);
    hasIssue({ customFields: [{ ...text, maxLength: 1.5 }] }, ['customFields', 0, 'maxLength']);
    hasIssue({ customFields: [{ ...text, maxLength: CONFIG_LIMITS.maxValueLength + 1 }] }, ['customFields', 0, 'maxLength']);
    hasIssue({ customFields: [{ ...sector, format: 'digits' }] }, ['customFields', 0, 'format'], /does not apply/);
    hasIssue({ customFields: [{ id: 'n', type: 'number', label: 'N', maxLength: 3 }] }, ['customFields', 0, 'maxLength']);
    hasIssue({ customFields: [{ ...text, type: 'color' }] }, ['customFields', 0, 'type']);
    hasIssue({ customFields: [{ ...text, label: '  ' }] }, ['customFields', 0, 'label'], /empty/);
    const ok = parseConfig({ customFields: [{ ...text, format: 'digits', minLength: 3, maxLength: 3 }] });
    assert.deepEqual(ok.customFields[0], { ...text, format: 'digits', minLength: 3, maxLength: 3 });
  });

  it('accepts every custom type and format', () => {
    for (const format of ['digits', 'letters', 'postal-code', 'phone', 'email', 'url']) {
      assert.equal(parseConfig({ customFields: [{ id: 'x', type: 'text', label: 'X', format }] }).customFields[0]?.format, format);
    }
    for (const type of ['text', 'textarea', 'email', 'tel', 'url', 'number', 'date', 'checkbox']) {
      assert.equal(parseConfig({ customFields: [{ id: 'x', type, label: 'X' }] }).customFields[0]?.type, type);
    }
  });

  it('fills settings defaults and checks the alert e-mail and redirect', () => {
    assert.deepEqual(parseConfig({ settings: {} }).settings, defaultConfig().settings);
    const full = { unvalidatedAccounts: 'block-login', alertEmail: 'sales@example.com', quickRegistration: true, defaultAccountState: 'active', confirmation: { redirectUrl: '/thank-you', message: { fr: 'Merci', en: 'Thanks' } } };
    assert.deepEqual(parseConfig({ settings: full }).settings, full);
    assert.equal(parseConfig({ settings: { confirmation: { redirectUrl: 'https://example.com/ok' } } }).settings.confirmation.redirectUrl, 'https://example.com/ok');
    for (const url of ['javascript:alert(1)', 'data:text/html,x', '//evil.example', '/\\evil.example', 'http://example.com', 'thanks']) {
      hasIssue({ settings: { confirmation: { redirectUrl: url } } }, ['settings', 'confirmation', 'redirectUrl'], /https/);
    }
    hasIssue({ settings: { alertEmail: 'not-an-email' } }, ['settings', 'alertEmail'], /e-mail/);
    hasIssue({ settings: { unvalidatedAccounts: 'maybe' } }, ['settings', 'unvalidatedAccounts']);
    hasIssue({ settings: { defaultAccountState: 'on' } }, ['settings', 'defaultAccountState']);
    // Cleared inputs of an editor: empty strings and null mean "none".
    assert.deepEqual(parseConfig({ settings: { alertEmail: '', confirmation: { redirectUrl: null, message: '' } } }).settings, defaultConfig().settings);
  });

  it('checks version and enabled', () => {
    for (const version of [0, -1, 1.5, '1', null]) hasIssue({ version }, ['version']);
    assert.equal(parseConfig({ version: 7 }).version, 7);
    hasIssue({ enabled: 'yes' }, ['enabled'], /boolean/);
    assert.equal(parseConfig({ enabled: false }).enabled, false);
  });

  it('refuses label maps with bad keys, too many locales or too long texts', () => {
    hasIssue({ customFields: [{ ...sector, label: { 'not a tag': 'x' } }] }, ['customFields', 0, 'label', 'not a tag'], /locale tag/);
    const many = Object.fromEntries(Array.from({ length: 21 }, (_, i) => [`l${String.fromCharCode(97 + i)}`, 'x']));
    hasIssue({ customFields: [{ ...sector, label: many }] }, ['customFields', 0, 'label'], /20 locales/);
    hasIssue({ customFields: [{ ...sector, label: 'x'.repeat(CONFIG_LIMITS.maxLabelLength + 1) }] }, ['customFields', 0, 'label'], /at most 200/);
    hasIssue({ customFields: [{ ...sector, label: { fr: 'x'.repeat(201) } }] }, ['customFields', 0, 'label', 'fr'], /at most 200/);
    assert.deepEqual(parseConfig({ customFields: [{ ...sector, label: { 'zh-Hant-TW': '部門', en: 'Sector' } }] }).customFields[0]?.label, { 'zh-Hant-TW': '部門', en: 'Sector' });
  });

  it('enforces the field and option caps', () => {
    const options = Array.from({ length: 51 }, (_, i) => ({ value: `v${i}`, label: `V${i}` }));
    hasIssue({ customFields: [{ ...sector, options }] }, ['customFields', 0, 'options'], /at most 50 items/);
    const custom = Array.from({ length: CONFIG_LIMITS.maxCustomFields + 1 }, (_, i) => ({ id: `c${i}`, type: 'text', label: 'C' }));
    hasIssue({ customFields: custom }, ['customFields'], new RegExp(`at most ${200 - FIELD_CATALOG.length} items`));
    const atCap = parseConfig({ customFields: custom.slice(0, -1) });
    assert.equal(atCap.fields.length, CONFIG_LIMITS.maxFields);
    hasIssue({ fields: Array.from({ length: 201 }, () => ({ id: 'city' })) }, ['fields'], /at most 200 items/);
  });
});

describe('ConfigError', () => {
  it('lists every problem with its path and a readable message', () => {
    const input = {
      fields: [{ id: 'nope' }, { id: 'city' }, { id: 'city' }],
      customFields: [{ id: 'constructor', type: 'text', label: 'X' }, { ...sector, options: [] }],
      settings: { alertEmail: 'x', confirmation: { redirectUrl: 'javascript:alert(1)' } },
    };
    const issues = issuesOf(input);
    const paths = issues.map((issue) => issue.path.join('.')).sort();
    assert.deepEqual(paths, ['customFields.0.id', 'customFields.1.options', 'fields.0.id', 'fields.2.id', 'settings.alertEmail', 'settings.confirmation.redirectUrl']);
    try {
      parseConfig(input);
      assert.fail('parseConfig should throw');
    } catch (error) {
      assert.ok(error instanceof ConfigError);
      assert.ok(isConfigError(error));
      assert.equal(error.name, 'ConfigError');
      assert.match(error.message, /^Invalid config: .*fields\[0\]\.id: unknown field "nope"/);
      assert.match(error.message, /and 1 more/);
    }
  });

  it('lists several shape problems at once', () => {
    const paths = issuesOf({ version: 0, enabled: 1, fields: [{ id: 3 }], settings: { quickRegistration: 'no' } }).map((i) => i.path.join('.'));
    assert.deepEqual(paths.sort(), ['enabled', 'fields.0.id', 'settings.quickRegistration', 'version']);
  });

  it('reports a missing key as required', () => {
    hasIssue({ customFields: [{ id: 'x', label: 'X' }] }, ['customFields', 0, 'type']);
    hasIssue({ fields: [{ displayed: true }] }, ['fields', 0, 'id'], /required/);
  });
});

describe('hostile input', () => {
  it('gives a ConfigError for non-objects, arrays and non-JSON values', () => {
    for (const input of [undefined, null, 0, 'config', true, [], [{}], new Date(), new Map(), () => ({}), Symbol('x'), 10n]) {
      const result = safeParseConfig(input);
      assert.equal(result.success, false, String(typeof input));
      assert.throws(() => parseConfig(input), ConfigError);
    }
    hasIssue({ fields: {} }, ['fields'], /array/);
    hasIssue({ settings: [] }, ['settings'], /object/);
    hasIssue({ fields: [{ id: 'city', displayed: 1n }] }, ['fields', 0, 'displayed']);
  });

  it('turns throwing getters and proxies into a ConfigError', () => {
    const getter = { get fields(): never { throw new TypeError('boom'); } };
    assert.throws(() => parseConfig(getter), ConfigError);
    const revocable = Proxy.revocable({}, {});
    revocable.revoke();
    assert.throws(() => parseConfig(revocable.proxy), ConfigError);
    assert.throws(() => parseConfig({ settings: revocable.proxy }), ConfigError);
  });

  it('refuses deep nesting where objects belong without recursing into it', () => {
    let deep: unknown = 'x';
    for (let i = 0; i < 100_000; i++) deep = { en: deep };
    hasIssue({ customFields: [{ ...sector, label: deep }] }, ['customFields', 0, 'label', 'en']);
    // Unknown keys are never read, however deep.
    assert.ok(parseConfig({ extra: deep }));
  });

  it('refuses huge arrays before reading their items', () => {
    const huge = new Array(1_000_000).fill({ id: 'city' });
    hasIssue({ fields: huge }, ['fields'], /at most 200/);
  });

  it('never lets __proto__ or constructor reach a prototype, at any level', () => {
    const levels = [
      '{"__proto__": {"polluted": 1}}',
      '{"constructor": {"prototype": {"polluted": 1}}}',
      '{"fields": [{"id": "city", "__proto__": {"polluted": 1}}]}',
      '{"settings": {"__proto__": {"polluted": 1}, "confirmation": {"__proto__": {"polluted": 1}}}}',
      '{"customFields": [{"id": "x", "type": "select", "label": {"en": "X", "__proto__": {"polluted": 1}}, "__proto__": {"polluted": 1}, "options": [{"value": "a", "label": {"__proto__": "p", "en": "A"}, "__proto__": {"polluted": 1}}]}]}',
      '{"customFields": [{"id": "x", "type": "text", "label": {"constructor": "c"}}]}',
    ];
    for (const json of levels) {
      const result = safeParseConfig(JSON.parse(json));
      assert.equal(({} as Record<string, unknown>)['polluted'], undefined, json);
      if (result.success) {
        const text = JSON.stringify(result.config);
        assert.doesNotMatch(text, /polluted|__proto__/, json);
        const walk = (value: unknown): void => {
          if (typeof value !== 'object' || value === null) return;
          const proto: unknown = Object.getPrototypeOf(value);
          assert.ok(proto === Object.prototype || proto === Array.prototype || proto === null, json);
          assert.equal((value as Record<string, unknown>)['polluted'], undefined, json);
          Object.values(value).forEach(walk);
        };
        walk(result.config);
      }
    }
    // A label map holding only __proto__ is empty, hence refused; `constructor` is no locale tag.
    hasIssue(JSON.parse(levels[5] as string), ['customFields', 0, 'label', 'constructor']);
  });

  it('copies known keys only', () => {
    const config = parseConfig({ extra: 1, fields: [{ id: 'city', extra: 1 }], settings: { extra: 1, confirmation: { extra: 1 } }, customFields: [{ ...sector, extra: 1 }] });
    assert.doesNotMatch(JSON.stringify(config), /extra/);
  });
});

describe('configSchema', () => {
  it('is a zod schema giving the normalized config, or every issue with its path', () => {
    const ok = safeParse(configSchema(), { fields: [{ id: 'fax', required: true }] });
    assert.ok(ok.success);
    assert.deepEqual(ok.data, parseConfig({ fields: [{ id: 'fax', required: true }] }));
    const ko = safeParse(configSchema(), { version: 0, fields: [{ id: 'nope' }] });
    assert.ok(!ko.success);
    assert.deepEqual(ko.error.issues.map((issue) => [issue.path.join('.'), issue.message]), [['version', 'must be at least 1']]);
    const rules = safeParse(configSchema(), { fields: [{ id: 'nope' }, { id: 'nope' }] });
    assert.deepEqual(rules.error?.issues.map((issue) => issue.path.join('.')), ['fields.0.id', 'fields.1.id']);
  });
});
