import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { foldText, searchText } from './query.js';
import { admin, moveTo, patch, processingSetup, read, submit } from '../test-helpers/processing.js';
import { assertProblem } from '../test-helpers/setup.js';

/** Five requests on five days, with varied names, statuses and flags. */
async function seeded() {
  const built = processingSetup();
  const { handler, clock } = built;
  const make = async (day: string, values: Record<string, unknown>): Promise<string> => {
    clock.set(`2026-03-${day}T09:00:00.000Z`);
    return submit(handler, values);
  };
  const ids = {
    societe: await make('01', { companyName: 'Société Générale d’Outillage', email: 'achats@sgo.example', siret: '732 829 320 00074' }),
    acme: await make('02', { companyName: 'Acme SAS', email: 'jane@acme.example' }),
    zebre: await make('03', { companyName: 'zèbre & fils', email: 'contact@zebre.example' }),
    bois: await make('04', { companyName: 'Bois du Nord', email: 'ELODIE@boisdunord.example' }),
    atelier: await make('05', { companyName: 'Atelier Éco', email: 'eco@atelier.example' }),
  };
  await moveTo(handler, ids.acme, 'in-progress', 'accepted');
  await moveTo(handler, ids.zebre, 'in-progress');
  await moveTo(handler, ids.bois, 'rejected');
  const { etag } = await read(handler, ids.acme);
  assert.equal((await handler(patch(ids.acme, { inAccount: true }, etag))).status, 200);
  return { ...built, ids };
}

type Listed = { id: string; values: { companyName: string } };

async function list(handler: (request: Request) => Promise<Response>, query: string): Promise<{ ids: string[]; total: number; link: string | null }> {
  const response = await handler(admin(query));
  assert.equal(response.status, 200, await response.clone().text());
  const items = (await response.json()) as Listed[];
  return { ids: items.map((item) => item.id), total: Number(response.headers.get('X-Total-Count')), link: response.headers.get('Link') };
}

