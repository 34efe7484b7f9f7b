// The back office and the files of a request (issue 13): the detail page lists them with their
// download links; the download goes through the SDK's route, under /admin/, byte for byte.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { addCustomField, defaultConfig, setDisplayed, setVisibleWhen } from '@account-request/sdk';
import { API_BASE, createDemoApp, type DemoApp } from './app.js';
import { stubAssetPaths } from './test-helpers/assets.js';

const PASSWORD = 'test-password-1234';
const ORIGIN = 'http://127.0.0.1:5173';
const ADMIN = { Authorization: `Basic ${Buffer.from(`admin:${PASSWORD}`).toString('base64')}` };
const PDF = new TextEncoder().encode('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const PERSON = { lastName: 'Lemoine', firstName: 'Claire', email: 'claire@lemoine.example', phone: '04 72 00 11 22', street: '8 quai Saint-Antoine', postalCode: '69002', city: 'Lyon', country: 'FR' };
const root = mkdtempSync(join(tmpdir(), 'demo-request-files-'));
let app: DemoApp;

const get = (path: string, headers: Record<string, string> = ADMIN) => app.fetch(new Request(`${ORIGIN}${path}`, { headers }));

before(async () => {
  app = await createDemoApp({ dataDir: join(root, 'data'), adminPassword: PASSWORD, rateLimit: false, retryIntervalMs: 60 * 60 * 1000, assets: stubAssetPaths(root) });
  const current = await get(`${API_BASE}/config`);
  const withKbis = setDisplayed(addCustomField(defaultConfig(), { id: 'kbis', type: 'file', label: { fr: 'Extrait Kbis', en: 'Kbis extract' }, accept: ['pdf'] }), 'customerType', true);
  const config = setVisibleWhen(withKbis, 'kbis', { field: 'customerType', in: ['company'] });
  const saved = await app.fetch(new Request(`${ORIGIN}${API_BASE}/config`, { method: 'PUT', headers: { ...ADMIN, 'Content-Type': 'application/json', 'If-Match': current.headers.get('ETag') ?? '' }, body: JSON.stringify(config) }));
  assert.equal(saved.status, 200);
});
after(() => {
  app.close();
  rmSync(root, { recursive: true, force: true });
});

async function submit(values: Record<string, string>, file?: { name: string; bytes: Uint8Array }): Promise<string> {
  const form = new FormData();
  for (const [name, value] of Object.entries(values)) form.append(name, value);
  form.append('confirmed', 'true');
  form.append('locale', 'fr');
  if (file) form.append('kbis', new Blob([file.bytes.slice()], { type: 'application/pdf' }), file.name);
  const response = await app.fetch(new Request(`${ORIGIN}${API_BASE}`, { method: 'POST', headers: { 'Idempotency-Key': crypto.randomUUID(), Origin: ORIGIN }, body: form }));
  assert.equal(response.status, 201, await response.clone().text());
  return ((await response.json()) as { id: string }).id;
}

describe('the files of a request in the back office', () => {
  test('the detail page lists each file with its download link, size and kind; the link downloads it as sent', async () => {
    const id = await submit({ ...PERSON, customerType: 'company', companyName: 'Papeterie Lemoine' }, { name: 'Kbis <Lemoine>.pdf', bytes: PDF });
    const page = await (await get(`/admin/requests/${id}?lang=fr`)).text();
    assert.match(page, /<h2 id="files-title">Pièces jointes<\/h2>/);
    const link = /<a href="(\/admin\/requests\/[^"]+\/files\/[^"]+)" download>Kbis _Lemoine_\.pdf<\/a> · Extrait Kbis · (\d+)\s(?:octets|o) · PDF/.exec(page);
    assert.ok(link, `a link named after the file, with its size and kind: ${/<section aria-labelledby="files-title">[^]*?<\/section>/.exec(page)?.[0]}`);
    const download = await get(link[1] as string);
    assert.equal(download.status, 200);
    assert.deepEqual(new Uint8Array(await download.arrayBuffer()), PDF);
    assert.match(download.headers.get('Content-Disposition') ?? '', /^attachment; filename="Kbis _Lemoine_\.pdf"/);
    assert.equal(download.headers.get('X-Content-Type-Options'), 'nosniff');
    assert.equal((await get(link[1] as string, {})).status, 401, 'admins only');
    assert.equal((await get(`/admin/requests/${id}/files/nope`)).status, 404);
  });

  test("an individual's request is named after the person and has no company values nor files section", async () => {
    const id = await submit({ ...PERSON, customerType: 'individual', companyName: 'Sent anyway' }, { name: 'kbis.pdf', bytes: PDF });
    const page = await (await get(`/admin/requests/${id}?lang=en`)).text();
    assert.match(page, /<h1>Request from Claire Lemoine \(individual\)<\/h1>/);
    assert.ok(!page.includes('Sent anyway'));
    assert.ok(!page.includes('files-title'), 'the Kbis is asked of companies only: hidden, its file dropped');
  });
});
