import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { format, formatDuration, intlLocale, preparePlurals } from './format.js';
import { formatDate, formatDay } from './format-date.js';
import { core as en } from './locales/en/core.js';
import { addLocaleLoader, loadLocale, localeChain, onLocalesChange, registerLocale, registeredTables, texts } from './registry.js';
import type { Table } from './table.js';
import { AccountRequestError } from '../errors.js';

describe('localeChain: the one fallback rule', () => {
  it('is the tag, its language, then en, whatever the case or separator', () => {
    assert.deepEqual(localeChain('pt_BR'), ['pt-br', 'pt', 'en']);
    assert.deepEqual(localeChain('EN-gb'), ['en-gb', 'en']);
    assert.deepEqual(localeChain('fr'), ['fr', 'en']);
    assert.deepEqual(localeChain(undefined), ['en']);
    assert.deepEqual(localeChain(''), ['en']);
  });

  it('applies to the built-in texts: a regional tag gets its language, an unknown one English', () => {
    assert.equal(texts('core', 'fr-CA').submit, 'Envoyer la demande');
    assert.equal(texts('core', 'FR_be').submit, 'Envoyer la demande');
    assert.equal(texts('core', 'sv').submit, 'Send request');
    assert.equal(texts('core').submit, 'Send request');
  });

  it('hands out a copy: changing it changes no later chain or text', () => {
    const chain = localeChain('pt-BR');
    chain.length = 0;
    chain.push('de');
    assert.deepEqual(localeChain('pt-BR'), ['pt-br', 'pt', 'en']);
    assert.equal(texts('core', 'pt-BR').submit, texts('core', 'pt').submit);
  });
});

describe('registerLocale', () => {
  it('adds a language at run time; a key it leaves out falls back to English, key by key', () => {
    let calls = 0;
    const stop = onLocalesChange(() => calls++);
    registerLocale('sv', { core: { submit: 'Skicka ansökan', errors: { required: 'Fältet är obligatoriskt.' } } });
    const sv = texts('core', 'sv-SE');
    assert.equal(sv.submit, 'Skicka ansökan');
    assert.equal(sv.errors.required, 'Fältet är obligatoriskt.');
    assert.equal(sv.errors.too_long, en.errors.too_long, 'a missing key of a group');
    assert.equal(sv.confirm, en.confirm, 'a missing key');
    assert.equal(calls, 1, 'listeners hear of it (elements re-render)');
    stop();
    registerLocale('sv', { core: { confirm: 'Jag bekräftar', submit: '' } });
    assert.equal(calls, 1, 'unsubscribed');
    assert.equal(texts('core', 'sv').confirm, 'Jag bekräftar', 'registering again adds up');
    assert.equal(texts('core', 'sv').submit, 'Skicka ansökan', 'an empty text changes nothing');
  });

  it('completes a built-in language for one region without changing the language', () => {
    registerLocale('fr-CA', { core: { submit: 'Soumettre la demande' } });
    assert.equal(texts('core', 'fr-CA').submit, 'Soumettre la demande');
    assert.equal(texts('core', 'fr-CA').confirm, "Je confirme l'exactitude des informations ci-dessus", 'then French');
    assert.equal(texts('core', 'fr').submit, 'Envoyer la demande');
  });

  it('takes tables parsed from JSON without letting them reach a prototype', () => {
    registerLocale('xx-polluted', JSON.parse('{"core": {"__proto__": {"polluted": "yes"}, "submit": "X"}}') as never);
    assert.equal(texts('core', 'xx-polluted').submit, 'X');
    assert.equal(({} as Record<string, unknown>)['polluted'], undefined);
    assert.equal((texts('core', 'xx-polluted') as unknown as Record<string, unknown>)['polluted'], undefined);
  });

  it('refuses an empty tag', () => {
    assert.throws(() => registerLocale('', {}), TypeError);
  });
});

describe('loaders: languages fetched on demand', () => {
  it('serves English until the language arrives, asks each loader once, then serves it', async () => {
    const asked: string[] = [];
    addLocaleLoader((language) => {
      asked.push(language);
      return language === 'zz' ? Promise.resolve({ core: { submit: 'Zubmit' } }) : undefined;
    });
    let changed = 0;
    const stop = onLocalesChange(() => changed++);
    assert.equal(texts('core', 'zz-ZZ').submit, 'Send request', 'English while loading');
    assert.equal(texts('core', 'zz').submit, 'Send request');
    await loadLocale('zz');
    stop();
    assert.deepEqual(asked.filter((l) => l === 'zz'), ['zz'], 'one load for the language');
    assert.equal(changed, 1);
    assert.equal(texts('core', 'zz-ZZ').submit, 'Zubmit');
    assert.equal(registeredTables('zz')?.core?.submit, 'Zubmit');
  });

  it('tries a failed load again on the next request', async () => {
    let attempts = 0;
    addLocaleLoader((language) => (language === 'yy' ? (++attempts === 1 ? Promise.reject(new Error('offline')) : Promise.resolve({ core: { submit: 'Y' } })) : undefined));
    await loadLocale('yy');
    assert.equal(texts('core', 'yy').submit, 'Send request');
    await loadLocale('yy');
    assert.equal(texts('core', 'yy').submit, 'Y');
    assert.equal(attempts, 2);
  });
});

