import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fileTypeFromBuffer } from 'file-type';
import { fileKindOf } from '../../validation/files.js';
import { EXE, HTML, PDF, PNG } from '../test-helpers/uploads.js';
import { detectFileKind } from './detect.js';
import { attachmentDisposition, safeFileName } from './names.js';

const bytes = (...values: number[]) => Uint8Array.from(values);
const text = (value: string) => new TextEncoder().encode(value);

describe('detectFileKind', () => {
  const samples: [string, Uint8Array][] = [
    ['pdf', PDF],
    ['png', PNG],
    ['jpeg (JFIF)', bytes(0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01)],
    ['jpeg (Exif)', bytes(0xff, 0xd8, 0xff, 0xe1, 0x00, 0x10, 0x45, 0x78, 0x69, 0x66, 0x00, 0x00)],
    ['exe', EXE],
    ['html', HTML],
    ['zip', bytes(0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00, 0x08, 0x00)],
    ['gif', text('GIF89a\x01\x00\x01\x00')],
    ['svg', text('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')],
    ['empty', new Uint8Array(0)],
    ['png signature only', PNG.slice(0, 8)],
    ['pdf-like text', text(' %PDF-1.4 not at the start')],
  ];

  it('agrees with file-type on what is a PDF, a JPEG, a PNG or none of them', async () => {
    for (const [name, sample] of samples) {
      const reference = (await fileTypeFromBuffer(sample))?.mime;
      assert.equal(detectFileKind(sample), reference ? fileKindOf(reference) : undefined, name);
    }
    assert.deepEqual(samples.slice(0, 4).map(([, sample]) => detectFileKind(sample)), ['pdf', 'png', 'jpeg', 'jpeg']);
  });
});

describe('safe file names', () => {
  it('keep the last segment, drop invisible and unsafe characters, and take the real extension', () => {
    assert.equal(safeFileName('Kbis Morel.PDF', 'pdf'), 'Kbis Morel.pdf');
    assert.equal(safeFileName('../../../etc/passwd', 'png'), 'passwd.png');
    assert.equal(safeFileName('C:\\fakepath\\scan.jpeg', 'jpeg'), 'scan.jpg');
    assert.equal(safeFileName('invoice\u202Efdp.exe', 'pdf'), 'invoicefdp.pdf');
    assert.equal(safeFileName('<img src=x onerror=alert(1)>.png', 'png'), '_img src_x onerror_alert(1)_.png');
    assert.equal(safeFileName('%22quoted%22 name.pdf', 'pdf'), '_quoted_ name.pdf');
    assert.equal(safeFileName('...', 'pdf'), 'document.pdf');
    assert.equal(safeFileName('', 'png'), 'document.png');
    assert.equal(safeFileName('é'.repeat(300), 'pdf'), `${'é'.repeat(100)}.pdf`);
  });

  it('go in an attachment header as ASCII and as UTF-8 (RFC 6266, RFC 8187)', () => {
    assert.equal(attachmentDisposition('Extrait Kbis – Société.pdf'), `attachment; filename="Extrait Kbis _ Societe.pdf"; filename*=UTF-8''Extrait%20Kbis%20%E2%80%93%20Soci%C3%A9t%C3%A9.pdf`);
    assert.equal(attachmentDisposition("l'offre (1).pdf"), `attachment; filename="l_offre (1).pdf"; filename*=UTF-8''l%27offre%20%281%29.pdf`);
  });
});
