import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { EU_MEMBER_STATES } from '../eu.js';
import type { Condition, FormConfig } from '../types.js';
import { addCustomField, ConfigError, defaultConfig, moveField, parseConfig, removeCustomField, safeParseConfig, setDisplayed, setRequired, setVisibleWhen, updateCustomField } from './index.js';

const sector = { id: 'sector', type: 'select', label: 'Sector', options: [{ value: 'retail', label: 'Retail' }, { value: 'other', label: 'Other' }] } as const;
const otherSector = { id: 'otherSector', type: 'text', label: 'Other sector' } as const;

function issues(input: unknown): { path: string; code: string; params?: unknown }[] {
  const result = safeParseConfig(input);
  assert.equal(result.success, false, 'refused');
  return result.success ? [] : result.error.issues.map(({ path, code, params }) => ({ path: path.join('.'), code, ...(params ? { params } : {}) }));
}

const entry = (config: FormConfig, id: string) => config.fields.find((field) => field.id === id);

describe('visibleWhen in a config', () => {
  it('accepts the five forms and keeps them through a JSON round trip', () => {
    const conditions: Condition[] = [
      { field: 'country', in: ['FR'] },
      { field: 'country', notIn: ['FR', 'BE'] },
      { field: 'newsletter', filled: true },
      { all: [{ field: 'country', in: ['FR'] }, { field: 'legalForm', filled: true }] },
      { any: [{ field: 'country', in: ['FR'] }, { all: [{ field: 'legalForm', in: ['SAS', 'other'] }, { field: 'website', filled: false }] }] },
    ];
    for (const visibleWhen of conditions) {
      const config = parseConfig({ fields: [{ id: 'siret', visibleWhen }] });
      assert.deepEqual(entry(config, 'siret')?.visibleWhen, visibleWhen);
      assert.deepEqual(parseConfig(JSON.parse(JSON.stringify(config))), config);
    }
  });

  it('works for the three examples: SIRET in France, VAT for other EU countries, a text when the sector is "other"', () => {
    const eu = EU_MEMBER_STATES.filter((code) => code !== 'FR');
    const config = parseConfig({
      fields: [
        { id: 'siret', visibleWhen: { field: 'country', in: ['FR'] } },
        { id: 'vatNumber', visibleWhen: { field: 'country', in: eu } },
        { id: 'sector', displayed: true },
        { id: 'otherSector', required: true, visibleWhen: { field: 'sector', in: ['other'] } },
      ],
      customFields: [sector, otherSector],
    });
    assert.deepEqual(entry(config, 'vatNumber')?.visibleWhen, { field: 'country', in: eu });
    assert.equal(entry(config, 'otherSector')?.required, true);
  });

  it('takes country values as upper-case ISO codes and drops repeated values', () => {
    const config = parseConfig({ fields: [{ id: 'siret', visibleWhen: { field: 'country', in: ['FR', 'FR', 'BE'] } }] });
    assert.deepEqual(entry(config, 'siret')?.visibleWhen, { field: 'country', in: ['FR', 'BE'] });
    assert.deepEqual(issues({ fields: [{ id: 'siret', visibleWhen: { field: 'country', in: ['fr'] } }] }).map((issue) => issue.code), ['condition_value']);
  });

  it('refuses each broken condition with its path and code', () => {
    const cases: [unknown, { path: string; code: string; params?: unknown }[]][] = [
      [{ field: 'nope', in: ['x'] }, [{ path: 'fields.0.visibleWhen.field', code: 'unknown_field', params: { id: 'nope' } }]],
      [{ field: 'legalForm', in: ['SAS', 'LLC'] }, [{ path: 'fields.0.visibleWhen.in.1', code: 'condition_value', params: { id: 'legalForm', value: 'LLC' } }]],
      [{ field: 'country', notIn: ['XX'] }, [{ path: 'fields.0.visibleWhen.notIn.0', code: 'condition_value', params: { id: 'country', value: 'XX' } }]],
      [{ field: 'city', in: ['Paris'] }, [{ path: 'fields.0.visibleWhen.in', code: 'condition_operator', params: { id: 'city' } }]],
      [{ field: 'country', in: [] }, [{ path: 'fields.0.visibleWhen.in', code: 'invalid_condition' }]],
      [{ all: [] }, [{ path: 'fields.0.visibleWhen.all', code: 'invalid_condition' }]],
      [{ field: 'country', in: ['FR'], filled: true }, [{ path: 'fields.0.visibleWhen', code: 'invalid_condition' }]],
      [{ all: [{ field: 'country', in: ['FR'] }], any: [] }, [{ path: 'fields.0.visibleWhen', code: 'invalid_condition' }]],
      [{ field: 'country', filled: 'yes' }, [{ path: 'fields.0.visibleWhen.filled', code: 'invalid_type', params: { expected: 'boolean' } }]],
      ['FR', [{ path: 'fields.0.visibleWhen', code: 'invalid_condition' }]],
      [{ field: 'siret', filled: true }, [{ path: 'fields.0.visibleWhen', code: 'condition_cycle', params: { id: 'siret' } }]],
    ];
    for (const [visibleWhen, expected] of cases) assert.deepEqual(issues({ fields: [{ id: 'siret', visibleWhen }] }), expected, JSON.stringify(visibleWhen));
  });

  it('bounds depth, tests and values', () => {
    let deep: Condition = { field: 'country', in: ['FR'] };
    for (let i = 0; i < 5; i++) deep = { all: [deep] };
    assert.deepEqual(issues({ fields: [{ id: 'siret', visibleWhen: deep }] }).map((issue) => issue.code), ['condition_too_deep']);
    const wide = { any: Array.from({ length: 21 }, () => ({ field: 'country', in: ['FR'] })) };
    assert.deepEqual(issues({ fields: [{ id: 'siret', visibleWhen: wide }] }).map((issue) => issue.code), ['too_many']);
    const spread = { all: Array.from({ length: 5 }, () => ({ any: Array.from({ length: 5 }, () => ({ field: 'country', in: ['FR'] })) })) };
    assert.deepEqual(issues({ fields: [{ id: 'siret', visibleWhen: spread }] }).map((issue) => issue.code), ['too_many'], '25 tests in all');
    const values = Array.from({ length: 301 }, (_, i) => `v${i}`);
    assert.deepEqual(issues({ fields: [{ id: 'siret', visibleWhen: { field: 'legalForm', in: values } }] }).map((issue) => issue.code), ['too_many']);
  });

  it('refuses conditions on locked fields and on the customer type, and cycles through several fields', () => {
    assert.deepEqual(issues({ fields: [{ id: 'companyName', visibleWhen: { field: 'customerType', in: ['company'] } }] }), [
      { path: 'fields.0.visibleWhen', code: 'locked_condition', params: { id: 'companyName' } },
    ]);
    assert.deepEqual(issues({ fields: [{ id: 'customerType', visibleWhen: { field: 'country', in: ['FR'] } }] }).map((issue) => issue.code), ['locked_condition']);
    const cycle = issues({
      fields: [
        { id: 'siret', visibleWhen: { field: 'vatNumber', filled: true } },
        { id: 'vatNumber', visibleWhen: { field: 'website', filled: true } },
        { id: 'website', visibleWhen: { any: [{ field: 'country', in: ['FR'] }, { field: 'siret', filled: false }] } },
        { id: 'mobile', visibleWhen: { field: 'siret', filled: true } },
      ],
    });
    assert.deepEqual(cycle.map((issue) => `${issue.code} ${JSON.stringify(issue.params)}`), ['condition_cycle {"id":"siret"}', 'condition_cycle {"id":"vatNumber"}', 'condition_cycle {"id":"website"}']);
  });

  it('keeps conditions through the other edits, and refuses edits that would break one', () => {
    let config = addCustomField(addCustomField(defaultConfig(), sector), otherSector);
    config = setVisibleWhen(config, 'otherSector', { field: 'sector', in: ['other'] });
    config = setRequired(config, 'otherSector', true);
    config = setDisplayed(config, 'otherSector', true);
    config = moveField(config, 0, 3);
    assert.deepEqual(entry(config, 'otherSector'), { id: 'otherSector', displayed: true, required: true, visibleWhen: { field: 'sector', in: ['other'] } });
    const withoutOther = [{ value: 'retail', label: 'Retail' }];
    assert.throws(() => updateCustomField(config, 'sector', { options: withoutOther }), (error: ConfigError) => error.issues[0]?.code === 'condition_value');
    assert.throws(() => updateCustomField(config, 'sector', { type: 'text' }), (error: ConfigError) => error.issues[0]?.code === 'condition_operator');
    assert.throws(() => removeCustomField(config, 'sector'), (error: ConfigError) => error.issues[0]?.code === 'field_in_use' && error.issues[0].params?.['by'] === 'otherSector');
    assert.throws(() => setVisibleWhen(config, 'sector', { field: 'otherSector', filled: true }), (error: ConfigError) => error.issues[0]?.code === 'condition_cycle');
    const plain = setVisibleWhen(config, 'otherSector', undefined);
    assert.equal(entry(plain, 'otherSector')?.visibleWhen, undefined);
    assert.deepEqual(Object.keys(entry(plain, 'otherSector') ?? {}), ['id', 'displayed', 'required']);
    assert.deepEqual(removeCustomField(plain, 'sector').customFields.map((field) => field.id), ['otherSector']);
  });
});