describe('GET {base}: filters, sort, paging', () => {
  test('plain GET lists every request newest first, as before', async () => {
    const { handler, ids } = await seeded();
    const { ids: listed, total } = await list(handler, '');
    assert.deepEqual(listed, [ids.atelier, ids.bois, ids.zebre, ids.acme, ids.societe]);
    assert.equal(total, 5);
  });

  test('status filters one or several statuses; pending means new', async () => {
    const { handler, ids } = await seeded();
    assert.deepEqual((await list(handler, '?status=new')).ids, [ids.atelier, ids.societe]);
    assert.deepEqual((await list(handler, '?status=pending')).ids, [ids.atelier, ids.societe]);
    assert.deepEqual((await list(handler, '?status=accepted,rejected')).ids, [ids.bois, ids.acme]);
    assert.deepEqual((await list(handler, '?status=in-progress&status=accepted')).ids, [ids.zebre, ids.acme]);
    await assertProblem(await handler(admin('?status=done')), 400);
  });

  test('inAccount filters true and false', async () => {
    const { handler, ids } = await seeded();
    assert.deepEqual((await list(handler, '?inAccount=true')).ids, [ids.acme]);
    assert.equal((await list(handler, '?inAccount=false')).total, 4);
    await assertProblem(await handler(admin('?inAccount=maybe')), 400);
  });

  test('q searches company, e-mail and SIRET ignoring case and accents', async () => {
    const { handler, ids } = await seeded();
    assert.deepEqual((await list(handler, '?q=societe')).ids, [ids.societe]);
    assert.deepEqual((await list(handler, `?q=${encodeURIComponent('ZÈBRE')}`)).ids, [ids.zebre]);
    assert.deepEqual((await list(handler, '?q=elodie%40')).ids, [ids.bois]);
    assert.deepEqual((await list(handler, '?q=73282932000074')).ids, [ids.societe]);
    assert.deepEqual((await list(handler, `?q=${encodeURIComponent('732 829')}`)).ids, [ids.societe]);
    assert.deepEqual((await list(handler, '?q=eco')).ids, [ids.atelier]);
    assert.equal((await list(handler, '?q=nobody')).total, 0);
    await assertProblem(await handler(admin(`?q=${'x'.repeat(201)}`)), 400);
    // Characters no value holds: a clear 400 before any store sees them (PostgreSQL refuses a NUL in a query).
    for (const q of ['%00', 'a%00b', 'ac%0Ame', '%E2%80%AE']) {
      await assertProblem(await handler(admin(`?q=${q}`)), 400);
      await assertProblem(await handler(admin(`/export.csv?q=${q}`)), 400);
    }
  });

  test('from and to bound the creation date; a to date includes its whole day', async () => {
    const { handler, ids } = await seeded();
    assert.deepEqual((await list(handler, '?from=2026-03-02&to=2026-03-04')).ids, [ids.bois, ids.zebre, ids.acme]);
    assert.deepEqual((await list(handler, '?from=2026-03-04T09:00:00Z')).ids, [ids.atelier, ids.bois]);
    assert.deepEqual((await list(handler, '?to=2026-03-01T09:00:00.000%2B00:00')).ids, [], 'a date-time to is exclusive');
    for (const wrong of ['03/02/2026', '2026-02-30', 'yesterday', '2026-03-02T09:00']) await assertProblem(await handler(admin(`?from=${wrong}`)), 400);
    // Years a database cannot take (PostgreSQL has no year 0): a 400 here, not the store's failure.
    for (const wrong of ['0000-01-01', '0999-12-31', '0001-01-01T00:30:00%2B01:00', '9999-12-31T23:00:00-05:00']) {
      await assertProblem(await handler(admin(`?from=${wrong}`)), 400);
      await assertProblem(await handler(admin(`/export.csv?to=${wrong}`)), 400);
    }
    // The last day there is: up to its end.
    assert.equal((await list(handler, '?from=1000-01-01&to=9999-12-31')).total, 5);
  });

  test('filters combine with AND', async () => {
    const { handler, ids } = await seeded();
    assert.deepEqual((await list(handler, '?status=new&q=eco&from=2026-03-05')).ids, [ids.atelier]);
    assert.deepEqual((await list(handler, '?status=new&inAccount=true')).ids, []);
  });

  test('sort by company name (accent- and case-insensitive), status or date, both directions', async () => {
    const { handler, ids } = await seeded();
    assert.deepEqual((await list(handler, '?sort=companyName&order=asc')).ids, [ids.acme, ids.atelier, ids.bois, ids.societe, ids.zebre]);
    assert.deepEqual((await list(handler, '?sort=companyName&order=desc')).ids, [ids.zebre, ids.societe, ids.bois, ids.atelier, ids.acme]);
    assert.deepEqual((await list(handler, '?sort=status&order=asc')).ids, [ids.atelier, ids.societe, ids.zebre, ids.acme, ids.bois]);
    assert.deepEqual((await list(handler, '?sort=createdAt&order=asc')).ids, [ids.societe, ids.acme, ids.zebre, ids.bois, ids.atelier]);
    await assertProblem(await handler(admin('?sort=email')), 400);
    await assertProblem(await handler(admin('?order=up')), 400);
  });

  test('a refused filter names its parameter and a field error code, for a page to word it in its language', async () => {
    const { handler } = await seeded();
    const cases: readonly [string, string, string][] = [
      ['?status=done', 'status', 'invalid_option'],
      ['?inAccount=maybe', 'inAccount', 'invalid_option'],
      ['?vatCheck=green', 'vatCheck', 'invalid_option'],
      [`?q=${'x'.repeat(201)}`, 'q', 'too_long'],
      ['?q=a%00b', 'q', 'invalid_characters'],
      ['?from=yesterday', 'from', 'invalid_format'],
      ['?to=0000-01-01', 'to', 'out_of_range'],
      ['?sort=email', 'sort', 'invalid_option'],
      ['?order=up', 'order', 'invalid_option'],
    ];
    for (const [query, field, code] of cases) {
      const body = await assertProblem(await handler(admin(query)), 400);
      assert.equal(body['type'], 'urn:account-request:problem:invalid-query', query);
      assert.deepEqual(body['errors'], [{ field, code, message: body['detail'] }], query);
    }
  });

  test('limit and offset page through the matches, with X-Total-Count and Link', async () => {
    const { handler, ids } = await seeded();
    const first = await list(handler, '?sort=createdAt&order=asc&limit=2');
    assert.deepEqual(first.ids, [ids.societe, ids.acme]);
    assert.equal(first.total, 5);
    assert.equal(first.link, '</api/account-requests?sort=createdAt&order=asc&limit=2&offset=2>; rel="next"');
    const middle = await list(handler, '?sort=createdAt&order=asc&limit=2&offset=2');
    assert.deepEqual(middle.ids, [ids.zebre, ids.bois]);
    assert.match(middle.link ?? '', /offset=4>; rel="next", <[^>]*offset=0>; rel="prev"/);
    const last = await list(handler, '?sort=createdAt&order=asc&limit=2&offset=4');
    assert.deepEqual(last.ids, [ids.atelier]);
    assert.deepEqual((await list(handler, '?offset=10')).ids, []);
    await assertProblem(await handler(admin('?limit=201')), 400);
  });

  test('listing needs requests:read', async () => {
    const { handler } = processingSetup({ authorize: (_request, action) => action !== 'requests:read' });
    await assertProblem(await handler(admin('?status=new')), 401);
  });
});

describe('text folding', () => {
  test('foldText drops accents, case and extra spaces; searchText holds the SIRET with and without spaces', () => {
    assert.equal(foldText('  Ébène   ÇA  va '), 'ebene ca va');
    assert.equal(foldText('Ⅻ ß'), 'ⅻ ß', 'no compatibility folding beyond accents and case');
    assert.equal(searchText({ values: { companyName: 'Àb', email: 'X@Y', siret: '732 829' } }), 'ab\nx@y\n732 829\n732829');
  });
});
