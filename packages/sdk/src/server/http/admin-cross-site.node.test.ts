import assert from 'node:assert/strict';
import { test } from 'node:test';
import { admin, processingSetup, submit } from '../test-helpers/processing.js';
import { assertProblem } from '../test-helpers/setup.js';

// A browser attaches the admin's cached Basic credentials to a plain <form> post from any site;
// the routes that read no body could not refuse it by its content type.
const FOREIGN = { Origin: 'https://evil.example', 'Sec-Fetch-Site': 'cross-site' };

test('an admin change posted from another site is refused with 403 cross-site, and nothing changes', async () => {
  const built = processingSetup();
  const id = await submit(built.handler);
  const created = await built.handler(admin('/invitations', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email: 'lea@boulangerie.example', locale: 'fr' }) }));
  assert.equal(created.status, 201, await created.clone().text());
  const invitation = ((await created.json()) as { id: string }).id;
  const form = { 'Content-Type': 'application/x-www-form-urlencoded' };
  for (const path of [`/invitations/${invitation}/revoke`, `/invitations/${invitation}/resend`, `/${id}/checks`, `/${id}/activation-email`, '/decisions', '/activation-emails']) {
    for (const headers of [FOREIGN, { 'Sec-Fetch-Site': 'cross-site' }]) {
      const response = await built.handler(admin(path, { method: 'POST', headers: { ...headers, ...form }, body: '' }));
      assert.equal((await assertProblem(response, 403))['type'], 'urn:account-request:problem:cross-site', path);
    }
  }
  const state = (await (await built.handler(admin(`/invitations/${invitation}`))).json()) as { state: string };
  assert.equal(state.state, 'pending');
  // The same post from the handler's own origin, or with no browser header at all, goes through.
  assert.equal((await built.handler(admin(`/invitations/${invitation}/revoke`, { method: 'POST', headers: { Origin: new URL(admin('/').url).origin } }))).status, 200);
});
