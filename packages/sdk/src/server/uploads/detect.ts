import type { FileKind } from '../../types.js';

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const startsWith = (bytes: Uint8Array, prefix: readonly number[], at = 0): boolean => prefix.every((byte, i) => bytes[at + i] === byte);
const ascii = (text: string): number[] => [...text].map((c) => c.charCodeAt(0));

/**
 * The kind of document `bytes` really is, read from its first bytes (its magic numbers, as
 * `file-type` reads them): `%PDF-` at the start for a PDF; FF D8 FF and a marker for a JPEG; the
 * PNG signature followed by its IHDR chunk for a PNG; `undefined` for anything else, so an
 * executable or an HTML page is refused whatever name or type the client gave it.
 *
 * Written here rather than taken from `file-type`: that package loads `debug`, which reads the
 * whole environment when imported, so the handler would need `--allow-env` under Deno; and only
 * these three signatures matter to what the form accepts.
 */
export function detectFileKind(bytes: Uint8Array): FileKind | undefined {
  if (startsWith(bytes, ascii('%PDF-'))) return 'pdf';
  // After the SOI marker comes another marker: FF then a byte from C0 (frames, tables, APPn, comments).
  if (startsWith(bytes, [0xff, 0xd8, 0xff]) && (bytes[3] ?? 0) >= 0xc0 && bytes[3] !== 0xff) return 'jpeg';
  if (startsWith(bytes, PNG) && startsWith(bytes, ascii('IHDR'), 12)) return 'png';
  return undefined;
}
