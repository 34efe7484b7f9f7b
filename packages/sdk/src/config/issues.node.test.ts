import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { configIssueMessage } from '../i18n/issues.js';
import { issues as enConfigIssues } from '../i18n/locales/en/issues.js';
import { issues as frConfigIssues } from '../i18n/locales/fr/issues.js';
import { addCustomField, removeCustomField, setDisplayed, setVisibleWhen, updateCustomField } from './edits.js';
import { removeStepBreak } from './step-edits.js';
import { ConfigError, type ConfigIssue, type ConfigIssueCode } from './errors.js';
import { defaultConfig } from './defaults.js';
import { safeParseConfig } from './parse.js';

const text = { id: 'code', type: 'text', label: 'Code' };
const sector = { id: 'sector', type: 'select', label: 'Sector', options: [{ value: 'retail', label: 'Retail' }] } as const;

/** One way to break each rule: a config to parse, or an edit to make (`bot_check_unavailable` is the handler's: server/routes/config-routes.node.test.ts). */
const BROKEN: Readonly<Record<Exclude<ConfigIssueCode, 'invalid' | 'bot_check_unavailable'>, unknown>> = {
  unreadable: { get fields(): never { throw new TypeError('boom'); } },
  required: { fields: [{ displayed: true }] },
  invalid_type: { enabled: 'yes' },
  too_long: { customFields: [{ ...text, label: 'x'.repeat(201) }] },
  too_small: { version: 0 },
  too_big: { customFields: [{ ...text, maxLength: 10_001 }] },
  too_many: { fields: Array.from({ length: 201 }, () => ({ id: 'city' })) },
  too_many_locales: { customFields: [{ ...text, label: Object.fromEntries(Array.from({ length: 21 }, (_, i) => [`l${String.fromCharCode(97 + i)}`, 'x'])) }] },
  invalid_value: { settings: { unvalidatedAccounts: 'maybe' } },
  invalid_locale: { customFields: [{ ...text, label: { 'not a tag': 'x' } }] },
  invalid_id: { customFields: [{ ...text, id: '9lives' }] },
  reserved_id: { customFields: [{ ...text, id: 'locale' }] },
  catalog_id: { customFields: [{ ...text, id: 'email' }] },
  duplicate_id: { customFields: [text, text] },
  missing_label: { customFields: [{ ...text, label: ' ' }] },
  missing_options: { customFields: [{ ...sector, options: [] }] },
  missing_option_value: { customFields: [{ ...sector, options: [{ value: '', label: 'X' }] }] },
  missing_option_label: { customFields: [{ ...sector, options: [{ value: 'x', label: '' }] }] },
  duplicate_option: { customFields: [{ ...sector, options: [{ value: 'x', label: 'X' }, { value: 'x', label: 'Y' }] }] },
  options_not_allowed: { customFields: [{ ...sector, type: 'text' }] },
  not_applicable: { customFields: [{ ...sector, maxLength: 3 }] },
  min_exceeds_max: { customFields: [{ ...text, minLength: 5, maxLength: 3 }] },
  unknown_custom_field: () => removeCustomField(defaultConfig(), 'nope'),
  not_custom: () => updateCustomField(defaultConfig(), 'city', { label: 'Town' }),
  unknown_field: { fields: [{ id: 'nope' }] },
  duplicate_field: { fields: [{ id: 'city' }, { id: 'city' }] },
  invalid_email: { settings: { alertEmail: 'not-an-email' } },
  unsafe_redirect: { settings: { confirmation: { redirectUrl: 'javascript:alert(1)' } } },
  missing_file_kinds: { customFields: [{ id: 'kbis', type: 'file', label: 'Kbis', accept: [] }] },
  invalid_condition: { fields: [{ id: 'siret', visibleWhen: { field: 'country' } }] },
  condition_too_deep: { fields: [{ id: 'siret', visibleWhen: { all: [{ any: [{ all: [{ any: [{ all: [{ field: 'country', filled: true }] }] }] }] }] } }] },
  condition_operator: { fields: [{ id: 'siret', visibleWhen: { field: 'city', in: ['Paris'] } }] },
  condition_value: { fields: [{ id: 'siret', visibleWhen: { field: 'legalForm', in: ['LLC'] } }] },
  locked_condition: { fields: [{ id: 'email', visibleWhen: { field: 'country', in: ['FR'] } }] },
  condition_cycle: { fields: [{ id: 'siret', visibleWhen: { field: 'siret', filled: true } }] },
  field_in_use: () => removeCustomField(setVisibleWhen(addCustomField(defaultConfig(), sector), 'siret', { field: 'sector', in: ['retail'] }), 'sector'),
  duplicate_step: { steps: [{ before: 'email', title: 'Contact' }, { before: 'email', title: 'Again' }] },
  missing_step_title: { steps: [{ before: 'email', title: { fr: ' ', en: '' } }] },
  unknown_step: () => removeStepBreak(defaultConfig(), 'email'),
};