describe('format: placeholders and plurals through Intl', () => {
  const fields = { one: '{count} champ', other: '{count} champs' };
  it('picks the plural form of the language', () => {
    assert.equal(format(fields, { count: 1 }, 'fr'), '1 champ');
    assert.equal(format(fields, { count: 0 }, 'fr'), '0 champ', 'French singular covers 0');
    assert.equal(format(fields, { count: 0 }, 'en'), '0 champs');
    assert.equal(format({ other: '{count} x' }, { count: 1 }, 'en'), '1 x', 'other when the form is missing');
  });

  it('fills placeholders and leaves unknown ones', () => {
    assert.equal(format('{a} and {b}', { a: 1 }), '1 and {b}');
    assert.equal(format('{toString}'), '{toString}');
  });

  it('preparePlurals builds the rules of a locale once, ahead of the plural texts that use them', () => {
    const Original = Intl.PluralRules;
    const built: string[] = [];
    // A locale no other case uses, so the module's cache starts without it.
    const intl = Intl as { PluralRules: typeof Intl.PluralRules };
    intl.PluralRules = class extends Original {
      constructor(...args: ConstructorParameters<typeof Original>) {
        super(...args);
        built.push(String(args[0]));
      }
    } as typeof Intl.PluralRules;
    try {
      preparePlurals('fr-BE');
      assert.deepEqual(built, ['fr-BE']);
      assert.equal(format(fields, { count: 0 }, 'fr-BE'), '0 champ');
      assert.equal(format(fields, { count: 2 }, 'fr-BE'), '2 champs');
      preparePlurals('fr-BE');
      assert.deepEqual(built, ['fr-BE'], 'no other rules built');
    } finally {
      intl.PluralRules = Original;
    }
  });
});

describe('texts of a namespace nothing registered', () => {
  it('throws an AccountRequestError naming the namespace', () => {
    assert.throws(() => texts('pages', 'fr'), (error: unknown) => error instanceof AccountRequestError && /No pages texts are registered/.test(error.message));
  });
});

describe('Intl formatting', () => {
  it('uses the tag when it names a region, else the language default of its core table', () => {
    assert.equal(intlLocale('fr'), 'fr-FR');
    assert.equal(intlLocale('en'), 'en-GB');
    assert.equal(intlLocale('fr-CA'), 'fr-CA');
    assert.equal(intlLocale('sv'), 'sv', 'a language without a table default is used as it is');
    assert.equal(intlLocale('not a tag!'), 'en-GB');
    assert.equal(intlLocale(undefined), 'en-GB');
  });

  it('drops a tag\'s extensions, so a header cannot choose the digits of another language\'s sentence', () => {
    assert.equal(intlLocale('fr-FR-u-nu-arab'), 'fr-FR');
    assert.equal(intlLocale('en-US-u-nu-hanidec-ca-roc'), 'en-US');
    assert.equal(intlLocale('en-u-nu-thai'), 'en-GB');
    assert.equal(intlLocale('fr-CA-x-private'), 'fr-CA');
    assert.equal(new Intl.NumberFormat(intlLocale('fr-FR-u-nu-arab')).format(1000), '1\u202f000');
  });

  it('gives English\'s for a language nothing registered, whose texts are English\'s', () => {
    assert.equal(intlLocale('zh-Hant-TW'), 'en-GB');
    assert.equal(intlLocale('ar'), 'en-GB');
  });

  it('writes dates, numbers and waits in the language', () => {
    const options = { dateStyle: 'long', timeZone: 'UTC' } as const;
    assert.equal(formatDate('2026-05-01T09:00:00.000Z', 'fr', options), '1 mai 2026');
    assert.equal(formatDate(new Date('2026-05-01T09:00:00.000Z'), 'en', options), '1 May 2026');
    assert.equal(formatDuration(30, 'fr'), '30\u00a0secondes');
    assert.equal(formatDuration(90, 'en'), '2 minutes');
    assert.equal(formatDuration(1, 'en'), '1 second');
  });

  it('writes a date field\'s day in words, the same day in every time zone, and any other text as it is', () => {
    assert.equal(formatDay('2020-01-02', 'fr'), '2 janvier 2020');
    assert.equal(formatDay('2020-01-02', 'en'), '2 January 2020');
    assert.equal(formatDay('1999-12-31', 'de-AT'), formatDate('1999-12-31T12:00Z', 'de-AT', { dateStyle: 'long', timeZone: 'UTC' }));
    for (const text of ['2020-13-45', '02/01/2020', '2020-1-2', '']) assert.equal(formatDay(text, 'fr'), text);
    // Days the calendar lacks, which Date rolls over to the next month, stay as typed.
    for (const text of ['2027-02-30', '2027-02-29', '2026-04-31']) assert.equal(formatDay(text, 'en'), text);
    assert.equal(formatDay('2028-02-29', 'en'), '29 February 2028');
  });
});

describe('typed tables', () => {
  it('makes a missing key a type error (checked by tsc)', () => {
    const { submit, ...withoutSubmit } = en;
    // @ts-expect-error a core table without `submit` is incomplete
    const incomplete: Table<typeof en> = withoutSubmit;
    assert.equal(typeof submit, 'string');
    assert.ok(incomplete);
  });
});
