import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';

// A zone whose calendar day differs from UTC's right now (+14 from 10:00 UTC, −11 before 11:00),
// set before the app is loaded: the back office writes dates in the process's zone.
const zone = new Date().getUTCHours() >= 10 ? 'Pacific/Kiritimati' : 'Pacific/Pago_Pago';
process.env['TZ'] = zone;
const { API_BASE, createDemoApp } = await import('./app.js');
const { stubAssetPaths } = await import('./test-helpers/assets.js');

const PASSWORD = 'test-password-1234';
const ORIGIN = 'http://127.0.0.1:5173';
const ADMIN = { Authorization: `Basic ${Buffer.from(`admin:${PASSWORD}`).toString('base64')}` };
const root = mkdtempSync(join(tmpdir(), 'demo-list-zone-'));
const app = await createDemoApp({ dataDir: join(root, 'data'), adminPassword: PASSWORD, rateLimit: false, retryIntervalMs: 3_600_000, assets: stubAssetPaths(root) });
after(() => {
  app.close();
  rmSync(root, { recursive: true, force: true });
});

const day = (time: number, timeZone: string) => new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(time);

test('the list filters by the days it shows, in the zone it names', async () => {
  const values = { companyName: 'Atelier Kiri', lastName: 'Teiti', email: 'teiti@kiri.example', phone: '04 72 00 11 22', street: '1 rue', postalCode: '69002', city: 'Lyon', country: 'FR' };
  const sent = await app.fetch(new Request(`${ORIGIN}${API_BASE}`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID(), Origin: ORIGIN }, body: JSON.stringify({ values, confirmed: true, locale: 'en' }) }));
  assert.equal(sent.status, 201);
  const now = Date.now();
  const local = day(now, zone);
  assert.notEqual(local, day(now, 'UTC'), 'the test needs a day that differs from UTC’s');
  const list = async (query: string) => (await app.fetch(new Request(`${ORIGIN}/admin/requests/?lang=en&${query}`, { headers: ADMIN }))).text();
  const shown = await list(`from=${local}&to=${local}`);
  assert.match(shown, /Atelier Kiri/, 'listed on the day the list shows it');
  assert.ok(shown.includes(`(${zone})`), 'the date column names its zone');
  assert.doesNotMatch(await list(`from=${day(now, 'UTC')}&to=${day(now, 'UTC')}`), /Atelier Kiri/, 'not on UTC’s day, which the page does not show');
  const page = await list('');
  const href = /href="([^"]*export\.csv[^"]*)"/.exec(await list(`from=${local}&to=${local}`))?.[1]?.replaceAll('&amp;', '&');
  assert.ok(href && page, 'an export link');
  const csv = await (await app.fetch(new Request(new URL(href, ORIGIN), { headers: ADMIN }))).text();
  assert.match(csv, /Atelier Kiri/, 'the export takes the same days');
});