function issuesOf(broken: unknown): readonly ConfigIssue[] {
  if (typeof broken !== 'function') {
    const result = safeParseConfig(broken);
    assert.equal(result.success, false);
    return result.success ? [] : result.error.issues;
  }
  try {
    broken();
  } catch (error) {
    assert.ok(error instanceof ConfigError);
    return error.issues;
  }
  return assert.fail('the edit should throw');
}

describe('config issue codes', () => {
  it('gives each broken rule its own code', () => {
    for (const [code, broken] of Object.entries(BROKEN)) {
      assert.deepEqual(issuesOf(broken).map((issue) => issue.code), [code], code);
    }
    // The tables are typed by code: every code has a wording, and every code is reached here.
    assert.deepEqual(['invalid', 'bot_check_unavailable', ...Object.keys(BROKEN)].sort(), Object.keys(enConfigIssues).sort());
  });

  it('carries the values the wording needs as params', () => {
    assert.deepEqual(issuesOf(BROKEN.reserved_id)[0]?.params, { id: 'locale' });
    assert.deepEqual(issuesOf(BROKEN.too_long)[0]?.params, { max: 200 });
    assert.deepEqual(issuesOf(BROKEN.invalid_type)[0]?.params, { expected: 'boolean' });
    assert.deepEqual(issuesOf(BROKEN.not_applicable)[0]?.params, { type: 'select' });
    assert.deepEqual(issuesOf(() => setDisplayed(defaultConfig(), 'nope', true))[0], { path: ['fields'], code: 'unknown_field', params: { id: 'nope' }, message: 'unknown field "nope"' });
    const taken = issuesOf(() => addCustomField(defaultConfig(), { id: 'city', type: 'text', label: 'City' }));
    assert.deepEqual(taken.map((issue) => issue.code), ['duplicate_id']);
  });

  it('words every code in English and French, with its params', () => {
    for (const table of [enConfigIssues, frConfigIssues]) {
      assert.deepEqual(Object.keys(table).sort(), Object.keys(enConfigIssues).sort());
      for (const message of Object.values(table) as string[]) assert.ok(message.trim().length > 0);
    }
    assert.equal(configIssueMessage({ code: 'duplicate_id' }, 'en'), 'Another field has this identifier.');
    assert.equal(configIssueMessage({ code: 'duplicate_id' }, 'fr-CA'), 'Un autre champ a cet identifiant.');
    assert.equal(configIssueMessage({ code: 'too_long', params: { max: 200 } }, 'fr'), 'Saisissez au plus 200 caractères.');
    assert.equal(configIssueMessage({ code: 'unknown_field', params: { id: 'fax2' } }, 'sv'), 'The field fax2 does not exist.');
    assert.equal(configIssueMessage({ code: 'toString' as ConfigIssueCode }, 'en'), enConfigIssues.invalid);
  });
});
