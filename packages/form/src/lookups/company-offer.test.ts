import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { delay, HttpResponse } from 'msw';
import { createClient } from '@account-request/sdk';
import { $, API, control, fill, focused, recordSubmissions, renderForm, root, startWorker, until, worker } from '../test-helpers/index.js';
import { COMPANY_ANSWERS, LOOKUP_CONFIG, serveLookups } from '../test-helpers/lookups.js';
import type { AccountRequestForm } from '../account-request-form/account-request-form.component.js';

const OPEN = COMPANY_ANSWERS.open.siret;
const CLOSED = COMPANY_ANSWERS.closed.siret;
const CONTACT = { email: 'jane@duval.example', lastName: 'Martin' };

const region = (el: AccountRequestForm) => $(el, '[part~="lookup"]');
const button = (el: AccountRequestForm, part: string) => $(el, `[part~="${part}"]`) as HTMLButtonElement;
const offered = (el: AccountRequestForm) => root(el).querySelector('[part~="lookup-accept"]') !== null;
const value = (el: AccountRequestForm, id: string) => control(el, id).value;

async function typeSiret(el: AccountRequestForm, siret: string): Promise<void> {
  control(el, 'siret').focus();
  await sendKeys({ type: siret });
  await el.updateComplete;
}

async function click(el: AccountRequestForm, part: string): Promise<void> {
  button(el, part).click();
  await el.updateComplete;
  await el.updateComplete;
}

