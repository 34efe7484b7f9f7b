import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { STATUS_TRANSITIONS, canTransition } from './lifecycle.js';
import { createMemoryStore } from '../stores/store.js';
import { admin, moveTo, patch, processingSetup, read, submit } from '../test-helpers/processing.js';
import { assertProblem } from '../test-helpers/setup.js';

type Entry = { actor: string; changes: { field: string; from: unknown; to: unknown }[]; reason?: string; message?: string; notified?: boolean };

describe('decisions: rejection with a reason', () => {
  test('the reason and message are kept in the history, and the applicant gets them in their language', async () => {
    const { handler, mail } = processingSetup();
    const id = await submit(handler, { email: 'paul@bois.example' }, 'de');
    const { etag } = await read(handler, id);
    const response = await handler(patch(id, { status: 'rejected', reason: 'outside-area', message: 'Wir liefern nur nach Frankreich.' }, etag));
    assert.equal(response.status, 200, await response.clone().text());
    const { at: _at, ...entry } = ((await response.json()) as { history: (Entry & { at: string })[] }).history.at(-1)!;
    assert.deepEqual(entry, { actor: 'admin', changes: [{ field: 'status', from: 'new', to: 'rejected' }], reason: 'outside-area', message: 'Wir liefern nur nach Frankreich.', notified: true });
    const sent = mail.sent.find((m) => m.kind === 'rejection');
    assert.ok(sent, 'a rejection e-mail');
    assert.equal(sent.to, 'paul@bois.example');
    assert.equal(sent.subject, 'Ihr Antrag auf ein Geschäftskundenkonto');
    assert.match(sent.text, /Grund: Außerhalb unseres Liefergebiets\./);
    assert.match(sent.text, /Wir liefern nur nach Frankreich\./);
    assert.match(sent.html, /<blockquote><p>Wir liefern nur nach Frankreich\.<\/p><\/blockquote>/);
  });

  test('notify: false rejects without an e-mail, and the history says so', async () => {
    const { handler, mail } = processingSetup();
    const id = await submit(handler);
    const { etag } = await read(handler, id);
    const body = (await (await handler(patch(id, { status: 'rejected', reason: 'duplicate', notify: false }, etag))).json()) as { history: Entry[] };
    assert.equal(body.history.at(-1)?.notified, false);
    assert.equal(mail.sent.filter((m) => m.kind === 'rejection').length, 0);
  });

  test('a rejection without a reason still e-mails the applicant, with no reason line; other needs a message', async () => {
    const { handler, mail } = processingSetup();
    const id = await submit(handler, {}, 'en');
    await moveTo(handler, id, 'rejected');
    const sent = mail.sent.find((m) => m.kind === 'rejection')!;
    assert.doesNotMatch(sent.text, /Reason:/);
    const other = await submit(handler);
    const problem = await assertProblem(await handler(patch(other, { status: 'rejected', reason: 'other' }, '"v1"')), 422);
    assert.deepEqual((problem['errors'] as { field: string; code: string }[]).map((e) => [e.field, e.code]), [['message', 'required']]);
  });

  test('a reopened request rejected again gets a second e-mail (one per rejection)', async () => {
    const { handler, mail } = processingSetup();
    const id = await submit(handler);
    await moveTo(handler, id, 'rejected', 'in-progress', 'rejected');
    assert.equal(mail.sent.filter((m) => m.kind === 'rejection').length, 2);
  });

  test('422: an unknown reason, a reason without a rejection, a long or control-laden message, a non-boolean notify', async () => {
    const { handler } = processingSetup();
    const id = await submit(handler);
    const cases: [unknown, [string, string][]][] = [
      [{ status: 'rejected', reason: 'spam' }, [['reason', 'invalid_option']]],
      [{ status: 'in-progress', reason: 'duplicate' }, [['reason', 'not_applicable']]],
      [{ note: 'x', message: 'Bonjour' }, [['message', 'not_applicable']]],
      [{ status: 'rejected', message: 'x'.repeat(2001) }, [['message', 'too_long']]],
      [{ status: 'rejected', message: 'a\u202Eb' }, [['message', 'invalid_characters']]],
      [{ status: 'rejected', notify: 'yes' }, [['notify', 'invalid_type']]],
      [{ status: 'info-requested' }, [['message', 'required']]],
      [{ status: 'accepted', message: 'Bienvenue' }, [['status', 'invalid_transition'], ['message', 'not_applicable']]],
    ];
    for (const [body, expected] of cases) {
      const problem = await assertProblem(await handler(patch(id, body, '"v1"')), 422);
      assert.deepEqual((problem['errors'] as { field: string; code: string }[]).map((e) => [e.field, e.code]), expected, JSON.stringify(body).slice(0, 60));
    }
    assert.equal((await read(handler, id)).etag, '"v1"', 'nothing written');
  });
});

