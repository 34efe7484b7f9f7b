import type { FileKind } from '../../types.js';

const EXTENSION: Readonly<Record<FileKind, string>> = { pdf: 'pdf', jpeg: 'jpg', png: 'png' };
// Controls, bidi overrides and isolates (they reorder what a reader sees), lone surrogates, BOM.
const INVISIBLE = /[\0-\x1F\x7F-\x9F\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF\uD800-\uDFFF]/gu;
// What a name keeps: letters, digits, marks, spaces and a little punctuation; the rest becomes `_`.
const UNSAFE = /[^\p{L}\p{M}\p{N} ._()'-]/gu;
const MAX_STEM = 100;

/**
 * The name a stored file is shown and downloaded under: the client's name reduced to its last
 * path segment, stripped of invisible and unsafe characters, at most 100 characters, and always
 * ending with the extension of its real kind (`kbis.exe` detected as a PDF is `kbis.pdf`). The
 * client's name is never used as it is: not for the path, the type or the headers.
 */
export function safeFileName(clientName: string, kind: FileKind): string {
  // Browsers write `"`, LF and CR of a file name as %22, %0A and %0D in a multipart body.
  const name = clientName.replace(/%22/gi, '"').replace(/%0[ad]/gi, ' ');
  const base = name.normalize('NFC').split(/[/\\]/).pop() ?? '';
  let stem = base.replace(INVISIBLE, '').replace(UNSAFE, '_').replace(/\s+/g, ' ');
  // The last extension goes: the real one comes back from the content.
  stem = stem.replace(/\.[^.]*$/, '').replace(/^[\s.]+|[\s.]+$/g, '');
  stem = [...stem].slice(0, MAX_STEM).join('').trim();
  return `${stem || 'document'}.${EXTENSION[kind]}`;
}

/**
 * `Content-Disposition: attachment` for a download named `name` (RFC 6266): a plain ASCII
 * `filename` for old clients, and the exact name as UTF-8 in `filename*` (RFC 8187).
 */
export function attachmentDisposition(name: string): string {
  const ascii = name.normalize('NFKD').replace(/\p{M}/gu, '').replace(/[^A-Za-z0-9._ ()-]/g, '_');
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
