import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import './server/locales.js';
import { EU_MEMBER_STATES } from './eu.js';
import { addCustomField, defaultConfig, setDisplayed, setVisibleWhen } from './config/index.js';
import { describeCondition, describeVisibility, hiddenFieldNotice } from './describe-condition.js';
import { effectiveCondition, isFieldVisible, isFilled, visibleFields } from './visibility.js';
import type { Condition } from './types.js';

const sector = { id: 'sector', type: 'select', label: { en: 'Sector', fr: 'Secteur' }, options: [{ value: 'retail', label: { en: 'Retail', fr: 'Commerce' } }, { value: 'other', label: { en: 'Other', fr: 'Autre' } }] } as const;
const config = addCustomField(addCustomField(defaultConfig(), sector), { id: 'kbis', type: 'file', label: 'Kbis' });
const words = (condition: Condition, locale = 'en') => describeCondition(condition, config, locale);

describe('describeCondition', () => {
  it('writes each test with the labels and values of the locale', () => {
    assert.equal(words({ field: 'country', in: ['FR'] }), 'Country is France');
    assert.equal(words({ field: 'country', in: ['FR', 'BE'] }, 'fr'), 'Pays est France ou Belgique');
    assert.equal(words({ field: 'country', notIn: ['FR'] }, 'de'), 'Land nicht den Wert Frankreich hat');
    assert.equal(words({ field: 'sector', notIn: ['retail', 'other'] }), 'Sector is none of Retail and Other');
    assert.equal(words({ field: 'legalForm', in: ['association'] }, 'fr'), 'Forme juridique est Association');
    assert.equal(words({ field: 'customerType', in: ['individual'] }, 'es'), 'Tipo de cliente es Particular');
    assert.equal(words({ field: 'newsletter', filled: true }), 'Send me the newsletter is ticked');
    assert.equal(words({ field: 'kbis', filled: false }), 'no file is attached to Kbis');
    assert.equal(words({ field: 'website', filled: true }, 'it'), 'Sito web è compilato');
  });

  it('says "an EU member state other than" rather than listing 26 countries', () => {
    assert.equal(words({ field: 'country', in: EU_MEMBER_STATES.filter((code) => code !== 'FR') }), 'Country is an EU member state other than France');
    assert.equal(words({ field: 'country', in: [...EU_MEMBER_STATES] }, 'nl'), 'Land een EU-lidstaat is');
  });

  it('joins groups with and / or, nested ones in parentheses', () => {
    const condition: Condition = { all: [{ field: 'country', in: ['FR'] }, { any: [{ field: 'sector', in: ['other'] }, { field: 'website', filled: false }] }] };
    assert.equal(words(condition), 'Country is France and (Sector is Other or Website is empty)');
    assert.equal(words(condition, 'fr'), 'Pays est France et (Secteur est Autre ou Site web est vide)');
  });

  it('puts the effective condition in a sentence, the customer type rule included', () => {
    let shown = setVisibleWhen(setDisplayed(config, 'customerType', true), 'siret', { field: 'country', in: ['FR'] });
    assert.equal(describeVisibility(shown, 'siret', 'en'), 'Shown only when Customer type is Company and Country is France');
    assert.equal(describeVisibility(shown, 'email', 'en'), undefined);
    shown = setDisplayed(shown, 'customerType', false);
    assert.equal(describeVisibility(shown, 'siret', 'fr'), 'Affiché seulement si Pays est France');
  });

  it('says when a condition reads a field that is not displayed, which the form reads as empty', () => {
    const reads = setVisibleWhen(config, 'siret', { field: 'country', in: ['FR'] });
    assert.equal(hiddenFieldNotice(reads, 'country', 'en'), undefined, 'country is displayed');
    const hidden = setDisplayed(reads, 'country', false);
    assert.equal(describeVisibility(hidden, 'siret', 'en'), 'Shown only when Country is France. Country is not displayed: the form reads it as empty.');
    assert.equal(describeVisibility(hidden, 'siret', 'fr'), 'Affiché seulement si Pays est France. Pays n’est pas affiché : le formulaire le lit comme vide.');
    const twice = setVisibleWhen(hidden, 'website', { any: [{ field: 'country', notIn: ['FR'] }, { field: 'country', filled: false }] });
    assert.equal(hiddenFieldNotice(twice, 'country', 'en'), 'Country is not displayed, and the conditions of SIRET number and Website read it: the form now reads it as empty.');
    assert.equal(describeVisibility(twice, 'website', 'en')?.match(/Country is not displayed/g)?.length, 1, 'one note per field read');
    assert.equal(hiddenFieldNotice(twice, 'email', 'en'), undefined, 'no condition reads it');
    assert.equal(hiddenFieldNotice(setDisplayed(twice, 'country', true), 'country', 'en'), undefined);
  });
});

describe('visibility', () => {
  const shown = setVisibleWhen(setDisplayed(setDisplayed(config, 'newsletter', true), 'customerType', true), 'sector', { field: 'newsletter', filled: true });

  it('adds the company rule only while the customer type is displayed', () => {
    assert.deepEqual(effectiveCondition(shown, 'legalForm'), { field: 'customerType', in: ['company'] });
    assert.equal(effectiveCondition(config, 'legalForm'), undefined);
    assert.equal(effectiveCondition(shown, 'email'), undefined);
  });

  it('reads a value only from a shown field', () => {
    const chain = setVisibleWhen(setDisplayed(shown, 'website', true), 'website', { field: 'sector', filled: true });
    assert.equal(isFieldVisible(chain, 'website', { newsletter: true, sector: 'retail' }), true);
    assert.equal(isFieldVisible(chain, 'website', { newsletter: false, sector: 'retail' }), false, 'sector is hidden, so empty');
    assert.equal(isFieldVisible(chain, 'city', {}), true);
    assert.equal(isFieldVisible(chain, 'fax', {}), false, 'not displayed');
  });

  it('never throws for odd values', () => {
    const hostile = new Proxy({}, { get: () => { throw new Error('boom'); }, getOwnPropertyDescriptor: () => { throw new Error('boom'); } });
    for (const values of [null, undefined, 42, 'x', [], hostile] as unknown[]) assert.ok(Array.isArray(visibleFields(shown, values as never)));
  });

  it('says what counts as filled', () => {
    assert.deepEqual(['on', true, 'false', false].map((value) => isFilled('checkbox', value)), [true, true, false, false]);
    assert.deepEqual([' ', 'x', 0, Number.NaN, [], [{}], null].map((value) => isFilled('text', value)), [false, true, true, false, false, true, false]);
    // Blank as validation decides it: invisible characters alone fill nothing.
    assert.deepEqual(['\u200b', '\u00a0\u2060\ufeff', '\u200bx'].map((value) => isFilled('text', value)), [false, false, true]);
    assert.equal(isFilled('file', { name: 'a.pdf' }), true);
    // A password is kept as typed, spaces and invisible characters included: filled unless empty, as validation stores it.
    assert.deepEqual(['', ' ', '\u200b\u200c'].map((value) => isFilled('password', value)), [false, true, true]);
  });
});
