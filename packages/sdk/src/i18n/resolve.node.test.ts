import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { core as en } from './locales/en/core.js';
import { core as fr } from './locales/fr/core.js';
import { countryName, errorMessage, formatMessage, localize, messages, resolveLocale } from './resolve.js';

describe('resolveLocale', () => {
  it('maps tags of the seven built-in languages to their language and everything else to en', () => {
    for (const tag of ['fr', 'FR', 'fr-CA', 'fr_BE', 'fr-Latn-FR']) assert.equal(resolveLocale(tag), 'fr', tag);
    for (const tag of ['en', 'en-GB', 'sv', 'fra', 'french', '', undefined]) assert.equal(resolveLocale(tag), 'en', String(tag));
    for (const [tag, locale] of [['de-AT', 'de'], ['es', 'es'], ['it-CH', 'it'], ['nl_BE', 'nl'], ['pt-BR', 'pt'], ['DE', 'de']]) assert.equal(resolveLocale(tag), locale, tag);
  });
});

describe('localize', () => {
  const text = { fr: 'Secteur', en: 'Sector', 'pt-BR': 'Setor' };
  it('picks the exact tag, then the language, then en, then the first text', () => {
    assert.equal(localize(text, 'fr'), 'Secteur');
    assert.equal(localize(text, 'fr-CA'), 'Secteur');
    assert.equal(localize(text, 'pt-br'), 'Setor');
    assert.equal(localize(text, 'pt-PT'), 'Sector');
    assert.equal(localize(text, 'de'), 'Sector');
    assert.equal(localize({ de: 'Branche', it: 'Settore' }, 'fr'), 'Branche');
  });

  it('returns plain strings as they are and empty for nothing', () => {
    assert.equal(localize('Secteur', 'en'), 'Secteur');
    assert.equal(localize(undefined, 'en'), '');
    assert.equal(localize({}, 'en'), '');
    assert.equal(localize({ fr: '', en: 'Sector' }, 'fr'), 'Sector');
  });

  it('never returns inherited properties', () => {
    assert.equal(localize(JSON.parse('{"__proto__": {"fr": "x"}, "en": "Sector"}') as Record<string, string>, 'fr'), 'Sector');
    assert.equal(localize({ en: 'Sector' }, 'constructor'), 'Sector');
    assert.equal(localize({ en: 'Sector' }, 'toString'), 'Sector');
  });
});

describe('messages', () => {
  it('has the same keys in fr and en, none empty', () => {
    const keys = (table: object): string[] => Object.entries(table).flatMap(([k, v]) => (typeof v === 'object' ? keys(v as object).map((s) => `${k}.${s}`) : [k])).sort();
    assert.deepEqual(keys(fr), keys(en));
    const values = (table: object): string[] => Object.values(table).flatMap((v) => (typeof v === 'object' ? values(v as object) : [v as string]));
    for (const value of [...values(fr), ...values(en)]) assert.ok(value.trim().length > 0);
    assert.notDeepEqual(values(fr), values(en));
  });

  it('gives the confirmation label, submit label and required marker per locale', () => {
    assert.equal(messages('fr').confirm, "Je confirme l'exactitude des informations ci-dessus");
    assert.equal(messages('en').confirm, 'I confirm the information above is accurate');
    assert.equal(messages('fr-CA').submit, 'Envoyer la demande');
    assert.equal(messages('sv').submit, 'Send request');
    assert.equal(messages().requiredText, 'required');
    assert.equal(messages('fr').requiredText, 'obligatoire');
  });
});

describe('errorMessage', () => {
  it('uses the wording of the check, else the generic one, with parameters', () => {
    assert.equal(errorMessage('fr', 'invalid_checksum', 'siret'), "Ce numéro SIRET n'existe pas : vérifiez les chiffres.");
    assert.equal(errorMessage('en', 'invalid_checksum', 'vat'), 'The key of this VAT number is wrong: check the digits.');
    assert.equal(errorMessage('en', 'invalid_checksum'), 'This number is not valid: check for typing errors.');
    assert.equal(errorMessage('fr', 'too_long', undefined, { max: 80 }), 'Saisissez au plus 80 caractères.');
    assert.equal(errorMessage('en', 'too_long', 'unknown-check', { max: 5 }), 'Enter at most 5 characters.');
    assert.equal(errorMessage('en', 'invalid_format', 'postal-code', { country: 'Belgium' }), 'This is not a valid postal code for Belgium.');
  });

  it('formats placeholders and leaves unknown ones', () => {
    assert.equal(formatMessage('{a} and {b}', { a: 1 }), '1 and {b}');
    assert.equal(formatMessage('{toString}', {}), '{toString}');
  });

  it('names countries in the locale, or gives the code back', () => {
    assert.equal(countryName('BE', 'fr'), 'Belgique');
    assert.equal(countryName('BE', 'en'), 'Belgium');
    assert.equal(countryName('not a code', 'en'), 'not a code');
  });
});
