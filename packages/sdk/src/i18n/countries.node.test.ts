import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { countryCodes } from '../validation/validators/country.js';
import { countries as en } from './locales/en/countries.js';
import { BUILT_IN_LOCALES, registerLocale } from './registry.js';
import { countryList, countryName } from './resolve.js';
import '../server/locales.js';

describe('country names (the countries tables)', () => {
  it('every built-in language names exactly the countries the SDK accepts, in its own alphabetical order', async () => {
    const accepted = [...countryCodes()].sort();
    for (const language of BUILT_IN_LOCALES) {
      const { countries } = (await import(`./locales/${language}/countries.js`)) as { countries: Record<string, string> };
      assert.deepEqual(Object.keys(countries).sort(), accepted, language);
      const list = countryList(language);
      assert.deepEqual(list.map((entry) => entry.code), Object.keys(countries), `${language}: the table's order`);
      // The order the language's collation gives (regenerate the tables if Node's CLDR moved).
      const { core } = (await import(`./locales/${language}/core.js`)) as { core: { intl: string } };
      const collator = new Intl.Collator(core.intl);
      const names = list.map((entry) => entry.name);
      assert.deepEqual(names, [...names].sort(collator.compare), `${language}: sorted`);
    }
    assert.deepEqual(countryList('fr').slice(0, 2), [{ code: 'AF', name: 'Afghanistan' }, { code: 'ZA', name: 'Afrique du Sud' }]);
    assert.equal(countryName('AT', 'de'), 'Österreich');
    assert.equal(countryName('DE', 'nl-BE'), 'Duitsland');
  });

  it('a tag with its own table changes names and keeps its language’s order; a language without one is named by Intl', () => {
    registerLocale('fr-x-test', { countries: { ...Object.fromEntries(countryList('fr').map(({ code, name }) => [code, name])), CI: 'République de Côte d’Ivoire' } as typeof en });
    assert.equal(countryName('CI', 'fr-x-test'), 'République de Côte d’Ivoire');
    assert.equal(countryList('fr-x-test').find((entry) => entry.code === 'CI')?.name, 'République de Côte d’Ivoire');
    registerLocale('fr-y-test', { countries: { CI: 'Côte-d’Ivoire' } });
    assert.deepEqual(countryList('fr-y-test').map((entry) => entry.code), countryList('fr').map((entry) => entry.code), 'a partial table: the language’s order');
    assert.equal(countryName('CI', 'fr-y-test'), 'Côte-d’Ivoire');
    // Swedish registered at run time without a countries table: the runtime's names and
    // collation, never English's table.
    registerLocale('sv', { core: { submit: 'Skicka ansökan' } });
    const swedish = countryList('sv');
    assert.equal(swedish.length, countryCodes().length);
    assert.equal(swedish.find((entry) => entry.code === 'DE')?.name, new Intl.DisplayNames(['sv'], { type: 'region' }).of('DE'));
    assert.equal(countryName('DE', 'sv'), 'Tyskland');
    // A language nothing registered reads English words: its country names are English too.
    assert.equal(countryName('DE', 'zh-Hant-TW'), 'Germany');
    assert.equal(countryList('ar').find((entry) => entry.code === 'DE')?.name, 'Germany');
  });

  it('a list is computed once per locale and again after a registration', () => {
    const first = countryList('it');
    assert.equal(countryList('it'), first);
    registerLocale('it', { countries: { SM: 'San Marino' } });
    assert.notEqual(countryList('it'), first);
    assert.ok(Object.isFrozen(countryList('it')));
  });
});

describe('country tables registered at run time', () => {
  it('a table with junk keys or non-text names never lists a code the SDK refuses, nor an empty name', () => {
    const junk: Record<string, unknown> = Object.fromEntries(Array.from({ length: 300 }, (_, i) => [`X${i}`, 'junk']));
    registerLocale('nl-x-junk', { countries: junk as never });
    assert.deepEqual(countryList('nl-x-junk').map((entry) => entry.code), countryList('nl').map((entry) => entry.code), 'junk keys: the language’s table');
    const odd = Object.fromEntries(countryList('es').map(({ code, name }) => [code, code === 'ES' ? { one: 'x' } : code === 'PT' ? '' : name]));
    registerLocale('es-x-odd', { countries: odd as never });
    const list = countryList('es-x-odd');
    assert.ok(list.every((entry) => typeof entry.name === 'string' && entry.name !== ''));
    assert.equal(countryName('ES', 'es-x-odd'), 'España');
    assert.equal(countryName('PT', 'es-x-odd'), 'Portugal');
  });
});
