// The handler's smoke suite, written once for every runtime: it needs only fetch, Request,
// Response, ReadableStream, crypto.randomUUID and console, so Node, Deno and Bun run the same
// file. It talks HTTP to a base URL served by the runtime under test (Deno.serve, Bun.serve,
// workerd) and prints one TAP line per check, then "# pass N" and "# fail N".

/** What one run found. */
export interface SmokeResult {
  readonly passed: number;
  readonly failed: number;
}

/** The largest body the handler reads by default (`maxBodyBytes`). */
const MAX_BODY_BYTES = 64 * 1024;

const VALID_VALUES = {
  companyName: 'Boulangerie Martin SARL',
  lastName: 'Martin',
  email: 'claire.martin@example.fr',
  phone: '+33 1 42 68 53 00',
  street: '12 rue des Lilas',
  postalCode: '69003',
  city: 'Lyon',
  country: 'FR',
};

class CheckFailed extends Error {
  override name = 'CheckFailed';
}

function check(condition: boolean, message: string): asserts condition {
  if (!condition) throw new CheckFailed(message);
}

function post(url: string, body: BodyInit, key: string = crypto.randomUUID(), headers: Record<string, string> = {}): Promise<Response> {
  return fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json', 'Idempotency-Key': key, ...headers }, body });
}

async function problemOf(response: Response, status: number): Promise<{ type?: string; errors?: { field: string }[] }> {
  const text = await response.text();
  check(response.status === status, `status ${response.status}, expected ${status}: ${text.slice(0, 200)}`);
  check(/^application\/problem\+json/.test(response.headers.get('Content-Type') ?? ''), `Content-Type ${response.headers.get('Content-Type')}`);
  return JSON.parse(text) as { type?: string; errors?: { field: string }[] };
}

/** A classic form post of the valid values, `confirmed` and `locale`, plus `extra` parts (files). */
function postForm(url: string, extra: readonly (readonly [string, Blob, string])[] = []): Promise<Response> {
  const form = new FormData();
  for (const [name, value] of Object.entries(VALID_VALUES)) form.append(name, value);
  form.append('confirmed', 'true');
  form.append('locale', 'en');
  for (const [name, blob, filename] of extra) form.append(name, blob, filename);
  return fetch(url, { method: 'POST', headers: { 'Idempotency-Key': crypto.randomUUID() }, body: form });
}

