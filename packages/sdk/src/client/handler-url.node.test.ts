import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { defaultConfig } from '../config/index.js';
import { createClient } from './client.js';
import { handlerUrl } from './handler-url.js';
import type { Fetch } from './http.js';

describe('handlerUrl', () => {
  test('puts the route after the path, one slash between, whatever slashes the base ends with', () => {
    assert.equal(handlerUrl('/api/account-requests', '/lookup'), '/api/account-requests/lookup');
    assert.equal(handlerUrl('/api/account-requests//', '/challenge'), '/api/account-requests/challenge');
    assert.equal(handlerUrl('https://shop.example/api/', '/config'), 'https://shop.example/api/config');
    assert.equal(handlerUrl('https://shop.example'), 'https://shop.example');
  });

  test('the submission URL is the base itself; an empty base is the root', () => {
    assert.equal(handlerUrl('/api/account-requests/'), '/api/account-requests');
    assert.equal(handlerUrl(''), '/');
    assert.equal(handlerUrl('/'), '/');
  });

  test('keeps the base\'s query string after the route, and adds the parameters to it, encoded', () => {
    const base = 'https://shop.example/index.php?fc=module&module=accounts';
    assert.equal(handlerUrl(base), base);
    assert.equal(handlerUrl(base, '/challenge'), 'https://shop.example/index.php/challenge?fc=module&module=accounts');
    assert.equal(handlerUrl(base, '/lookup/address', { q: '8 rue de l’Église & co', limit: 5 }), 'https://shop.example/index.php/lookup/address?fc=module&module=accounts&q=8%20rue%20de%20l%E2%80%99%C3%89glise%20%26%20co&limit=5');
    assert.equal(handlerUrl('/api?', '/lookup'), '/api/lookup');
  });

  test('leaves out undefined parameters and drops a fragment', () => {
    assert.equal(handlerUrl('/api#form', '/lookup/address', { q: 'rue', limit: undefined }), '/api/lookup/address?q=rue');
    assert.equal(handlerUrl('/api?shop=2#top', '/lookup/company', { siret: '73282932000074' }), '/api/lookup/company?shop=2&siret=73282932000074');
  });
});

describe('createClient with a base that carries a query string', () => {
  test('every route keeps it: config, submission, lookups', async () => {
    const urls: string[] = [];
    const fetch: Fetch = async (input, init) => {
      const request = new Request(String(input), init);
      urls.push(`${request.method} ${request.url}`);
      if (request.method === 'POST') return Response.json({ id: 'r1', status: 'pending', access: 'full' }, { status: 201 });
      if (request.url.includes('/lookup/address')) return Response.json({ suggestions: [] });
      if (request.url.includes('/lookup')) return Response.json({ company: true, address: true });
      return Response.json(defaultConfig());
    };
    const client = createClient({ base: 'https://shop.example/index.php?fc=accounts', fetch, retry: 0 });
    await client.loadConfig();
    await client.submit({ companyName: 'Acme' }, { idempotencyKey: 'k-1', locale: 'fr' });
    await client.lookupCapabilities();
    await client.searchAddress('8 rue', { limit: 3 });
    assert.deepEqual(urls, [
      'GET https://shop.example/index.php/config?fc=accounts',
      'POST https://shop.example/index.php?fc=accounts',
      'GET https://shop.example/index.php/lookup?fc=accounts',
      'GET https://shop.example/index.php/lookup/address?fc=accounts&q=8%20rue&limit=3',
    ]);
  });
});
