import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { BUILT_IN_LOCALES, texts } from '../../i18n/registry.js';
import '../locales.js';
import { correctionMail, informationMail, invitationMail, rejectionMail } from './decision-templates.js';

const values = { companyName: 'Acme <b>&</b>\r\nBcc: x@evil.example', email: 'jane@acme.example' };

describe('decision e-mails', () => {
  test('a team message is quoted as text in the HTML part, line breaks kept, markup escaped', () => {
    const mail = rejectionMail({ locale: 'en', siteName: 'Comptoir Duval', values, reason: 'incomplete', message: 'Line one <script>alert(1)</script>\nLine two' });
    assert.match(mail.html, /<blockquote><p>Line one &lt;script&gt;alert\(1\)&lt;\/script&gt;<br>Line two<\/p><\/blockquote>/);
    assert.match(mail.text, /Reason: Incomplete or unverifiable information\.\n\nMessage from our team:\n\nLine one <script>alert\(1\)<\/script>\nLine two/);
    assert.doesNotMatch(mail.html, /<script>|<b>/);
    assert.match(mail.text, /The Comptoir Duval team\n$/);
  });

  test('subjects stay one line whatever the company name holds', () => {
    const mail = correctionMail({ locale: 'en', values, changed: ['Postal code', 'City'] });
    assert.doesNotMatch(mail.subject, /[\r\n]/);
    assert.match(mail.text, /Changed: Postal code and City\./);
    assert.match(correctionMail({ locale: 'fr', values, changed: [] }).text, /Aucune valeur n’a été modifiée\./);
  });

  test('the information and invitation links are in both parts, with the expiry date in the language of the e-mail', () => {
    const info = informationMail({ locale: 'fr', values, message: 'Votre Kbis ?', link: 'https://shop.example/information/abc?x=1&y=2', expiresAt: '2026-04-01T09:00:00.000Z' });
    assert.match(info.text, /https:\/\/shop\.example\/information\/abc\?x=1&y=2/);
    assert.match(info.html, /<a href="https:\/\/shop\.example\/information\/abc\?x=1&amp;y=2">Compléter ma demande<\/a>/);
    assert.match(info.text, /1 avril 2026/);
    const invitation = invitationMail({ locale: 'de', siteName: 'Comptoir Duval', link: 'https://shop.example/invitation/t', expiresAt: '2026-04-01T09:00:00.000Z' });
    assert.equal(invitation.subject, 'Ihre Einladung zur Eröffnung eines Geschäftskundenkontos Comptoir Duval');
    assert.doesNotMatch(invitation.text, /Diese Einladung gilt für/);
  });

  test('every built-in language has its own words for each decision e-mail (no English left in another language)', () => {
    const english = texts('mail', 'en');
    for (const locale of BUILT_IN_LOCALES.filter((tag) => tag !== 'en')) {
      const words = texts('mail', locale);
      for (const key of ['rejectionSubject', 'informationSubject', 'informationButton', 'invitationBody', 'invitationButton', 'correctionIntro', 'teamMessage'] as const) {
        assert.notEqual(words[key], english[key], `${locale}.${key}`);
      }
      for (const reason of Object.keys(english.rejectionReasons) as (keyof typeof english.rejectionReasons)[]) {
        assert.notEqual(words.rejectionReasons[reason], english.rejectionReasons[reason], `${locale}.rejectionReasons.${reason}`);
      }
    }
  });
});
