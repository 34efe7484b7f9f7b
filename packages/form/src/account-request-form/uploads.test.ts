import { expect, fixture, html } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import { $, API, control, fill, focused, makeConfig, root, startWorker, statusText, SUBMIT_URL, until, worker } from '../test-helpers/index.js';
import type { AccountRequestForm } from './account-request-form.component.js';
import './account-request-form.js';

const KBIS = { id: 'kbis', type: 'file', label: { en: 'Kbis extract', fr: 'Extrait Kbis' }, accept: ['pdf', 'png'], maxBytes: 1024 * 1024, maxFiles: 2 };
const CONFIG = makeConfig(
  [
    { id: 'companyName', required: true },
    { id: 'email', required: true },
    { id: 'kbis', required: true },
  ],
  { customFields: [KBIS] },
);
const VALUES = { companyName: 'Acme SAS', email: 'jane@acme.example' };

const pdf = (name: string, bytes = 12 * 1024) => new File([new Uint8Array(bytes)], name, { type: 'application/pdf', lastModified: 1 });

async function mount(draft = 'off'): Promise<AccountRequestForm> {
  const el = await fixture<AccountRequestForm>(html`<account-request-form action=${API} draft=${draft} lang="en" .config=${CONFIG}></account-request-form>`);
  // The upload UI is a chunk of its own: the form waits for it before it shows.
  await until(() => el.dataset['state'] === 'idle', 'the uploads chunk');
  await el.updateComplete;
  return el;
}

/** Chooses files as the browser's file picker does: the input's files, then a change event. */
async function choose(el: AccountRequestForm, ...files: File[]): Promise<void> {
  const input = control(el, 'kbis');
  const transfer = new DataTransfer();
  for (const file of files) transfer.items.add(file);
  input.files = transfer.files;
  input.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  await el.updateComplete;
}

const listed = (el: AccountRequestForm) => [...root(el).querySelectorAll('[part~="file"]')].map((item) => item.textContent?.replace(/\s+/g, ' ').trim());
const errorText = (el: AccountRequestForm) => root(el).querySelector(`#${control(el, 'kbis').id}-error`)?.textContent?.replace(/\s+/g, ' ').trim();

