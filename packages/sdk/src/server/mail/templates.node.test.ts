import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { escapeHtml, headerLine } from './escape.js';
import { activationMail, alertMail, confirmationMail } from './templates.js';

const EVIL = '<script>alert("x")</script> & \'co\'';
const values = { companyName: EVIL, firstName: 'Zoë', lastName: '<b>Martin</b>', email: 'a"b@example.com', phone: '+33 1', siret: '73282932000074', postalCode: '69002', city: 'Lyon' };

function assertEscaped(html: string): void {
  assert.doesNotMatch(html, /<script|<b>|"x"/);
  assert.ok(html.includes('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;co&#39;'));
}

describe('mail templates', () => {
  test('confirmation in French and English: subject, text and escaped HTML', () => {
    const fr = confirmationMail({ locale: 'fr-FR', siteName: 'Comptoir Duval', values });
    assert.equal(fr.subject, 'Nous avons bien reçu votre demande de compte professionnel');
    assert.ok(fr.text.startsWith('Bonjour,\n\n'));
    assert.ok(fr.text.includes(`pour ${EVIL} nous est bien parvenue`), 'plain text keeps the value as typed');
    assert.ok(fr.text.includes('L’équipe Comptoir Duval'));
    assert.match(fr.html, /^<!doctype html>\n<html lang="fr">/);
    assertEscaped(fr.html);
    const en = confirmationMail({ locale: 'en', values });
    assert.equal(en.subject, 'We have received your business account request');
    assert.match(en.html, /<html lang="en">/);
    assert.ok(en.text.endsWith('once it is processed.\n'), 'no signature without a site name');
    assert.equal(confirmationMail({ locale: 'sv', values }).subject, en.subject, 'a language without tables falls back to English');
    const de = confirmationMail({ locale: 'de-AT', values });
    assert.equal(de.subject, 'Wir haben Ihre Anfrage für ein Geschäftskundenkonto erhalten', 'a regional tag gets its language');
    assert.match(de.html, /<html lang="de">/);
  });

  test('alert: every value escaped, a row per known value, the link when given', () => {
    const mail = alertMail({ locale: 'fr', values, createdAt: '2026-03-02T09:00:00.000Z', link: 'https://shop.test/admin/requests/r1?a=1&b=2' });
    assert.equal(mail.subject, `Nouvelle demande de compte professionnel : ${EVIL}`);
    assertEscaped(mail.html);
    assert.ok(mail.html.includes('<td>Zoë &lt;b&gt;Martin&lt;/b&gt;</td>'));
    assert.ok(mail.html.includes('<td>a&quot;b@example.com</td>'));
    assert.ok(mail.html.includes('href="https://shop.test/admin/requests/r1?a=1&amp;b=2"'));
    assert.ok(mail.text.includes('SIRET: 73282932000074'));
    assert.ok(mail.text.includes('Ouvrir la demande: https://shop.test/admin/requests/r1?a=1&b=2'));
    const en = alertMail({ locale: 'en', values: { companyName: 'Acme' }, createdAt: '2026-03-02T09:00:00.000Z' });
    assert.equal(en.subject, 'New business account request: Acme');
    assert.doesNotMatch(en.text, /Phone|Open the request/, 'empty values and a missing link are left out');
    assert.match(en.text, /^Received: 2 March 2026 at 09:00:00 UTC$/m, 'the date in words, with its zone');
    assert.match(mail.text, /: 2 mars 2026 à 09:00:00 UTC$/m);
    assert.ok(!mail.text.includes('2026-03-02T09'), 'no ISO timestamp');
  });

  test('activation: the link, its expiry date in the language, escaped', () => {
    const fr = activationMail({ locale: 'fr', siteName: 'Comptoir <Duval>', values, link: 'https://shop.test/activation/abc', expiresAt: '2026-05-01T09:00:00.000Z' });
    assert.equal(fr.subject, 'Activez votre compte professionnel Comptoir <Duval>');
    assert.ok(fr.text.includes('\n\nhttps://shop.test/activation/abc\n\n'));
    assert.ok(fr.text.includes('jusqu’au 1 mai 2026'));
    assert.ok(fr.html.includes('<a href="https://shop.test/activation/abc">Choisir mon mot de passe</a>'));
    assert.ok(fr.html.includes('Comptoir &lt;Duval&gt;'));
    assertEscaped(fr.html);
    const en = activationMail({ locale: 'en', values, link: 'https://x.test/a', expiresAt: '2026-05-01T09:00:00.000Z' });
    assert.ok(en.text.includes('until 1 May 2026'));
    assert.ok(activationMail({ locale: 'de', values, link: 'https://x.test/a', expiresAt: '2026-05-01T09:00:00.000Z' }).text.includes('bis zum 1. Mai 2026 gültig'));
    assert.equal(en.subject, 'Activate your business account');
  });

  test('no header injection: CR, LF and other controls never reach a subject', () => {
    const nasty = 'Acme\r\nBcc: victim@example.com\u2028X\u0000';
    for (const mail of [
      alertMail({ locale: 'en', values: { companyName: nasty }, createdAt: '2026-03-02T09:00:00.000Z' }),
      activationMail({ locale: 'fr', siteName: nasty, values, link: 'https://x.test/a', expiresAt: '2026-05-01T09:00:00.000Z' }),
    ]) {
      assert.doesNotMatch(mail.subject, /[\r\n\u0000-\u001f\u2028]/);
      assert.ok(mail.subject.includes('Acme Bcc: victim@example.com X'));
    }
    assert.equal(headerLine('x'.repeat(300)).length, 200);
  });

  test('escapeHtml covers the five characters of markup and attributes', () => {
    assert.equal(escapeHtml(`<a href="x" title='y'>&</a>`), '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });
});
