import assert from 'node:assert/strict';
import { test } from 'node:test';
import { escapeHtml, html } from './html.js';
import { adminPage } from './admin.js';
import { shopPage } from './shop.js';
import { pageLocale } from './text.js';

test('escapeHtml escapes every character that could open markup or leave an attribute', () => {
  assert.equal(escapeHtml(`<a href="x" onclick='y'>&\`</a>`), '&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&#96;&lt;/a&gt;');
});

test('html escapes interpolated values but keeps nested templates, joins arrays, drops empty values', () => {
  const evil = '"><script>alert(1)</script>';
  const out = html`<p title="${evil}">${[html`<b>${evil}</b>`, 'x']}${undefined}${null}${false}${0}</p>`.toString();
  assert.equal(out, '<p title="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"><b>&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;</b>x0</p>');
});

test('pageLocale: a language tag by the registry rule (its language, else en); nothing or no tag, the shop\'s French', () => {
  assert.equal(pageLocale('en'), 'en');
  assert.equal(pageLocale('fr'), 'fr');
  assert.equal(pageLocale(undefined), 'fr');
  assert.equal(pageLocale('"><script>'), 'fr');
  assert.equal(pageLocale('de-AT'), 'de');
  assert.equal(pageLocale('pt_BR'), 'pt');
  assert.equal(pageLocale('sv'), 'en', 'a language without tables falls back to English, not French');
});

test('the shop page escapes its options and embeds the form with one module script and one tag', () => {
  const page = shopPage({ locale: 'en', formScript: '/assets/f.js?a=1&b="2"', configSrc: '/c"x', action: '/a<b' });
  assert.match(page, /^<!doctype html>\n<html lang="en">/);
  assert.equal(page.match(/<script\b/g)?.length, 1);
  assert.ok(page.includes('<script type="module" src="/assets/f.js?a=1&amp;b=&quot;2&quot;"></script>'));
  assert.ok(page.includes('<account-request-form config-src="/c&quot;x" action="/a&lt;b" lang="en"></account-request-form>'));
  assert.doesNotMatch(page, /<style|\sstyle=|\son\w+=/);
  assert.ok(page.includes('href="/?lang=fr" hreflang="fr" lang="fr">Français</a>'));
});

test('the admin page holds the editor with preview, in the chosen language', () => {
  const page = adminPage({ locale: 'fr', editorScript: '/assets/e.js', configSrc: '/api/c', requestsHref: '/api/r', requests: [] });
  assert.ok(page.includes('<form-field-config config-src="/api/c" lang="fr" preview></form-field-config>'));
  assert.ok(page.includes('<html lang="fr">'));
  assert.ok(page.includes('href="/admin/?lang=en"'));
  assert.equal(page.match(/<script\b/g)?.length, 1);
  assert.ok(page.includes('Aucune demande pour l’instant.'));
});

test('the requests table escapes every stored value', () => {
  const evil = '<img src=x onerror=alert(1)>';
  const page = adminPage({
    locale: 'en',
    editorScript: '/assets/e.js',
    configSrc: '/api/c',
    requestsHref: '/api/r',
    requests: [
      { id: 'r1', createdAt: '2026-03-04T10:20:00.000Z', locale: 'fr', access: 'full', status: 'new', values: { companyName: evil, lastName: 'Dupont', email: 'a@b.example', city: 'Lyon', postalCode: '69002' } },
    ],
  });
  assert.ok(page.includes('<td>&lt;img src=x onerror=alert(1)&gt;</td>'));
  assert.doesNotMatch(page, /<img/);
  assert.ok(page.includes('<td>69002 Lyon</td>'));
  assert.ok(page.includes('The latest request'));
});
