// Issue 12: several demo server processes on one PostgreSQL database (DATABASE_URL), e-mails
// counted by an SMTP sink on loopback (SMTP_URL). Three instances share the traffic; two more
// carry a rate limit; one more is killed with SIGKILL in the middle of a burst. Figures are
// printed with `# ` for the test log.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import { postgresForTests } from '../../../test/test-helpers/postgres.js';
import { basicAuth, startServer, type RunningServer } from './test-helpers/server.js';
import { startSmtpSink, type ReceivedMail, type SmtpSink } from '../../../scripts/lib/smtp-sink.js';

const postgres = await postgresForTests();
const PASSWORD = 'multi-instance-admin-password';
const AUTH = { Authorization: basicAuth(PASSWORD) };
const LOCK_MS = 3_000;

const note = (line: string): void => console.log(`# ${line}`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function values(label: string): Record<string, string> {
  return {
    companyName: `Entreprise ${label}`,
    lastName: 'Martin',
    email: `${label.replace(/[^a-z0-9]/gi, '')}@entreprise.example`,
    phone: '01 23 45 67 89',
    street: '12 avenue de la République',
    postalCode: '75011',
    city: 'Paris',
    country: 'FR',
  };
}

function submit(url: string, key: string, label: string): Promise<Response> {
  return fetch(`${url}/api/account-requests`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Idempotency-Key': key, Origin: url },
    body: JSON.stringify({ values: values(label), confirmed: true, locale: 'fr' }),
  });
}

/** Runs `work` over `items` with at most `limit` at once. */
async function pool<T, R>(items: readonly T[], limit: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(Array.from({ length: limit }, async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]!, index);
    }
  }));
  return results;
}

async function until<T>(what: string, timeoutMs: number, probe: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(100);
  }
}

const idOf = async (response: Response): Promise<string> => ((await response.json()) as { id: string }).id;

