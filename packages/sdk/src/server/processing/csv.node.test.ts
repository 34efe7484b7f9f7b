import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { csvCell, toCsv } from './csv.js';
import { admin, moveTo, patch, processingSetup, read, submit } from '../test-helpers/processing.js';
import { assertProblem } from '../test-helpers/setup.js';
import { parseConfig } from '../../config/index.js';

/** Splits a CSV produced by toCsv (quoted cells may hold commas, quotes and line breaks). */
function parseCsv(csv: string): string[][] {
  const text = csv.replace(/^\uFEFF/, '');
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i]!;
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') (cell += '"'), (i += 1);
      else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') row.push(cell), (cell = '');
    else if (char === '\r' && text[i + 1] === '\n') row.push(cell), rows.push(row), (row = []), (cell = ''), (i += 1);
    else cell += char;
  }
  return rows;
}

describe('CSV cells', () => {
  test('RFC 4180 quoting: quotes doubled; commas, semicolons and line breaks quoted; plain text bare', () => {
    assert.equal(csvCell('Acme SAS'), 'Acme SAS');
    assert.equal(csvCell('Dupont, fils'), '"Dupont, fils"');
    assert.equal(csvCell('il a dit "oui"'), '"il a dit ""oui"""');
    assert.equal(csvCell('a;b'), '"a;b"');
    assert.equal(csvCell('ligne 1\nligne 2'), '"ligne 1\nligne 2"');
    assert.equal(csvCell(undefined), '');
    assert.equal(csvCell(true), 'true');
  });

  test('formula-like cells get a leading apostrophe: = + - @ tab and CR', () => {
    for (const evil of ['=HYPERLINK("http://x")', '+33 1 23', '-2+3', '@SUM(A1)', '\t=1', '\r=1']) {
      const cell = csvCell(evil);
      const inner = cell.startsWith('"') ? cell.slice(1, -1).replaceAll('""', '"') : cell;
      assert.equal(inner, `'${evil}`, JSON.stringify(evil));
    }
    assert.equal(csvCell('a=b'), 'a=b', 'only the first character counts');
    // Opened by a spreadsheet that splits on the other separator, each piece is a cell of its own.
    assert.equal(csvCell('x;=1+1;y'), `"x;'=1+1;y"`);
    assert.equal(csvCell('Dupont, -5 %'), `"Dupont, '-5 %"`);
    assert.equal(csvCell('a;\t@SUM(A1)'), `"a;\t'@SUM(A1)"`);
    assert.equal(csvCell('Saint-Denis; 93200'), '"Saint-Denis; 93200"');
  });

  test('toCsv: UTF-8 BOM first, CRLF after every row, accents kept', () => {
    const text = toCsv([['société', 'é'], ['Zoë', '']]);
    assert.equal(text, '\uFEFFsociété,é\r\nZoë,\r\n');
    assert.deepEqual([...new TextEncoder().encode(text).slice(0, 3)], [0xef, 0xbb, 0xbf]);
  });
});

describe('GET {base}/export.csv', () => {
  test('the filtered requests as CSV: headers, BOM, processing columns, values, never the password', async () => {
    const { handler, clock } = processingSetup();
    const evil = await submit(handler, { companyName: '=cmd|"/c calc"!A1', email: 'a@b.example', city: 'Saint-Étienne', password: 'un mot de passe très long' });
    clock.advance(1000);
    const other = await submit(handler, { companyName: 'Société, "Générale"' });
    await moveTo(handler, other, 'in-progress');
    const { etag } = await read(handler, other);
    assert.equal((await handler(patch(other, { note: 'Rappeler\nmardi', inAccount: true }, etag))).status, 200);

    const response = await handler(admin('/export.csv'));
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('Content-Type'), 'text/csv; charset=utf-8; header=present');
    assert.match(response.headers.get('Content-Disposition') ?? '', /^attachment; filename="account-requests-2026-03-02\.csv"$/);
    const bytes = new Uint8Array(await response.arrayBuffer());
    assert.deepEqual([...bytes.slice(0, 3)], [0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    assert.ok(text.startsWith('\uFEFFid,'));
    assert.ok(text.endsWith('\r\n'));
    assert.doesNotMatch(text, /un mot de passe|pbkdf2/);
    const [header, ...rows] = parseCsv(text);
    assert.deepEqual(header?.slice(0, 9), ['id', 'createdAt', 'status', 'inAccount', 'activatedAt', 'locale', 'access', 'note', 'companyName']);
    assert.ok(!header?.includes('password'));
    const column = (name: string) => header!.indexOf(name);
    assert.deepEqual(rows.map((row) => row[0]), [other, evil], 'newest first');
    assert.equal(rows[0]![column('companyName')], 'Société, "Générale"');
    assert.equal(rows[0]![column('note')], 'Rappeler\nmardi');
    assert.equal(rows[0]![column('status')], 'in-progress');
    assert.equal(rows[0]![column('inAccount')], 'true');
    assert.equal(rows[1]![column('companyName')], `'=cmd|"/c calc"!A1`);
    assert.equal(rows[1]![column('phone')], `'+33 1 23 45 67 89`);
    assert.equal(rows[1]![column('city')], 'Saint-Étienne');
  });

  test('a custom field named like a processing column gets its own header: field:note beside note', async () => {
    const config = parseConfig({ fields: [{ id: 'note' }], customFields: [{ id: 'note', type: 'text', label: 'Note' }] });
    const { handler } = processingSetup({ config });
    await submit(handler, { note: 'Livraison le matin' });
    const [header, row] = parseCsv(await (await handler(admin('/export.csv'))).text());
    assert.equal(header?.filter((name) => name === 'note').length, 1);
    assert.equal(row![header!.indexOf('field:note')], 'Livraison le matin');
  });

  test('the list filters apply to the export; bad filters are a 400; admins only', async () => {
    const { handler, clock } = processingSetup();
    await submit(handler, { companyName: 'Acme' });
    clock.advance(1000);
    const second = await submit(handler, { companyName: 'Zeta' });
    await moveTo(handler, second, 'rejected');
    const text = await (await handler(admin('/export.csv?status=rejected'))).text();
    assert.equal(parseCsv(text).length, 2);
    assert.ok(text.includes('Zeta') && !text.includes('Acme'));
    await assertProblem(await handler(admin('/export.csv?from=never')), 400);
    await assertProblem(await handler(new Request('https://shop.test/api/account-requests/export.csv')), 401);
  });
});
