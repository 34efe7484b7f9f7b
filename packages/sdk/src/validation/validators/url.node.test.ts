import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isValidHttpUrl } from './url.js';

test('valid http(s) URLs', () => {
  for (const v of ['https://example.com', 'http://example.com', 'https://www.example.co.uk/path?q=1#top',
    'HTTPS://Example.COM/', 'https://exämple.de', 'https://xn--exmple-cua.de', 'https://example.com:8443/x',
    'http://192.0.2.10/', 'http://[2001:db8::1]/', 'https://sub-domain.example.org/a%20b', 'https://example.xn--p1ai'])
    assert.equal(isValidHttpUrl(v), true, v);
});

test('invalid URLs', () => {
  for (const v of ['', 'example.com', 'www.example.com', '//example.com', 'javascript:alert(1)',
    'JavaScript://example.com/%0aalert(1)', 'data:text/html,<b>x</b>', 'ftp://example.com', 'file:///etc/passwd',
    'mailto:a@example.com', 'https://user:pass@example.com', 'https://user@example.com', 'https://',
    'https:///path', 'https:example.com', 'https:/example.com', 'https://example.com/a b', ' https://example.com',
    'https://example.com ', 'https://exa mple.com', 'https://example.com\\path', 'https:\\\\example.com',
    'https://example.com/\tx', 'https://example.com/\nx', 'https://localhost', 'https://example',
    'https://example.c', 'https://-example.com', 'https://example.com:99999', 'https://exa_mple.com'])
    assert.equal(isValidHttpUrl(v), false, JSON.stringify(v));
});
