import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import { delay, HttpResponse } from 'msw';
import { HONEYPOT_FIELD } from '@account-request/sdk';
import {
  $,
  API,
  control,
  fastClient,
  fill,
  focused,
  makeConfig,
  mount,
  recordSubmissions,
  renderForm,
  root,
  SMALL_CONFIG,
  startWorker,
  statusText,
  until,
  VALID_VALUES,
  worker,
} from '../test-helpers/index.js';
import type { AccountRequestForm } from './account-request-form.component.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const created = () => HttpResponse.json({ id: 'req_1', status: 'pending', access: 'full' }, { status: 201 });
const submitButton = (el: AccountRequestForm) => $(el, '[part="submit"]') as HTMLButtonElement;
const retryButton = (el: AccountRequestForm) => root(el).querySelector<HTMLButtonElement>('[part="retry"]');

async function center(element: Element): Promise<[number, number]> {
  const box = element.getBoundingClientRect();
  return [Math.round(box.x + box.width / 2), Math.round(box.y + box.height / 2)];
}

describe('<account-request-form> submission', () => {
  before(startWorker);
  afterEach(() => worker.resetHandlers());

  it('posts once on a double click, with the validated values and an idempotency key, then confirms', async () => {
    const seen = recordSubmissions(async () => {
      await delay(150);
      return created();
    });
    const el = await renderForm();
    await fill(el, { ...VALID_VALUES, firstName: '  Jane ' });
    const position = await center(submitButton(el));
    const success = oneEvent(el, 'account-request-success');
    await sendMouse({ type: 'click', position });
    await sendMouse({ type: 'click', position });
    await el.updateComplete;
    expect(submitButton(el).getAttribute('aria-disabled')).to.equal('true');
    expect(submitButton(el).getAttribute('aria-busy')).to.equal('true');
    expect(statusText(el)).to.equal('Sending…');
    const { detail } = await success;
    expect(seen).to.have.length(1);
    expect(seen[0]!.key).to.match(UUID);
    expect(seen[0]!.body).to.deep.equal({ values: { ...VALID_VALUES, firstName: 'Jane' }, confirmed: true, locale: 'en' });
    expect(detail.response).to.deep.equal({ id: 'req_1', status: 'pending', access: 'full' });
    await el.updateComplete;
    const confirmation = $(el, '[part="confirmation"]');
    expect(confirmation.textContent?.trim()).to.equal('Thank you: your request has been sent. We will get back to you shortly.');
    expect(focused(el)).to.equal(confirmation);
    expect(root(el).querySelector('form')).to.equal(null);
  });

  it('submits on a page served over plain HTTP, where crypto.randomUUID does not exist', async () => {
    const seen = recordSubmissions();
    Object.defineProperty(crypto, 'randomUUID', { value: undefined, configurable: true, writable: true });
    try {
      const el = await renderForm();
      await fill(el, VALID_VALUES);
      const success = oneEvent(el, 'account-request-success');
      await el.submit();
      await success;
      expect(seen).to.have.length(1);
      expect(seen[0]!.key).to.match(UUID);
    } finally {
      delete (crypto as { randomUUID?: unknown }).randomUUID;
    }
  });

  it('checks and sends what the controls hold when an autofill or a script filled them without an input event', async () => {
    const seen = recordSubmissions();
    const el = await renderForm();
    for (const [id, value] of Object.entries(VALID_VALUES)) control(el, id).value = value;
    control(el, 'confirmed').checked = true;
    expect(el.checkValidity()).to.equal(true);
    await el.updateComplete;
    // The next render keeps what the controls show.
    for (const [id, value] of Object.entries(VALID_VALUES)) expect(control(el, id).value).to.equal(value);
    control(el, 'lastName').value = 'Durand';
    const success = oneEvent(el, 'account-request-success');
    await el.submit();
    await success;
    expect(seen).to.have.length(1);
    expect(seen[0]!.body).to.deep.equal({ values: { ...VALID_VALUES, lastName: 'Durand' }, confirmed: true, locale: 'en' });
  });

  it('lets a host cancel account-request-submit, which then sends nothing', async () => {
    const seen = recordSubmissions();
    const el = await renderForm();
    await fill(el, VALID_VALUES);
    el.addEventListener('account-request-submit', (event) => {
      expect(event.detail.values).to.deep.equal(VALID_VALUES);
      event.preventDefault();
    });
    await el.submit();
    expect(seen).to.have.length(0);
    expect(el.dataset['state']).to.equal('idle');
  });

  it('runs one request at a time through submit() too', async () => {
    const seen = recordSubmissions();
    const el = await renderForm();
    await fill(el, VALID_VALUES);
    await Promise.all([el.submit(), el.submit(), el.submit()]);
    expect(seen).to.have.length(1);
  });

  it('shows the config message in the page language, or the success slot', async () => {
    recordSubmissions();
    const settings = { unvalidatedAccounts: 'none', quickRegistration: false, defaultAccountState: 'inactive', confirmation: { message: { fr: 'Merci !', en: 'Thanks!' } } };
    const el = await renderForm({ lang: 'fr', config: { ...SMALL_CONFIG, settings } });
    await fill(el, VALID_VALUES);
    await el.submit();
    await el.updateComplete;
    expect($(el, '[part="confirmation"]').textContent?.trim()).to.equal('Merci !');

    const slotted = await fixture<AccountRequestForm>(html`<account-request-form draft="off" action=${API} .config=${SMALL_CONFIG}
      ><p slot="success">Custom thanks</p></account-request-form
    >`);
    await fill(slotted, VALID_VALUES);
    await slotted.submit();
    await slotted.updateComplete;
    const slot = $(slotted, 'slot[name="success"]') as HTMLSlotElement;
    expect(slot.assignedElements()[0]?.textContent).to.equal('Custom thanks');
  });

  it('goes to the redirect URL through navigate(), after account-request-success', async () => {
    recordSubmissions();
    const settings = { unvalidatedAccounts: 'none', quickRegistration: false, defaultAccountState: 'inactive', confirmation: { redirectUrl: '/thank-you?from=form' } };
    const el = await renderForm({ config: { ...SMALL_CONFIG, settings } });
    const order: string[] = [];
    (el as unknown as { navigate: (url: string) => void }).navigate = (url) => order.push(`navigate ${url}`);
    el.addEventListener('account-request-success', () => order.push('success'));
    await fill(el, VALID_VALUES);
    await el.submit();
    expect(order).to.deep.equal(['success', 'navigate /thank-you?from=form']);
  });

  it('puts 422 errors on their fields and focuses the first one', async () => {
    recordSubmissions(() =>
      HttpResponse.json(
        {
          type: 'about:blank',
          title: 'Unprocessable',
          status: 422,
          errors: [
            { field: 'lastName', code: 'invalid_characters', message: 'Server says the name is odd' },
            { field: 'email', code: 'invalid_format', message: 'Server says the e-mail is odd' },
          ],
        },
        { status: 422, headers: { 'Content-Type': 'application/problem+json' } },
      ),
    );
    const el = await renderForm();
    await fill(el, VALID_VALUES);
    const failed = oneEvent(el, 'account-request-error');
    await el.submit();
    const { detail } = await failed;
    expect(detail.kind).to.equal('validation');
    await el.updateComplete;
    const errorText = (id: string) => root(el).querySelector(`#${control(el, id).id}-error`)?.textContent;
    expect(errorText('lastName')).to.contain('Server says the name is odd');
    expect(errorText('email')).to.contain('Server says the e-mail is odd');
    expect(control(el, 'lastName').getAttribute('aria-invalid')).to.equal('true');
    expect(focused(el), 'email comes first in display order').to.equal(control(el, 'email'));
    expect(statusText(el)).to.equal('2 fields need attention.');
    expect(control(el, 'companyName').value).to.equal('Acme SAS');
  });

  const failures = [
    { name: 'a timeout', kind: 'network', text: 'taking too long', first: async () => (await delay(1500), created()) },
    { name: 'an offline network', kind: 'network', text: 'offline', first: () => HttpResponse.error() },
    { name: 'a 500', kind: 'server', text: 'ran into a problem', first: () => new HttpResponse(null, { status: 500 }) },
  ] as const;
  for (const failure of failures) {
    it(`keeps the values after ${failure.name}, says so, and retries with the same key`, async () => {
      const seen = recordSubmissions((count) => (count === 1 ? failure.first() : created()));
      const el = await renderForm({ client: fastClient() });
      await fill(el, { ...VALID_VALUES, password: 'correct horse battery staple' });
      const failed = oneEvent(el, 'account-request-error');
      await el.submit();
      expect((await failed).detail.kind).to.equal(failure.kind);
      await el.updateComplete;
      expect(statusText(el)).to.contain(failure.text);
      for (const [id, value] of Object.entries(VALID_VALUES)) expect(control(el, id).value).to.equal(value);
      expect(control(el, 'password').value).to.equal('correct horse battery staple');
      expect(control(el, 'confirmed').checked).to.equal(true);
      expect(el.dataset['state']).to.equal('failed-retryable');
      const success = oneEvent(el, 'account-request-success');
      retryButton(el)!.click();
      await success;
      await until(() => seen.length === 2, 'second request');
      expect(seen[1]!.key).to.equal(seen[0]!.key);
    });
  }

  // The server created the request, but its answer cannot be read: a cut body, or not the
  // expected JSON. The retry replays the same key, and the handler answers with the first result.
  const lostAnswers = [
    { name: 'a cut body', first: () => new HttpResponse('{"id":"req_1","sta', { status: 201, headers: { 'Content-Type': 'application/json' } }) },
    { name: 'a body that is not the result', first: () => HttpResponse.json({ ok: true }, { status: 201 }) },
  ] as const;
  for (const lost of lostAnswers) {
    it(`after a 201 with ${lost.name}, says the answer was lost and offers the retry, which replays the same key`, async () => {
      const seen = recordSubmissions((count) => (count === 1 ? lost.first() : created()));
      const el = await renderForm({ client: fastClient() });
      await fill(el, VALID_VALUES);
      const failed = oneEvent(el, 'account-request-error');
      await el.submit();
      expect((await failed).detail.error.name).to.equal('SubmissionError');
      await el.updateComplete;
      expect(el.dataset['state']).to.equal('failed-retryable');
      expect(statusText(el)).to.equal(
        "The server's answer was lost on the way: trying again will not send your request twice. Your entries are kept. You can try again.",
      );
      expect(statusText(el)).to.not.contain('refused');
      for (const [id, value] of Object.entries(VALID_VALUES)) expect(control(el, id).value).to.equal(value);
      expect(retryButton(el)?.getAttribute('aria-disabled')).to.equal(null);
      const success = oneEvent(el, 'account-request-success');
      retryButton(el)!.click();
      expect((await success).detail.response.id).to.equal('req_1');
      expect(seen.map((request) => request.key)).to.deep.equal([seen[0]!.key, seen[0]!.key]);
    });
  }

  it('words a lost answer in French', async () => {
    recordSubmissions(() => new HttpResponse('{', { status: 200, headers: { 'Content-Type': 'application/json' } }));
    const el = await renderForm({ lang: 'fr', client: fastClient() });
    await fill(el, VALID_VALUES);
    await el.submit();
    await el.updateComplete;
    expect(statusText(el)).to.equal(
      'La réponse du serveur s’est perdue en chemin : réessayer n’enverra pas votre demande deux fois. Vos saisies sont conservées. Vous pouvez réessayer.',
    );
  });

  const tooMany = (seconds: string) => () =>
    HttpResponse.json({ title: 'Too Many Requests', status: 429 }, { status: 429, headers: { 'Content-Type': 'application/problem+json', 'Retry-After': seconds } });

  it('after a 429 sends nothing by itself, shows the wait, and offers the retry (same key) once Retry-After has passed', async () => {
    const seen = recordSubmissions((count) => (count === 1 ? tooMany('1')() : created()));
    const el = await renderForm();
    await fill(el, VALID_VALUES);
    const failed = oneEvent(el, 'account-request-error');
    await el.submit();
    expect((await failed).detail.kind).to.equal('server');
    await el.updateComplete;
    expect(seen, 'the default client does not retry a 429 on its own').to.have.length(1);
    expect(el.dataset['state']).to.equal('failed-retryable');
    expect(statusText(el)).to.equal('Too many requests have been sent. Your entries are kept. You can try again in 1 second.');
    expect(retryButton(el)!.getAttribute('aria-disabled')).to.equal('true');
    retryButton(el)!.click();
    await el.submit();
    expect(seen, 'no request inside the wait, from Retry or from submit()').to.have.length(1);
    for (const [id, value] of Object.entries(VALID_VALUES)) expect(control(el, id).value).to.equal(value);
    await until(() => retryButton(el)?.getAttribute('aria-disabled') === null, 'retry enabled', 3000);
    expect(statusText(el)).to.equal('Too many requests have been sent. Your entries are kept. You can try again.');
    const success = oneEvent(el, 'account-request-success');
    retryButton(el)!.click();
    await success;
    expect(seen.map((request) => request.key)).to.deep.equal([seen[0]!.key, seen[0]!.key]);
  });

  it('words a long Retry-After in minutes, in the page language', async () => {
    recordSubmissions(tooMany('120'));
    const el = await renderForm({ lang: 'fr' });
    await fill(el, VALID_VALUES);
    await el.submit();
    await el.updateComplete;
    expect(statusText(el)).to.equal('Trop de demandes ont été envoyées. Vos saisies sont conservées. Vous pourrez réessayer dans 2 minutes.');
    expect(retryButton(el)!.getAttribute('aria-disabled')).to.equal('true');
  });

  it('retries a network failure by itself, saying so while it waits, with the same key', async () => {
    const seen = recordSubmissions((count) => (count === 1 ? HttpResponse.error() : created()));
    const el = await renderForm();
    await fill(el, VALID_VALUES);
    const success = oneEvent(el, 'account-request-success');
    void el.submit();
    await until(() => seen.length === 1 && statusText(el).includes('Trying again'), 'the retry notice');
    expect(statusText(el)).to.equal('The request could not be sent: you seem to be offline or the server cannot be reached. Your entries are kept. Trying again in 1 second…');
    expect(el.dataset['state']).to.equal('submitting');
    expect(submitButton(el).getAttribute('aria-busy')).to.equal('true');
    await success;
    expect(seen.map((request) => request.key)).to.deep.equal([seen[0]!.key, seen[0]!.key]);
  });

  it('gives up after two automatic retries of a 503, then offers the retry; a 500 is not retried by itself', async () => {
    const unavailable = recordSubmissions(() => new HttpResponse(null, { status: 503, headers: { 'Retry-After': '0' } }));
    const el = await renderForm();
    await fill(el, VALID_VALUES);
    const failed = oneEvent(el, 'account-request-error');
    await el.submit();
    expect((await failed).detail.kind).to.equal('server');
    await el.updateComplete;
    expect(unavailable).to.have.length(3);
    expect(new Set(unavailable.map((request) => request.key)).size).to.equal(1);
    expect(statusText(el)).to.equal('The server ran into a problem. Your entries are kept. You can try again.');
    expect(retryButton(el)!.getAttribute('aria-disabled')).to.equal(null);

    worker.resetHandlers();
    const broken = recordSubmissions(() => new HttpResponse(null, { status: 500 }));
    await el.submit();
    expect(broken).to.have.length(1);
  });

  it('does not retry by itself when the server asks for a long wait (503 with Retry-After: 60)', async () => {
    const seen = recordSubmissions(() => new HttpResponse(null, { status: 503, headers: { 'Retry-After': '60' } }));
    const el = await renderForm();
    await fill(el, VALID_VALUES);
    await el.submit();
    await el.updateComplete;
    expect(seen).to.have.length(1);
    expect(statusText(el)).to.equal('The server ran into a problem. Your entries are kept. You can try again in 1 minute.');
  });

  it('uses a new key when the values changed after the server refused them (nothing was created)', async () => {
    const seen = recordSubmissions((count) => (count === 1 ? new HttpResponse(null, { status: 500 }) : created()));
    const el = await renderForm({ client: fastClient() });
    await fill(el, VALID_VALUES);
    await el.submit();
    await fill(el, { lastName: 'Martin-Dupont' }, false);
    await el.submit();
    expect(seen).to.have.length(2);
    expect(seen[1]!.key).to.not.equal(seen[0]!.key);
  });

  it('after a timeout keeps the key for edited values; if the server saw it with another body, says the request was sent and makes no second one until asked', async () => {
    const keyReused = () =>
      HttpResponse.json(
        { type: 'urn:account-request:problem:idempotency-key-reused', title: 'Idempotency key reused', status: 422 },
        { status: 422, headers: { 'Content-Type': 'application/problem+json' } },
      );
    // The first send is stored, but its answer comes after the client gave up.
    const seen = recordSubmissions(async (count) => (count === 1 ? (await delay(1500), created()) : count === 2 ? keyReused() : created()));
    const el = await renderForm({ client: fastClient() });
    await fill(el, VALID_VALUES);
    await el.submit();
    expect(el.dataset['state']).to.equal('failed-retryable');
    await fill(el, { lastName: 'Martin-Dupont' }, false);
    await el.submit();
    await el.updateComplete;
    expect(seen).to.have.length(2, 'no request sent behind the person\'s back');
    expect(seen[1]!.key).to.equal(seen[0]!.key);
    expect(statusText(el)).to.equal('The server refused the request. This request was already sent with other details: reload the page to send a new one.');
    // Told, the person sends again on purpose: a new request, with a new key.
    const success = oneEvent(el, 'account-request-success');
    await el.submit();
    await success;
    expect(seen).to.have.length(3);
    expect(seen[2]!.key).to.not.equal(seen[0]!.key);
    expect((seen[2]!.body as { values: Record<string, string> }).values['lastName']).to.equal('Martin-Dupont');
  });

  it('treats other refusals (403) as final, with no retry button', async () => {
    recordSubmissions(() => HttpResponse.json({ title: 'Forbidden', status: 403, detail: 'This form is closed.' }, { status: 403, headers: { 'Content-Type': 'application/problem+json' } }));
    const el = await renderForm({ client: fastClient() });
    await fill(el, VALID_VALUES);
    await el.submit();
    await el.updateComplete;
    expect(el.dataset['state']).to.equal('failed');
    expect(retryButton(el)).to.equal(null);
    expect(statusText(el)).to.equal('The server refused the request. This form is closed.');
  });

  it("words a refusal the handler names in the person's language, not the server's English (closed form, in French)", async () => {
    recordSubmissions(() =>
      HttpResponse.json(
        { type: 'urn:account-request:problem:disabled', title: 'Forbidden', status: 403, detail: 'Account requests are closed for now.' },
        { status: 403, headers: { 'Content-Type': 'application/problem+json' } },
      ),
    );
    const el = await renderForm({ lang: 'fr', client: fastClient() });
    await fill(el, VALID_VALUES);
    await el.submit();
    await el.updateComplete;
    expect(retryButton(el)).to.equal(null);
    expect(statusText(el)).to.equal('La demande a été refusée par le serveur. Les demandes d’ouverture de compte sont fermées pour le moment.');
  });

  it('posts url-encoded when enctype asks for it', async () => {
    const seen = recordSubmissions();
    const el = await renderForm();
    el.enctype = 'application/x-www-form-urlencoded';
    await fill(el, VALID_VALUES);
    await el.submit();
    expect(seen[0]!.contentType).to.contain('application/x-www-form-urlencoded');
    const body = new URLSearchParams(seen[0]!.body as string);
    expect([body.get('companyName'), body.get('confirmed'), body.get('locale')]).to.deep.equal(['Acme SAS', 'true', 'en']);
  });

  it('sends what a bot typed into the honeypot so the server can drop it', async () => {
    const seen = recordSubmissions();
    const el = await renderForm();
    await fill(el, VALID_VALUES);
    control(el, HONEYPOT_FIELD).value = 'bot';
    await el.submit();
    expect((seen[0]!.body as { values: Record<string, string> }).values[HONEYPOT_FIELD]).to.equal('bot');
  });

  it('reset() empties the form, shows it again after a success and uses a new key', async () => {
    const seen = recordSubmissions();
    const el = await renderForm({ values: { companyName: 'Prefilled SA' } });
    await fill(el, { ...VALID_VALUES });
    await el.submit();
    el.reset();
    await el.updateComplete;
    expect(control(el, 'companyName').value).to.equal('Prefilled SA');
    expect(control(el, 'lastName').value).to.equal('');
    expect(control(el, 'confirmed').checked).to.equal(false);
    await fill(el, VALID_VALUES);
    await el.submit();
    expect(seen).to.have.length(2);
    expect(seen[1]!.key).to.not.equal(seen[0]!.key);
  });

  it('can be filled and sent with the keyboard only', async () => {
    const seen = recordSubmissions();
    const before = await mount<HTMLButtonElement>(html`<button>before</button>`);
    const el = await renderForm({ config: makeConfig([{ id: 'companyName', required: true }, { id: 'email', required: true }, { id: 'civility' }, { id: 'country', required: true }]) });
    before.focus();
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: 'Acme SAS' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: 'jane@acme.fr' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'Tab' });
    expect(focused(el)).to.equal(control(el, 'country'));
    await sendKeys({ press: 'Tab' });
    // ' ' rather than 'Space': the key name both CDP and WebDriver BiDi (Firefox) know.
    await sendKeys({ press: ' ' });
    await sendKeys({ press: 'Tab' });
    expect(focused(el)).to.equal(submitButton(el));
    const success = oneEvent(el, 'account-request-success');
    await sendKeys({ press: 'Enter' });
    await success;
    expect(seen).to.have.length(1);
    expect((seen[0]!.body as { values: unknown }).values).to.deep.equal({ companyName: 'Acme SAS', email: 'jane@acme.fr', civility: 'Mme', country: 'FR' });
  });
});