describe('decisions: request for information', () => {
  test('moves to info-requested, keeps the message, and e-mails a link to correct the request', async () => {
    const { handler, mail } = processingSetup();
    const id = await submit(handler, {}, 'fr');
    await moveTo(handler, id, 'in-progress');
    const { etag } = await read(handler, id);
    const body = (await (await handler(patch(id, { status: 'info-requested', message: 'Le code postal ne correspond pas à la ville.' }, etag))).json()) as { status: string; history: Entry[] };
    assert.equal(body.status, 'info-requested');
    assert.deepEqual(body.history.at(-1)?.changes, [{ field: 'status', from: 'in-progress', to: 'info-requested' }]);
    assert.equal(body.history.at(-1)?.message, 'Le code postal ne correspond pas à la ville.');
    assert.equal(body.history.at(-1)?.notified, true);
    const sent = mail.sent.find((m) => m.kind === 'information')!;
    assert.equal(sent.subject, 'Votre demande de compte professionnel : informations à compléter');
    assert.match(sent.text, /Le code postal ne correspond pas à la ville\./);
    assert.match(sent.text, /https:\/\/shop\.test\/information\/[A-Za-z0-9_-]{43}/);
  });

  test('without an informationUrl the status still changes, and the history says nobody was told', async () => {
    const { handler, mail } = processingSetup({ informationUrl: undefined });
    const id = await submit(handler);
    const { etag } = await read(handler, id);
    const body = (await (await handler(patch(id, { status: 'info-requested', message: 'Kbis ?' }, etag))).json()) as { history: Entry[] };
    assert.equal(body.history.at(-1)?.notified, false);
    assert.equal(mail.sent.filter((m) => m.kind === 'information').length, 0);
  });

  test('a store without the decision methods answers 501 to a request for information, and still rejects', async () => {
    const full = createMemoryStore();
    const { decide: _d, ...plain } = full;
    const { handler } = processingSetup({ store: plain });
    const id = await submit(handler);
    await assertProblem(await handler(patch(id, { status: 'info-requested', message: 'Kbis ?' }, '"v1"')), 501);
    assert.equal((await handler(patch(id, { status: 'rejected' }, '"v1"'))).status, 200);
  });

  test('the table: info-requested goes back to in-progress or to rejected, never straight to accepted', () => {
    assert.deepEqual([...STATUS_TRANSITIONS['info-requested']].sort(), ['in-progress', 'rejected']);
    assert.equal(canTransition('new', 'info-requested'), true);
    assert.equal(canTransition('in-progress', 'info-requested'), true);
    assert.equal(canTransition('info-requested', 'accepted'), false);
    assert.equal(canTransition('accepted', 'info-requested'), false);
    assert.equal(canTransition('rejected', 'info-requested'), false);
  });

  test('the list filters and the CSV export know the status; pending still means new', async () => {
    const { handler } = processingSetup();
    const asked = await submit(handler, { companyName: 'Boulangerie Léa' });
    const fresh = await submit(handler, { companyName: 'Menuiserie Paul' });
    await moveTo(handler, asked, 'info-requested');
    const list = (await (await handler(admin('?status=info-requested'))).json()) as { id: string }[];
    assert.deepEqual(list.map((r) => r.id), [asked]);
    const pending = (await (await handler(admin('?status=pending'))).json()) as { id: string }[];
    assert.deepEqual(pending.map((r) => r.id), [fresh]);
    const csv = await (await handler(admin('/export.csv?status=info-requested'))).text();
    assert.equal(csv.split('\r\n').filter(Boolean).length, 2);
    assert.match(csv, /,info-requested,/);
    assert.match(csv, /Boulangerie Léa/);
    const sorted = (await (await handler(admin('?sort=status&order=asc'))).json()) as { status: string }[];
    assert.deepEqual(sorted.map((r) => r.status), ['new', 'info-requested']);
  });
});
