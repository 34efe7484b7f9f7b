import { expect, oneEvent } from '@open-wc/testing';
import { control, fill, recordSubmissions, renderForm, root, startWorker, VALID_VALUES, worker } from '../test-helpers/index.js';

describe('<account-request-form> moved in the page', () => {
  before(startWorker);
  afterEach(() => worker.resetHandlers());

  it('keeps what was typed when a page moves it (a portal, a CMS block, a framework mounting twice), and sends once', async () => {
    const seen = recordSubmissions();
    const el = await renderForm();
    await fill(el, { companyName: VALID_VALUES['companyName']! }, false);
    const elsewhere = document.createElement('section');
    document.body.append(elsewhere);
    elsewhere.append(el);
    el.remove();
    elsewhere.append(el);
    await el.updateComplete;
    expect(control(el, 'companyName').value).to.equal(VALID_VALUES['companyName']);
    await fill(el, { email: VALID_VALUES['email']!, lastName: VALID_VALUES['lastName']! });
    const success = oneEvent(el, 'account-request-success');
    (root(el).querySelector('[part="submit"]') as HTMLButtonElement).click();
    await success;
    expect(seen).to.have.length(1);
    expect(seen[0]!.body).to.deep.equal({ values: VALID_VALUES, confirmed: true, locale: 'en' });
    elsewhere.remove();
  });
});