describe('customerType', () => {
  it('is a hidden catalog radio by default, so the default config is for companies only', () => {
    const config = defaultConfig();
    assert.deepEqual(entry(config, 'customerType'), { id: 'customerType', displayed: false, required: false });
    assert.equal(config.fields[0]?.id, 'companyName');
  });

  it('once displayed, is required and comes first', () => {
    const shown = setDisplayed(defaultConfig(), 'customerType', true);
    assert.deepEqual(shown.fields[0], { id: 'customerType', displayed: true, required: true });
    assert.deepEqual(setRequired(shown, 'customerType', false).fields[0], { id: 'customerType', displayed: true, required: true });
    assert.equal(moveField(shown, 0, 5).fields[0]?.id, 'customerType');
    assert.deepEqual(parseConfig({ fields: [{ id: 'email' }, { id: 'customerType', required: false }] }).fields.slice(0, 2).map((f) => [f.id, f.required]), [
      ['customerType', true],
      ['email', true],
    ]);
    assert.deepEqual(setDisplayed(shown, 'customerType', false).fields[0], { id: 'customerType', displayed: false, required: false });
  });

  it('can be the subject of conditions (values company and individual only)', () => {
    const config = parseConfig({ fields: [{ id: 'customerType' }, { id: 'mobile', visibleWhen: { field: 'customerType', in: ['individual'] } }] });
    assert.deepEqual(entry(config, 'mobile')?.visibleWhen, { field: 'customerType', in: ['individual'] });
    assert.deepEqual(issues({ fields: [{ id: 'mobile', visibleWhen: { field: 'customerType', in: ['person'] } }] }).map((issue) => issue.code), ['condition_value']);
  });
});