const PDF = new TextEncoder().encode('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

/** The checks, in order: each gets the API base URL (`…/api/account-requests`). */
const CHECKS: ReadonlyArray<readonly [string, (api: string) => Promise<void>]> = [
  ['GET config: 200 JSON with an ETag', async (api) => {
    const response = await fetch(`${api}/config`);
    check(response.status === 200, `status ${response.status}`);
    check(/^application\/json/.test(response.headers.get('Content-Type') ?? ''), `Content-Type ${response.headers.get('Content-Type')}`);
    check(/^"[^"]+"$/.test(response.headers.get('ETag') ?? ''), `ETag ${response.headers.get('ETag')}`);
    const config = (await response.json()) as { fields?: { id: string }[] };
    check(config.fields?.some((field) => field.id === 'companyName') === true, 'no companyName field in the config');
  }],
  ['POST a valid submission: 201 with an id; the same key replays the same answer', async (api) => {
    const key = crypto.randomUUID();
    const body = JSON.stringify({ values: VALID_VALUES, confirmed: true, locale: 'fr' });
    const first = await post(api, body, key);
    const created = await first.text();
    check(first.status === 201, `status ${first.status}: ${created.slice(0, 200)}`);
    const record = JSON.parse(created) as { id?: string; status?: string };
    check(typeof record.id === 'string' && record.status === 'pending', `body ${created.slice(0, 200)}`);
    const replay = await post(api, body, key);
    const replayed = await replay.text();
    check(replay.status === 201, `replay status ${replay.status}`);
    check(replayed === created, `the replay differs: ${replayed.slice(0, 200)}`);
  }],
  ['POST another body under a used key: 422 idempotency-key-reused', async (api) => {
    const key = crypto.randomUUID();
    const first = await post(api, JSON.stringify({ values: VALID_VALUES, confirmed: true, locale: 'fr' }), key);
    await first.body?.cancel();
    check(first.status === 201, `status ${first.status}`);
    const other = await post(api, JSON.stringify({ values: { ...VALID_VALUES, city: 'Paris' }, confirmed: true, locale: 'fr' }), key);
    const problem = await problemOf(other, 422);
    check(problem.type === 'urn:account-request:problem:idempotency-key-reused', `type ${problem.type}`);
  }],
  ['POST an invalid submission: 422 problem+json naming each field', async (api) => {
    const response = await post(api, JSON.stringify({ values: { ...VALID_VALUES, postalCode: 'ABC', email: 'not-an-email' }, confirmed: true, locale: 'en' }));
    const problem = await problemOf(response, 422);
    const fields = (problem.errors ?? []).map((error) => error.field).sort();
    check(fields.join() === 'email,postalCode', `fields ${fields.join()}`);
  }],
  ['POST a body over the limit with its Content-Length: 413 problem+json', async (api) => {
    const response = await post(api, JSON.stringify({ values: { ...VALID_VALUES, remarks: 'x'.repeat(MAX_BODY_BYTES) } }));
    await problemOf(response, 413);
  }],
  ['POST a streamed body over the limit (no Content-Length, counted while reading): 413', async (api) => {
    const chunk = new TextEncoder().encode(`{"values":{"remarks":"${'y'.repeat(MAX_BODY_BYTES + 1024)}"}}`);
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(chunk);
        controller.close();
      },
    });
    const init: RequestInit & { duplex: 'half' } = {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID() },
      body: stream,
      duplex: 'half',
    };
    await problemOf(await fetch(api, init), 413);
  }],
  ['POST multipart/form-data, streamed through the multipart parser: 201', async (api) => {
    const response = await postForm(api);
    const text = await response.text();
    check(response.status === 201, `status ${response.status}: ${text.slice(0, 200)}`);
  }],
  ['POST files: a file for a field that takes none is a 400; where the config has the file field kbis, a PDF is stored (201) and an HTML page named .pdf is refused from its content (422)', async (api) => {
    const stray = await problemOf(await postForm(api, [['city', new Blob([PDF]), 'x.pdf']]), 400);
    check(stray.type === 'urn:account-request:problem:unexpected-file', `type ${stray.type}`);
    const config = (await (await fetch(`${api}/config`)).json()) as { customFields?: { id: string; type: string }[] };
    if (!config.customFields?.some((field) => field.id === 'kbis' && field.type === 'file')) return;
    const stored = await postForm(api, [['kbis', new Blob([PDF], { type: 'application/pdf' }), 'kbis.pdf']]);
    const text = await stored.text();
    check(stored.status === 201, `status ${stored.status}: ${text.slice(0, 200)}`);
    const html = new Blob(['<!doctype html><script>alert(1)</script>'], { type: 'application/pdf' });
    const refused = await problemOf(await postForm(api, [['kbis', html, 'kbis.pdf']]), 422);
    check(refused.errors?.[0]?.field === 'kbis', `errors ${JSON.stringify(refused.errors)}`);
  }],
];

/** Runs every check against `api` and prints TAP; never throws. */
export async function runSmoke(api: string, runtime: string): Promise<SmokeResult> {
  console.log(`TAP version 13\n# ${runtime}: the handler's smoke suite against ${api}\n1..${CHECKS.length}`);
  let passed = 0;
  let failed = 0;
  for (const [index, [name, run]] of CHECKS.entries()) {
    try {
      await run(api);
      passed += 1;
      console.log(`ok ${index + 1} - ${name}`);
    } catch (error) {
      failed += 1;
      const message = error instanceof Error ? `${error.name === 'CheckFailed' ? '' : `${error.name}: `}${error.message}` : String(error);
      console.log(`not ok ${index + 1} - ${name}\n  # ${message.replace(/\n/g, ' ')}`);
    }
  }
  console.log(`# pass ${passed}\n# fail ${failed}`);
  return { passed, failed };
}