describe('<account-request-form> file fields', () => {
  before(startWorker);
  afterEach(() => {
    worker.resetHandlers();
    localStorage.clear();
  });

  it('is a native file input that says what it takes', async () => {
    const el = await mount();
    const input = control(el, 'kbis');
    expect(input.type).to.equal('file');
    expect(input.accept).to.equal('application/pdf,.pdf,image/png,.png');
    expect(input.multiple).to.equal(true);
    expect(root(el).querySelector(`label[for="${input.id}"]`)?.textContent).to.contain('Kbis extract');
    const hint = $(el, `#${input.id}-hint`);
    expect(hint.textContent?.trim()).to.equal('PDF or PNG, up to 1 MB each, 2 files at most.');
    expect(input.getAttribute('aria-describedby')).to.equal(hint.id);
    expect(root(el).querySelector('[part~="file-list"]')).to.equal(null);
  });

  it('lists the chosen files with their sizes, adds to the list, removes one, and says each change', async () => {
    const el = await mount();
    await choose(el, pdf('kbis.pdf'));
    expect(listed(el)).to.deep.equal(['kbis.pdf 12 kB Remove']);
    expect(statusText(el)).to.equal('File added: kbis.pdf (12 kB).');
    expect($(el, '[part~="file-list"]').getAttribute('aria-label')).to.equal('Files chosen for Kbis extract');
    expect(control(el, 'kbis').files?.length, 'the input holds the whole list').to.equal(1);

    await choose(el, pdf('statutes.pdf', 1536 * 1024 - 1));
    expect(listed(el)).to.deep.equal(['kbis.pdf 12 kB Remove', 'statutes.pdf 1.5 MB Remove']);
    expect(control(el, 'kbis').files?.length).to.equal(2);
    // A file already listed, chosen again: the list stays, and the input still holds all of it.
    await choose(el, pdf('kbis.pdf'));
    expect(listed(el)).to.deep.equal(['kbis.pdf 12 kB Remove', 'statutes.pdf 1.5 MB Remove']);
    expect([...(control(el, 'kbis').files ?? [])].map((file) => file.name)).to.deep.equal(['kbis.pdf', 'statutes.pdf']);

    const remove = root(el).querySelectorAll<HTMLButtonElement>('[part~="remove"]')[0]!;
    expect(remove.getAttribute('aria-label')).to.equal('Remove kbis.pdf');
    remove.click();
    await el.updateComplete;
    expect(listed(el)).to.deep.equal(['statutes.pdf 1.5 MB Remove']);
    // statutes.pdf, left, is over the 1 MB the field takes: said with the change.
    expect(statusText(el)).to.equal('File removed: kbis.pdf. Error: This file is larger than 1 MB.');
    expect(focused(el), 'focus goes back to the input').to.equal(control(el, 'kbis'));
  });

  it('refuses a file too large or of another type at once, with the SDK’s words, and sends nothing', async () => {
    const seen: unknown[] = [];
    worker.use(
      http.post(SUBMIT_URL, ({ request }) => {
        seen.push(request);
        return HttpResponse.json({}, { status: 500 });
      }),
    );
    const el = await mount();
    await fill(el, VALUES);
    await choose(el, pdf('scan.pdf', 2 * 1024 * 1024));
    expect(errorText(el)).to.equal('Error: This file is larger than 1 MB.');
    expect(statusText(el), 'announced with the change').to.equal('File added: scan.pdf (2 MB). Error: This file is larger than 1 MB.');
    expect(control(el, 'kbis').getAttribute('aria-invalid')).to.equal('true');
    await el.submit();
    expect(seen).to.have.length(0);
    expect(focused(el)).to.equal(control(el, 'kbis'));

    root(el).querySelector<HTMLButtonElement>('[part~="remove"]')!.click();
    await el.updateComplete;
    await choose(el, new File(['<html>'], 'kbis.pdf.html', { type: 'text/html' }));
    expect(errorText(el)).to.equal('Error: This type of file is not accepted: choose a file in PDF or PNG format.');

    root(el).querySelector<HTMLButtonElement>('[part~="remove"]')!.click();
    await el.updateComplete;
    await choose(el, pdf('a.pdf'), pdf('b.pdf'), pdf('c.pdf'));
    expect(errorText(el)).to.equal('Error: Too many files: at most 2.');
  });

  it('posts multipart/form-data through the SDK client, each file a part named after its field', async () => {
    const received: { type: string | null; values: Record<string, string>; files: [string, string, number][] }[] = [];
    worker.use(
      http.post(SUBMIT_URL, async ({ request }) => {
        const form = await request.formData();
        const values: Record<string, string> = {};
        const files: [string, string, number][] = [];
        for (const [name, value] of form) {
          if (typeof value === 'string') values[name] = value;
          else files.push([name, value.name, value.size]);
        }
        received.push({ type: request.headers.get('Content-Type'), values, files });
        return HttpResponse.json({ id: 'req_1', status: 'pending', access: 'full' }, { status: 201 });
      }),
    );
    const el = await mount();
    await fill(el, VALUES);
    await choose(el, pdf('kbis.pdf'), pdf('statutes.pdf', 2048));
    await el.submit();
    expect(received).to.have.length(1);
    expect(received[0]?.type).to.match(/^multipart\/form-data; boundary=/);
    expect(received[0]?.values).to.deep.equal({ ...VALUES, confirmed: 'true', locale: 'en' });
    expect(received[0]?.files).to.deep.equal([
      ['kbis', 'kbis.pdf', 12 * 1024],
      ['kbis', 'statutes.pdf', 2048],
    ]);
    expect(el.dataset['state']).to.equal('succeeded');
  });

  it('after a reload keeps what was typed and asks for the files again, by name', async () => {
    const el = await mount('local');
    await fill(el, { companyName: 'Acme SAS' }, false);
    await choose(el, pdf('kbis.pdf'));
    el.remove(); // disconnecting writes the draft at once
    const again = await mount('local');
    expect(control(again, 'companyName').value).to.equal('Acme SAS');
    expect(listed(again)).to.deep.equal([]);
    const note = $(again, `#${control(again, 'kbis').id}-again`);
    expect(note.textContent?.replace(/\s+/g, ' ').trim()).to.equal('The file you chose could not be kept when the page was reloaded: choose kbis.pdf again.');
    expect(control(again, 'kbis').getAttribute('aria-describedby')?.split(' ')).to.include(note.id);

    // Still asked after another reload without a choice; gone once the file is chosen.
    again.remove();
    const third = await mount('local');
    expect(root(third).querySelector(`#${control(third, 'kbis').id}-again`)).to.exist;
    await choose(third, pdf('kbis.pdf'));
    expect(root(third).querySelector(`#${control(third, 'kbis').id}-again`)).to.equal(null);

    // Two files to choose again: after one is chosen, the other is still asked for.
    third.remove();
    const two = await mount('local');
    await choose(two, pdf('a.pdf'), pdf('b.pdf'));
    two.remove();
    const back = await mount('local');
    await choose(back, pdf('a.pdf'));
    expect($(back, `#${control(back, 'kbis').id}-again`).textContent?.replace(/\s+/g, ' ').trim()).to.equal('The file you chose could not be kept when the page was reloaded: choose b.pdf again.');
    back.remove();

    // reset() forgets the draft, its file names with it.
    const fourth = await mount('local');
    expect(root(fourth).querySelector('[part~="file-again"]')).to.exist;
    fourth.reset();
    await fourth.updateComplete;
    expect(root(fourth).querySelector('[part~="file-again"]')).to.equal(null);
  });

  it('is accessible empty, with files, with an error and after a reload (axe)', async () => {
    const el = await mount('local');
    await expect(el).to.be.accessible();
    await choose(el, pdf('kbis.pdf'));
    await expect(el).to.be.accessible();
    await choose(el, pdf('huge.pdf', 3 * 1024 * 1024));
    expect(errorText(el)).to.contain('larger');
    await expect(el).to.be.accessible();
    root(el).querySelectorAll<HTMLButtonElement>('[part~="remove"]')[1]!.click();
    await el.updateComplete;
    el.remove();
    const again = await mount('local');
    expect(root(again).querySelector('[part~="file-again"]')).to.exist;
    await expect(again).to.be.accessible();
  });
});
