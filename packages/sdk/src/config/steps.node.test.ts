import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { resolveSteps } from '../resolve-steps.js';
import type { FormConfig } from '../types.js';
import { addCustomField, addStepBreak, ConfigError, defaultConfig, moveField, moveStepBreak, parseConfig, removeCustomField, removeStepBreak, safeParseConfig, setDisplayed, setStepTitle, setVisibleWhen } from './index.js';

// companyName legalForm siret vatNumber | civility firstName lastName … | street … country …
const threeSteps = (): FormConfig =>
  parseConfig({
    ...defaultConfig(),
    steps: [
      { before: 'street', title: { en: 'Address', fr: 'Adresse' } },
      { before: 'companyName', title: { en: 'Company', fr: 'Entreprise' } },
      { before: 'civility', title: { en: 'Contact', fr: 'Contact' } },
    ],
  });

const breaks = (config: FormConfig) => (config.steps ?? []).map((step) => step.before);
const ids = (config: FormConfig, locale = 'en', values = {}) => resolveSteps(config, locale, values).map((step) => [step.title ?? null, step.fields.map((field) => field.id)]);

describe('step breaks in a config', () => {
  it('are kept in display order, their titles as given', () => {
    const config = threeSteps();
    assert.deepEqual(breaks(config), ['companyName', 'civility', 'street']);
    assert.deepEqual(config.steps?.[0]?.title, { en: 'Company', fr: 'Entreprise' });
    assert.deepEqual(parseConfig(JSON.parse(JSON.stringify(config))), config);
  });

  it('are absent from a config without them, an empty list included', () => {
    assert.equal(Object.keys(parseConfig({ steps: [] })).includes('steps'), false);
    assert.equal(defaultConfig().steps, undefined);
  });

  it('refuses unknown fields, two breaks at one field, empty titles and too many breaks', () => {
    const codes = (input: unknown) => {
      const result = safeParseConfig(input);
      return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join('.')} ${issue.code}`);
    };
    assert.deepEqual(codes({ steps: [{ before: 'nope', title: 'X' }] }), ['steps.0.before unknown_field']);
    assert.deepEqual(codes({ steps: [{ before: 'city', title: 'X' }, { before: 'city', title: 'Y' }] }), ['steps.1.before duplicate_step']);
    assert.deepEqual(codes({ steps: [{ before: 'city', title: '  ' }] }), ['steps.0.title missing_step_title']);
    assert.deepEqual(codes({ steps: [{ before: 'city' }] }), ['steps.0.title required']);
    assert.deepEqual(codes({ steps: Array.from({ length: 21 }, () => ({ before: 'city', title: 'X' })) }), ['steps too_many']);
  });
});

describe('resolveSteps', () => {
  it('gives the shown fields of each step with its title in the locale', () => {
    assert.deepEqual(ids(threeSteps(), 'fr'), [
      ['Entreprise', ['companyName', 'legalForm', 'siret', 'vatNumber']],
      ['Contact', ['civility', 'firstName', 'lastName', 'email', 'phone']],
      ['Adresse', ['street', 'postalCode', 'city', 'country']],
    ]);
  });

  it('without breaks, is one untitled step of every shown field', () => {
    const [only, ...rest] = resolveSteps(defaultConfig(), 'en');
    assert.equal(rest.length, 0);
    assert.equal(only?.title, undefined);
    assert.equal(only?.fields.length, 13);
  });

  it('makes the fields above the first break an untitled first step, and leaves out steps with nothing shown', () => {
    const config = removeStepBreak(threeSteps(), 'companyName');
    assert.deepEqual(ids(config).map(([title]) => title), [null, 'Contact', 'Address']);
    let individual = setDisplayed(threeSteps(), 'customerType', true);
    assert.deepEqual(breaks(individual), ['customerType', 'civility', 'street'], 'the first break moved to the customer type, now first');
    individual = addStepBreak(individual, 'companyName', 'Company details');
    assert.deepEqual(ids(individual, 'en', { customerType: 'individual' }).map(([title]) => title), ['Company', 'Contact', 'Address']);
    assert.deepEqual(ids(individual, 'en', { customerType: 'company' }).map(([title]) => title), ['Company', 'Company details', 'Contact', 'Address']);
  });

  it('follows the conditions of the values given', () => {
    const config = setVisibleWhen(threeSteps(), 'siret', { field: 'country', in: ['FR'] });
    assert.deepEqual(ids(config, 'en', { country: 'BE' })[0]?.[1], ['companyName', 'legalForm', 'vatNumber']);
    assert.deepEqual(ids(config, 'en', { country: 'FR' })[0]?.[1], ['companyName', 'legalForm', 'siret', 'vatNumber']);
  });
});

describe('step edits', () => {
  it('add, retitle, move and remove a break', () => {
    let config = addStepBreak(defaultConfig(), 'street', { en: 'Address' });
    config = setStepTitle(config, 'street', { en: 'Where', fr: 'Où' });
    assert.deepEqual(config.steps, [{ before: 'street', title: { en: 'Where', fr: 'Où' } }]);
    config = moveStepBreak(config, 'street', 'website');
    assert.deepEqual(breaks(config), ['website']);
    assert.deepEqual(removeStepBreak(config, 'website').steps, undefined);
  });

  it('refuse what does not exist or would repeat, with codes', () => {
    const config = threeSteps();
    const code = (edit: () => unknown) => {
      try {
        edit();
      } catch (error) {
        assert.ok(error instanceof ConfigError);
        return error.issues[0]?.code;
      }
      return 'none';
    };
    assert.equal(code(() => addStepBreak(config, 'nope', 'X')), 'unknown_field');
    assert.equal(code(() => addStepBreak(config, 'street', 'X')), 'duplicate_step');
    assert.equal(code(() => addStepBreak(config, 'city', ' ')), 'missing_step_title');
    assert.equal(code(() => moveStepBreak(config, 'city', 'phone')), 'unknown_step');
    assert.equal(code(() => moveStepBreak(config, 'street', 'civility')), 'duplicate_step');
    assert.equal(code(() => removeStepBreak(config, 'city')), 'unknown_step');
    assert.equal(code(() => setStepTitle(config, 'street', '')), 'missing_step_title');
  });

  it('moving fields keeps breaks between the rows they separate', () => {
    // [companyName legalForm siret vatNumber] [civility firstName lastName position …]
    const config = threeSteps();
    const index = (c: FormConfig, id: string) => c.fields.findIndex((entry) => entry.id === id);
    const stepOf = (c: FormConfig, id: string) => resolveSteps(c, 'en', {}).findIndex((step) => step.fields.some((field) => field.id === id));
    // The first field of step 2 moves down: the break stays and passes to the next row.
    let moved = moveField(config, index(config, 'civility'), index(config, 'lastName'));
    assert.equal(breaks(moved)[1], 'firstName');
    assert.equal(stepOf(moved, 'civility'), 1);
    // The last field of step 1 moves down one row: it lands after the first row of step 2, in step 2.
    moved = moveField(config, index(config, 'vatNumber'), index(config, 'civility'));
    assert.deepEqual([breaks(moved)[1], stepOf(moved, 'vatNumber')], ['civility', 1]);
    // The second field of step 2 moves up one row: it becomes the first of step 2, not the last of step 1.
    moved = moveField(config, index(config, 'firstName'), index(config, 'civility'));
    assert.deepEqual([breaks(moved)[1], stepOf(moved, 'firstName'), stepOf(moved, 'civility')], ['firstName', 1, 1]);
    // The first field of step 2 moves up into step 1; step 2 now starts at the next row.
    moved = moveField(config, index(config, 'civility'), 0);
    assert.deepEqual([moved.fields[0]?.id, breaks(moved)[0], breaks(moved)[1], stepOf(moved, 'civility')], ['civility', 'civility', 'firstName', 0]);
  });

  it('a break whose step would be empty goes with its last field', () => {
    let config = addStepBreak(defaultConfig(), 'partnerOffers', 'Last');
    config = addStepBreak(config, 'customerType', 'After last');
    config = moveField(config, config.fields.length - 2, 0);
    assert.deepEqual(breaks(config), ['customerType']);
    config = addCustomField(defaultConfig(), { id: 'kbis', type: 'file', label: 'Kbis' });
    config = addStepBreak(config, 'kbis', 'Documents');
    assert.equal(removeCustomField(config, 'kbis').steps, undefined);
  });
});