describe('several server instances on one PostgreSQL database', { skip: postgres.skip }, () => {
  const root = mkdtempSync(join(tmpdir(), 'multi-instance-'));
  const servers: RunningServer[] = [];
  let db: pg.Pool;
  let sink: SmtpSink;
  let databaseUrl = '';
  let shared: RunningServer[] = [];

  const start = async (name: string, env: Record<string, string>): Promise<RunningServer> => {
    const server = await startServer({
      dataDir: join(root, name),
      adminPassword: PASSWORD,
      processGroup: true,
      env: {
        DATABASE_URL: databaseUrl,
        SMTP_URL: sink.url,
        RATE_LIMIT_MAX: '0',
        OUTBOX_INTERVAL_MS: '300',
        OUTBOX_LOCK_MS: String(LOCK_MS),
        // The packages' TypeScript sources, as the repository's tests use them (no build needed).
        NODE_OPTIONS: '--conditions=source',
        ...env,
      },
    });
    servers.push(server);
    return server;
  };

  /** Requests whose company name starts with `prefix`, by company name. */
  const stored = async (prefix: string): Promise<Map<string, number>> => {
    const { rows } = await db.query<{ company: string; n: number }>(
      "SELECT field_values->>'companyName' AS company, count(*)::integer AS n FROM account_requests WHERE field_values->>'companyName' LIKE $1 GROUP BY 1",
      [`Entreprise ${prefix}%`],
    );
    return new Map(rows.map((row) => [row.company, row.n]));
  };

  before(async () => {
    databaseUrl = await postgres.server!.createDatabase('multi');
    db = new pg.Pool({ connectionString: databaseUrl, max: 4 });
    sink = await startSmtpSink();
    const started = Date.now();
    // Started together: the advisory lock lets one of them migrate.
    shared = await Promise.all(['a', 'b', 'c'].map((name) => start(name, {})));
    note(`three instances started together in ${Date.now() - started} ms`);
  });

  after(async () => {
    await Promise.all(servers.map((server) => server.kill()));
    await db?.end();
    await sink?.close();
    await postgres.server?.stop();
    rmSync(root, { recursive: true, force: true });
  });

  it('serves a config saved through one instance from the others, with the same ETag', async () => {
    const [a, b, c] = shared as [RunningServer, RunningServer, RunningServer];
    const loaded = await fetch(`${a.url}/api/account-requests/config`);
    const etag = loaded.headers.get('ETag')!;
    const config = (await loaded.json()) as { settings: Record<string, unknown> };
    const edited = { ...config, settings: { ...config.settings, alertEmail: 'achats@comptoir-duval.example' } };
    const put = (url: string, body: unknown) =>
      fetch(`${url}/api/account-requests/config`, { method: 'PUT', headers: { ...AUTH, 'Content-Type': 'application/json', 'If-Match': etag, Origin: url }, body: JSON.stringify(body) });
    const saved = await put(b.url, edited);
    assert.equal(saved.status, 200);
    const newEtag = saved.headers.get('ETag');
    for (const server of [a, c]) {
      const served = await fetch(`${server.url}/api/account-requests/config`);
      assert.equal(served.headers.get('ETag'), newEtag, `ETag served by ${server.url}`);
      assert.equal(((await served.json()) as { settings: { alertEmail?: string } }).settings.alertEmail, 'achats@comptoir-duval.example');
    }
    // A save from the old ETag through another instance loses.
    assert.equal((await put(c.url, { ...edited, settings: { ...config.settings, alertEmail: 'autre@comptoir-duval.example' } })).status, 412);
  });

  it('creates exactly one request for 300 concurrent POSTs with one key spread over the three', async () => {
    const started = Date.now();
    const responses = await Promise.all(Array.from({ length: 300 }, (_, i) => submit(shared[i % 3]!.url, 'same-key-300', 'same-key-300')));
    const statuses = responses.map((response) => response.status);
    assert.ok(statuses.every((status) => status === 201 || status === 409), `statuses: ${[...new Set(statuses)].join(', ')}`);
    const ids = new Set(await Promise.all(responses.filter((response) => response.status === 201).map(idOf)));
    note(`300 POSTs with one key: ${statuses.filter((s) => s === 201).length} × 201 (one created, the rest replays), ${statuses.filter((s) => s === 409).length} × 409 in progress, ${Date.now() - started} ms`);
    assert.equal(ids.size, 1, 'ids answered');
    // The 409s are told to retry: their retry gets the same answer.
    const retried = await submit(shared[2]!.url, 'same-key-300', 'same-key-300');
    assert.equal(retried.status, 201);
    assert.equal(await idOf(retried), [...ids][0]);
    assert.deepEqual([...(await stored('same-key-300')).values()], [1]);
  });

  it('answers 201 to 600 distinct submissions spread over the three, and stores them all', async () => {
    const started = Date.now();
    const statuses = await pool(Array.from({ length: 600 }, (_, i) => i), 32, async (i) => (await submit(shared[i % 3]!.url, `distinct-${i}`, `distinct-${String(i).padStart(3, '0')}`)).status);
    const elapsed = Date.now() - started;
    note(`600 distinct submissions over three instances, 32 at a time: ${elapsed} ms (${Math.round(600 / (elapsed / 1000))} per second)`);
    assert.deepEqual([...new Set(statuses)], [201]);
    const counts = await stored('distinct-');
    assert.equal(counts.size, 600);
    assert.ok([...counts.values()].every((n) => n === 1));
    const listed = await fetch(`${shared[1]!.url}/api/account-requests?q=${encodeURIComponent('Entreprise distinct-')}&limit=1`, { headers: AUTH });
    assert.equal(listed.headers.get('X-Total-Count'), '600');
  });

  it('sends each activation e-mail exactly once when 30 requests are accepted through different instances', async () => {
    const ids = await pool(Array.from({ length: 30 }, (_, i) => i), 10, async (i) => idOf(await submit(shared[i % 3]!.url, `activate-${i}`, `activate-${i}`)));
    const started = Date.now();
    await pool(ids, 10, async (id, i) => {
      for (const [step, status] of (['in-progress', 'accepted'] as const).entries()) {
        const url = shared[(i + step) % 3]!.url;
        const response = await fetch(`${url}/api/account-requests/${id}`, {
          method: 'PATCH',
          headers: { ...AUTH, 'Content-Type': 'application/json', 'If-Match': `"v${step + 1}"`, Origin: url },
          body: JSON.stringify({ status }),
        });
        assert.equal(response.status, 200);
      }
    });
    const wanted = new Set(ids);
    const activations = (): ReceivedMail[] => sink.received.filter((mail) => mail.kind === 'activation' && wanted.has(mail.requestId));
    await until('30 activation e-mails', 20_000, async () => (activations().length >= 30 ? true : undefined));
    note(`30 acceptances through three instances: 30 activation e-mails in the sink ${Date.now() - started} ms after the first acceptance`);
    // The confirmations and alerts go out after the answers, behind the previous tests' e-mails.
    const everyMailOf = (): ReceivedMail[] => sink.received.filter((mail) => wanted.has(mail.requestId));
    await until('the 90 e-mails of the 30 requests', 30_000, async () => (everyMailOf().length >= 90 ? true : undefined));
    note(`their 60 confirmations and alerts too ${Date.now() - started} ms after the first acceptance`);
    // Several worker runs of every instance later, still one each.
    await sleep(3 * 300 + 1_000);
    assert.equal(activations().length, 30);
    assert.deepEqual(new Set(activations().map((mail) => mail.requestId)), wanted);
    const everyMail = everyMailOf();
    assert.equal(new Set(everyMail.map((mail) => mail.id)).size, everyMail.length, 'an e-mail received twice');
    assert.equal(everyMail.length, 30 * 3, 'confirmation, alert and activation of each request');
  });

  it('holds the lookups’ limit (60 a minute per address) across instances', async () => {
    // The company lookup on (at an address nothing answers: an invalid SIRET is refused, 400,
    // after the limit is counted and before the directory is asked).
    const [a, b] = await Promise.all(['lookup-1', 'lookup-2'].map((name) => start(name, { COMPANY_DIRECTORY_URL: 'http://127.0.0.1:9' })));
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 70; i += 1) statuses.push((await fetch(`${(i % 2 ? b! : a!).url}/api/account-requests/lookup/company?siret=123`)).status);
      assert.deepEqual(statuses.slice(0, 60), Array(60).fill(400), JSON.stringify(statuses));
      assert.deepEqual(statuses.slice(60), Array(10).fill(429), 'each instance counted on its own');
    } finally {
      await Promise.all([a, b].map((server) => server!.stop()));
    }
  });

  it('holds a per-address limit of 5 across two instances', async () => {
    const limited = await Promise.all(['limit-1', 'limit-2'].map((name) => start(name, { RATE_LIMIT_MAX: '5', RATE_LIMIT_WINDOW_MS: '600000' })));
    const statuses: number[] = [];
    for (let i = 0; i < 10; i += 1) statuses.push((await submit(limited[i % 2]!.url, `limited-${i}`, `limited-${i}`)).status);
    assert.deepEqual(statuses, [201, 201, 201, 201, 201, 429, 429, 429, 429, 429]);
    await Promise.all(limited.map((server) => server.stop()));
  });

  it('loses nothing when an instance is SIGKILLed mid-burst: one request per key, and its locked e-mails sent by others after the lock', async () => {
    // The doomed instance's mail relay takes messages and never confirms them: it dies holding rows.
    const stuck = await startSmtpSink({ hang: true });
    try {
      const doomed = await start('doomed', { SMTP_URL: stuck.url });
      const TOTAL = 150;
      const acked = new Map<number, string>();
      let killedAt = 0;
      const burst = pool(Array.from({ length: TOTAL }, (_, i) => i), 16, async (i) => {
        try {
          const response = await submit(doomed.url, `kill-${i}`, `kill-${String(i).padStart(3, '0')}`);
          if (response.status === 201) acked.set(i, await idOf(response));
        } catch {
          // Cut by the kill: retried below.
        }
      });
      // Killed holding claimed e-mails: its outbox sends after the answers (at the latest a
      // second into a burst), so wait for the relay to have seen one too.
      await until('50 acknowledged submissions and an e-mail in the relay', 30_000, async () => (acked.size >= 50 && stuck.received.length > 0 ? true : undefined));
      await doomed.kill();
      killedAt = Date.now();
      await burst;
      const cut = Array.from({ length: TOTAL }, (_, i) => i).filter((i) => !acked.has(i));
      note(`SIGKILL after ${acked.size} of ${TOTAL} acknowledged; ${cut.length} cut or never sent`);

      // Every cut submission retried with its key on a survivor (409 while the dead claim's lease runs).
      let firstRetryOk = 0;
      let inProgress = 0;
      await pool(cut, 8, async (i) => {
        for (let attempt = 0; ; attempt += 1) {
          const response = await submit(shared[i % 2]!.url, `kill-${i}`, `kill-${String(i).padStart(3, '0')}`);
          if (response.status === 201) {
            acked.set(i, await idOf(response));
            firstRetryOk ||= Date.now();
            return;
          }
          assert.equal(response.status, 409, `retry of kill-${i}`);
          inProgress += 1;
          assert.ok(attempt < 60, `kill-${i} still in progress after 60 retries`);
          await sleep(250);
        }
      });
      note(`every cut submission stored ${Date.now() - killedAt} ms after the kill (first retry answered 201 after ${firstRetryOk ? firstRetryOk - killedAt : 0} ms; ${inProgress} retries answered 409 while a dead claim's lease ran)`);
      // Keys acknowledged before the kill replay their answer on a survivor.
      for (const i of [...acked.keys()].slice(0, 5)) {
        const replay = await submit(shared[2]!.url, `kill-${i}`, `kill-${String(i).padStart(3, '0')}`);
        assert.equal(await idOf(replay), acked.get(i));
      }
      const counts = await stored('kill-');
      assert.equal(counts.size, TOTAL, 'requests stored');
      assert.ok([...counts.values()].every((n) => n === 1), 'one request per key');
      const { rows } = await db.query<{ id: string }>("SELECT id FROM account_requests WHERE field_values->>'companyName' LIKE 'Entreprise kill-%'");
      assert.deepEqual(new Set(rows.map((row) => row.id)), new Set(acked.values()), 'the ids answered are the ids stored');

      // What the dead instance was sending: in its relay, never confirmed. The others send each
      // of them once its lock has run out.
      const held = new Map(stuck.received.map((mail) => [mail.id, mail.at]));
      assert.ok(held.size > 0, 'the killed instance was sending e-mails');
      const ids = [...held.keys()];
      await until('the e-mails of the dead instance', 30_000, async () => {
        const { rows: done } = await db.query<{ n: number }>("SELECT count(*)::integer AS n FROM notifications WHERE id = ANY($1) AND state = 'sent'", [ids]);
        return done[0]!.n === ids.length ? true : undefined;
      });
      for (const [id, heldAt] of held) {
        const deliveries = sink.received.filter((mail) => mail.id === id);
        assert.equal(deliveries.length, 1, `deliveries of ${id}`);
        // The lock starts at the claim, a little before the relay saw the message (connection,
        // EHLO, MAIL, RCPT, DATA): allow for that; without the lock a survivor's worker (every
        // 300 ms) would have sent it at once.
        assert.ok(deliveries[0]!.at >= heldAt + LOCK_MS - 1_500, `${id} sent ${deliveries[0]!.at - heldAt} ms after the dead instance took it`);
      }
      note(`${held.size} e-mails held by the dead instance, each sent once by another after its ${LOCK_MS} ms lock (last one ${Math.max(...ids.map((id) => sink.received.find((mail) => mail.id === id)!.at)) - killedAt} ms after the kill)`);
      const { rows: pending } = await db.query<{ n: number }>(
        "SELECT count(*)::integer AS n FROM notifications n JOIN account_requests r ON r.id = n.request_id WHERE r.field_values->>'companyName' LIKE 'Entreprise kill-%' AND n.state <> 'sent'",
      );
      await until('every e-mail of the burst sent', 30_000, async () => {
        const { rows: left } = await db.query<{ n: number }>(
          "SELECT count(*)::integer AS n FROM notifications n JOIN account_requests r ON r.id = n.request_id WHERE r.field_values->>'companyName' LIKE 'Entreprise kill-%' AND n.state <> 'sent'",
        );
        return left[0]!.n === 0 ? true : undefined;
      });
      note(`${pending[0]!.n} e-mails of the burst were still unsent when the dead instance's were done; all sent now`);
    } finally {
      await stuck.close();
    }
  });
});
