import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { defaultConfig } from '../config/index.js';
import { createClient } from './client.js';
import type { Fetch } from './http.js';

// Node has no page: no `location`, no `document`, so nothing to resolve a relative URL against.
const CREATED = { id: 'r1', status: 'pending', access: 'full' };
const submitOptions = { idempotencyKey: 'k-1', locale: 'en' };

/** A fetch that records the URLs it is asked for and answers like the handler. */
function recorder(resolve: (input: string) => string = (input) => input) {
  const urls: string[] = [];
  const fetch: Fetch = async (input, init) => {
    const request = new Request(resolve(String(input)), init);
    urls.push(`${request.method} ${request.url}`);
    return request.method === 'POST' ? Response.json(CREATED, { status: 201 }) : Response.json(defaultConfig());
  };
  return { fetch, urls };
}

/** The TypeError createClient throws for `option`, with what to pass instead. */
const refused = (option: string) => (error: unknown) => {
  assert.ok(error instanceof TypeError, `expected a TypeError, got ${String(error)}`);
  assert.match(error.message, new RegExp(`^createClient: \`${option}\` must be an absolute URL`));
  assert.match(error.message, /such as https:\/\/shop\.example\/api\/account-requests, or a relative one only in a browser page/);
  return true;
};

describe('createClient outside a browser page', () => {
  test('a relative base throws a TypeError at createClient, naming `base`, before any request', () => {
    assert.equal(globalThis.location, undefined);
    const { fetch, urls } = recorder();
    assert.throws(() => createClient({ base: '/api/account-requests' }), refused('base'));
    // A custom fetch changes nothing: the URL is still the client's to resolve, and cannot be.
    assert.throws(() => createClient({ base: '/api/account-requests', fetch }), refused('base'));
    assert.throws(() => createClient({ base: 'api/account-requests/' }), refused('base'));
    // An empty base is the origin's root, as relative as any: also refused, even with a configUrl.
    assert.throws(() => createClient({ base: '', configUrl: 'https://shop.example/forms/acme.json' }), refused('base'));
    assert.deepEqual(urls, []);
  });

  test('a relative configUrl throws naming `configUrl`, even when base is absolute', () => {
    assert.throws(() => createClient({ base: 'https://shop.example/api/account-requests', configUrl: '/cms/forms/acme.json' }), refused('configUrl'));
  });

  test('an absolute base (and configUrl) works: requests go where they say', async () => {
    const { fetch, urls } = recorder();
    const client = createClient({ base: 'https://shop.example/api/account-requests/', fetch, retry: 0 });
    assert.deepEqual(await client.submit({}, submitOptions), CREATED);
    assert.ok((await client.loadConfig()).config);
    const cms = createClient({ base: 'https://shop.example/api/account-requests', configUrl: 'https://cms.example/forms/acme.json', fetch, retry: 0 });
    assert.ok((await cms.loadConfig()).config);
    assert.deepEqual(urls, ['POST https://shop.example/api/account-requests', 'GET https://shop.example/api/account-requests/config', 'GET https://cms.example/forms/acme.json']);
  });
});

describe('createClient in a page (a document base URL to resolve against)', () => {
  // A page as the client sees one: `location` (here a real URL, which has the same `href`), and a
  // fetch that resolves a relative URL against it, as a browser's does. Restored after each test.
  async function inPage(href: string, run: () => Promise<void>): Promise<void> {
    const had = Object.getOwnPropertyDescriptor(globalThis, 'location');
    Object.defineProperty(globalThis, 'location', { value: new URL(href), configurable: true, writable: true });
    try {
      await run();
    } finally {
      if (had) Object.defineProperty(globalThis, 'location', had);
      else delete (globalThis as { location?: unknown }).location;
    }
    assert.equal(globalThis.location, had?.value);
  }
  const againstPage = (input: string) => new URL(input, globalThis.location.href).href;

  test('a relative base still works, resolved against the page', async () => {
    await inPage('https://shop.example/fr/accounts/new', async () => {
      const { fetch, urls } = recorder(againstPage);
      const client = createClient({ base: '/api/account-requests', fetch, retry: 0 });
      assert.deepEqual(await client.submit({}, submitOptions), CREATED);
      assert.ok((await client.loadConfig()).config);
      assert.deepEqual(urls, ['POST https://shop.example/api/account-requests', 'GET https://shop.example/api/account-requests/config']);
    });
  });

  test("the form's config loader: base '' with a relative configUrl still works", async () => {
    await inPage('https://shop.example/fr/accounts/new', async () => {
      const { fetch, urls } = recorder(againstPage);
      assert.ok((await createClient({ base: '', configUrl: 'forms/acme.json', fetch }).loadConfig()).config);
      assert.deepEqual(urls, ['GET https://shop.example/fr/accounts/forms/acme.json']);
    });
  });
});
