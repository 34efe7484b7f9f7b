// The invitation form's "valid for (days)" box. A number input hands the server nothing for text
// it cannot parse: Firefox lets any text into one ("10 jours", "dix"), and the form being
// `novalidate`, the invitation then went out with the default 30 days, no error shown. A text
// box with a numeric keyboard sends what was typed; the server says what is wrong with it.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { invitationsPage } from './invitations.js';

const daysBox = (page: string): string => /<input id="invite-expiresInDays"[^>]*>/.exec(page)?.[0] ?? '';

describe('invitations page: the days box', () => {
  it('is a text box with a numeric keyboard, never a number input that drops what it cannot parse', () => {
    const box = daysBox(invitationsPage({ locale: 'fr', items: [], total: 0, limit: 20, offset: 0 }));
    assert.match(box, / type="text"/);
    assert.match(box, / inputmode="numeric"/);
    assert.doesNotMatch(box, /type="number"/);
    assert.match(box, / value="30"/);
  });

  it('shows a refused text again, as typed, with its error', () => {
    const page = invitationsPage({
      locale: 'fr',
      items: [],
      total: 0,
      limit: 20,
      offset: 0,
      errors: [{ field: 'expiresInDays', message: 'Cette valeur n’est pas valide.' }],
      typed: { email: 'lea@example.com', expiresInDays: '10 jours' },
    });
    const box = daysBox(page);
    // A number input would show "10 jours" as an empty box (its value is sanitized away).
    assert.match(box, / value="10 jours" type="text"/);
    assert.match(box, / aria-invalid="true" aria-describedby="invite-expiresInDays-error" autofocus/);
  });
});
