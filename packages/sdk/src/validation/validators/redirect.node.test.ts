import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isSafeRedirectUrl } from './redirect.js';

test('safe redirects: same-origin paths and https URLs', () => {
  for (const v of ['/', '/thank-you', '/thank-you?x=1#a', '/merci/', '/a/b/../c', '/%2F%2Fevil.com',
    '/path?next=//evil.com', 'https://ok.example/path', 'HTTPS://ok.example/merci?x=1', 'https://ok.example'])
    assert.equal(isSafeRedirectUrl(v), true, v);
});

test('unsafe redirects', () => {
  for (const v of ['', 'javascript:alert(1)', 'JaVaScRiPt:alert(1)', ' javascript:alert(1)', 'java\tscript:alert(1)',
    'data:text/html;base64,PHNjcmlwdD4=', 'vbscript:msgbox', '//evil.com', '///evil.com', '/\\evil.com',
    '\\\\evil', '\\/evil.com', '/\t/evil.com', '/\n/evil.com', '/\r/evil.com', '/ /evil.com', '/thank you',
    '/x\0', 'http://ok.example/path', 'https://user:pw@ok.example/', 'https:/\\evil.com', 'https:evil.com',
    'thank-you', './thank-you', '../x', '?x=1', '#a', 'ftp://ok.example/', 'https:// evil.com'])
    assert.equal(isSafeRedirectUrl(v), false, JSON.stringify(v));
});
