import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ENGLISH, englishIn, OTHER_LANGUAGES, SAME_AS_ENGLISH, segmentsOfHtml, tableProblems } from '../../../../test/test-helpers/english-fallback.js';
import { activationMail, alertMail, confirmationMail, type MailContent } from '../server/mail/templates.js';
import { BUILT_IN_LOCALES, registeredTables } from './registry.js';

const NAMESPACES = Object.keys(ENGLISH) as (keyof typeof ENGLISH)[];

describe('the seven built-in languages', () => {
  it('have every namespace complete: same keys and placeholders as English, nothing empty, nothing left in English', async () => {
    const problems: string[] = [];
    for (const language of OTHER_LANGUAGES) {
      for (const namespace of NAMESPACES) {
        const module = (await import(`./locales/${language}/${namespace}.js`)) as Record<string, unknown>;
        problems.push(...tableProblems(ENGLISH[namespace], module[namespace], language).map((problem) => `${namespace} ${problem}`));
      }
    }
    assert.deepEqual(problems, []);
  });

  it('are what the server registers (the seven languages, core, issues and mail)', async () => {
    await import('../server/locales.js');
    for (const language of BUILT_IN_LOCALES) {
      for (const namespace of ['core', 'issues', 'mail'] as const) assert.ok(registeredTables(language)?.[namespace], `${language} ${namespace}`);
    }
  });
});

describe('e-mails in every language', () => {
  const values = { companyName: 'Quincaillerie Morel', civility: 'Mme', firstName: 'Zoé', lastName: 'Morel', email: 'zoe@morel.example', phone: '+33 4 78 00 00 00', siret: '73282932000074', postalCode: '69002', city: 'Lyon' };
  const mails = (locale: string): Record<string, MailContent> => ({
    confirmation: confirmationMail({ locale, siteName: 'Comptoir Duval', values }),
    alert: alertMail({ locale, siteName: 'Comptoir Duval', values, createdAt: '2026-03-02T09:00:00.000Z', link: 'https://shop.example/admin/requests/r1' }),
    activation: activationMail({ locale, siteName: 'Comptoir Duval', values, link: 'https://shop.example/activation/abc', expiresAt: '2026-05-01T09:00:00.000Z' }),
  });

  it('are written in the language asked, with no English and no text missing', () => {
    for (const language of ['en', ...OTHER_LANGUAGES]) {
      for (const [kind, mail] of Object.entries(mails(language))) {
        const segments = [mail.subject, ...mail.text.split('\n'), ...segmentsOfHtml(mail.html)];
        // English itself is checked for missing texts only.
        const found = englishIn(segments, language).filter((problem) => language !== 'en' || problem.startsWith('missing'));
        assert.deepEqual(found, [], `${language} ${kind}`);
        assert.match(mail.html, new RegExp(`<html lang="${language}">`), `${language} ${kind}`);
      }
    }
  });

  it('differ from English in every other language, line by line (data aside)', () => {
    const english = mails('en');
    for (const language of OTHER_LANGUAGES) {
      for (const [kind, mail] of Object.entries(mails(language))) {
        assert.notEqual(mail.subject, english[kind]?.subject, `${language} ${kind}`);
        // A row whose label a language shares with English ('Contact: …' in French) is no fallback.
        const shared = (line: string) => SAME_AS_ENGLISH[line.split(': ')[0] ?? '']?.includes(language);
        const same = mail.text.split('\n').filter((line) => line && english[kind]?.text.split('\n').includes(line) && !/^https:|Comptoir Duval$/.test(line) && !shared(line));
        assert.deepEqual(same, [], `${language} ${kind}`);
      }
    }
  });
});