describe('<account-request-form> SIRET prefill', () => {
  before(startWorker);
  afterEach(() => worker.resetHandlers());

  it('asks its server which lookups are on once the form is on screen, not during its first render', async () => {
    let asked = 0;
    const client = { ...createClient({ base: API }), lookupCapabilities: async () => (asked++, { company: true, address: false }) };
    const el = await renderForm({ config: LOOKUP_CONFIG, client });
    expect(asked).to.equal(0);
    await until(() => asked === 1, 'the capabilities, asked when the browser is idle');
    await el.updateComplete;
    expect(asked).to.equal(1);
  });

  it('offers the company once the SIRET is valid, in a polite region by the field, and fills the empty fields when accepted', async () => {
    const asked = serveLookups();
    const el = await renderForm({ config: LOOKUP_CONFIG });
    await until(() => asked.capabilities === 1, 'the capabilities');
    await typeSiret(el, OPEN);
    await until(() => offered(el), 'the offer');
    // Asked once, for the whole number only.
    expect(asked.companies).to.deep.equal([OPEN]);
    const offer = region(el);
    expect(offer.getAttribute('aria-live')).to.equal('polite');
    expect(offer.previousElementSibling?.querySelector('[name="siret"]')).to.not.equal(null);
    expect(offer.textContent).to.contain('We found this company');
    expect(offer.textContent).to.contain('COMPTOIR DUVAL');
    expect(offer.textContent).to.contain('Legal form');
    expect(offer.textContent).to.contain('12 RUE DE LA PAIX, 75002 PARIS');
    expect(offer.textContent).to.contain('Fill in the company details with this information?');
    expect(button(el, 'lookup-accept').type).to.equal('button');
    // Nothing is filled before the person says so.
    expect(value(el, 'companyName')).to.equal('');
    await expect(el).to.be.accessible();

    await click(el, 'lookup-accept');
    expect(value(el, 'companyName')).to.equal('COMPTOIR DUVAL');
    expect((control(el, 'legalForm') as unknown as HTMLSelectElement).value).to.equal(COMPANY_ANSWERS.open.legalForm);
    expect(value(el, 'street')).to.equal('12 RUE DE LA PAIX');
    expect(value(el, 'postalCode')).to.equal('75002');
    expect(value(el, 'city')).to.equal('PARIS');
    expect(region(el).textContent?.trim()).to.equal('5 fields were filled in.');
    await until(() => focused(el) === control(el, 'siret'), 'focus back on the SIRET');
    await expect(el).to.be.accessible();

    // What was filled in is sent like typed values.
    const seen = recordSubmissions();
    await fill(el, CONTACT);
    await el.submit();
    expect((seen[0]?.body as { values: Record<string, string> }).values).to.include({ companyName: 'COMPTOIR DUVAL', street: '12 RUE DE LA PAIX', city: 'PARIS', siret: OPEN });
  });

  it('declined: nothing changes and the offer goes', async () => {
    serveLookups();
    const el = await renderForm({ config: LOOKUP_CONFIG });
    await typeSiret(el, OPEN);
    await until(() => offered(el), 'the offer');
    await click(el, 'lookup-decline');
    for (const id of ['companyName', 'street', 'postalCode', 'city']) expect(value(el, id), id).to.equal('');
    expect(region(el).textContent?.trim()).to.equal('');
    await until(() => focused(el) === control(el, 'siret'), 'focus back on the SIRET');
  });

  it('replaces nothing typed without a second explicit choice naming the fields', async () => {
    serveLookups();
    const el = await renderForm({ config: LOOKUP_CONFIG });
    await fill(el, { companyName: 'Duval et fils', city: 'Lyon', postalCode: '75002' }, false);
    await typeSiret(el, OPEN);
    await until(() => offered(el), 'the offer');
    await click(el, 'lookup-accept');
    // The empty fields are filled, the typed ones kept while the question waits.
    expect(value(el, 'street')).to.equal('12 RUE DE LA PAIX');
    expect(value(el, 'companyName')).to.equal('Duval et fils');
    expect(value(el, 'city')).to.equal('Lyon');
    const question = region(el).querySelector('p[tabindex="-1"]');
    expect(question?.textContent).to.equal('This replaces what you entered in: Company name and City. Replace it?');
    expect(region(el).textContent).to.contain('2 fields were filled in.');
    await until(() => focused(el) === question, 'focus on the question');
    await expect(el).to.be.accessible();

    await click(el, 'lookup-keep');
    expect(value(el, 'companyName')).to.equal('Duval et fils');
    expect(value(el, 'city')).to.equal('Lyon');

    // Asked again for another number, then replaced on the second choice only.
    await fill(el, { siret: '' }, false);
    await typeSiret(el, OPEN);
    await until(() => offered(el), 'the offer again');
    await click(el, 'lookup-accept');
    expect(value(el, 'companyName')).to.equal('Duval et fils');
    await click(el, 'lookup-replace');
    expect(value(el, 'companyName')).to.equal('COMPTOIR DUVAL');
    expect(value(el, 'city')).to.equal('PARIS');
    expect(region(el).textContent?.trim()).to.equal('2 fields were filled in.');
  });

  it('points out a closed establishment beside the SIRET, and the request still goes', async () => {
    serveLookups();
    const seen = recordSubmissions();
    const el = await renderForm({ config: LOOKUP_CONFIG });
    await typeSiret(el, CLOSED);
    await until(() => offered(el), 'the offer');
    const note = $(el, '[part~="lookup"] [part~="warning"]');
    expect(note.textContent).to.contain('The register lists this establishment as closed');
    expect(control(el, 'siret').getAttribute('aria-describedby')?.split(' ')).to.include(note.id);
    expect(control(el, 'siret').hasAttribute('aria-invalid')).to.equal(false);
    await expect(el).to.be.accessible();
    await click(el, 'lookup-decline');
    // Still said after the offer is declined: it is about the number.
    expect(region(el).textContent).to.contain('closed');
    await fill(el, { ...CONTACT, companyName: 'Quincaillerie Morel' });
    await el.submit();
    expect(seen).to.have.length(1);
    expect(el.dataset['state']).to.equal('succeeded');
  });

  it('a failing directory changes nothing', async () => {
    serveLookups({ companyAnswer: () => HttpResponse.json({ title: 'Service Unavailable', status: 503 }, { status: 503 }) });
    const el = await renderForm({ config: LOOKUP_CONFIG });
    await typeSiret(el, OPEN);
    await new Promise((resolve) => setTimeout(resolve, 300));
    await el.updateComplete;
    expect(region(el).textContent?.trim()).to.equal('');
    expect(value(el, 'companyName')).to.equal('');
  });

  it('a lookup slower than 2 s offers nothing, and a submission does not wait for it', async () => {
    serveLookups({
      companyAnswer: async (siret) => {
        await delay(3000);
        return HttpResponse.json(Object.values(COMPANY_ANSWERS).find((answer) => answer.siret === siret));
      },
    });
    const seen = recordSubmissions();
    const el = await renderForm({ config: LOOKUP_CONFIG });
    await typeSiret(el, OPEN);
    await fill(el, { ...CONTACT, companyName: 'Comptoir Duval' });
    const started = performance.now();
    await el.submit();
    expect(performance.now() - started).to.be.below(1500);
    expect(seen).to.have.length(1);
    expect(el.dataset['state']).to.equal('succeeded');
  });

  it('gives up after about 2 s: the late answer is never offered', async () => {
    serveLookups({
      companyAnswer: async (siret) => {
        await delay(2600);
        return HttpResponse.json(Object.values(COMPANY_ANSWERS).find((answer) => answer.siret === siret));
      },
    });
    const el = await renderForm({ config: LOOKUP_CONFIG });
    await typeSiret(el, OPEN);
    await new Promise((resolve) => setTimeout(resolve, 3000));
    await el.updateComplete;
    expect(offered(el)).to.equal(false);
    expect(region(el).textContent?.trim()).to.equal('');
  });

  it('drops the lookup of a SIRET changed meanwhile', async () => {
    serveLookups({
      companyAnswer: async (siret) => {
        if (siret === OPEN) await delay(400);
        return HttpResponse.json(Object.values(COMPANY_ANSWERS).find((answer) => answer.siret === siret));
      },
    });
    const el = await renderForm({ config: LOOKUP_CONFIG });
    await typeSiret(el, OPEN);
    await fill(el, { siret: CLOSED }, false);
    await until(() => offered(el), 'the offer');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(region(el).textContent).to.contain('QUINCAILLERIE MOREL');
    expect(region(el).textContent).to.not.contain('COMPTOIR DUVAL');
  });

  it('in a form in steps, offers and fills the registered office when the address is on a later step', async () => {
    serveLookups();
    const config = { ...LOOKUP_CONFIG, steps: [{ before: 'companyName', title: 'Company' }, { before: 'email', title: 'Contact' }, { before: 'street', title: 'Address' }] };
    const el = await renderForm({ config });
    await until(() => el.dataset['state'] === 'idle', 'the steps chunk');
    await typeSiret(el, OPEN);
    await until(() => offered(el), 'the offer');
    expect(region(el).textContent).to.contain('12 RUE DE LA PAIX, 75002 PARIS');
    await click(el, 'lookup-accept');
    expect(region(el).textContent?.trim()).to.equal('5 fields were filled in.');
    await until(() => focused(el) === control(el, 'siret'), 'focus back on the SIRET');
    button(el, 'next').click();
    await el.updateComplete;
    await fill(el, CONTACT, false);
    button(el, 'next').click();
    await el.updateComplete;
    expect([value(el, 'street'), value(el, 'postalCode'), value(el, 'city')]).to.deep.equal(['12 RUE DE LA PAIX', '75002', 'PARIS']);
  });

  it('asks nothing when the server has no directory, or for an invalid number', async () => {
    const asked = serveLookups({ company: false });
    const el = await renderForm({ config: LOOKUP_CONFIG });
    await until(() => asked.capabilities === 1, 'the capabilities');
    await typeSiret(el, OPEN);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(asked.companies).to.deep.equal([]);
    expect(root(el).querySelector('[part~="lookup"]')?.textContent?.trim() ?? '').to.equal('');

    worker.resetHandlers();
    const on = serveLookups();
    const other = await renderForm({ config: LOOKUP_CONFIG });
    await until(() => on.capabilities === 1, 'the capabilities');
    await typeSiret(other, '73282932000075');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(on.companies).to.deep.equal([]);
  });
});
