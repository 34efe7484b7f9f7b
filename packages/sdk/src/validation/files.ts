import { CONFIG_LIMITS } from '../config/limits.js';
import { formatNumber, intlLocale } from '../i18n/format.js';
import type { CustomField, FileDescription, FileKind } from '../types.js';

/** The MIME type of each accepted kind of document. */
export const FILE_KIND_TYPES: Readonly<Record<FileKind, string>> = Object.freeze({ pdf: 'application/pdf', jpeg: 'image/jpeg', png: 'image/png' });

const KINDS = Object.keys(FILE_KIND_TYPES) as FileKind[];

/** The kind of a MIME type (`image/jpeg` → `jpeg`), `undefined` for any other type. Never reads a file name. */
export function fileKindOf(type: string): FileKind | undefined {
  const essence = type.split(';', 1)[0]?.trim().toLowerCase();
  return KINDS.find((kind) => FILE_KIND_TYPES[kind] === essence);
}

/** A file field's limits with their defaults filled in: every kind, 5 MiB, one file. */
export interface FileLimits {
  readonly accept: readonly FileKind[];
  readonly maxBytes: number;
  readonly maxFiles: number;
}

/** The limits of a `file` custom field, defaults filled in. */
export function fileLimits(field: Pick<CustomField, 'accept' | 'maxBytes' | 'maxFiles'>): FileLimits {
  return {
    accept: field.accept ?? KINDS,
    maxBytes: field.maxBytes ?? CONFIG_LIMITS.defaultFileBytes,
    maxFiles: field.maxFiles ?? 1,
  };
}

/**
 * A size for people, in `locale`: `76 bytes`, `820 kB`, `4.5 MB`, `1.05 MB` (powers of 1024, as
 * file limits are counted). Rounded up, to two decimals of a MB: a file over a limit never shows
 * as the limit it breaks (1 MiB + 1 byte is `1.01 MB`, not `1 MB`), for any limit of whole kB or
 * of a hundredth of a MB (what the editor sets).
 */
export function formatFileSize(bytes: number, locale?: string): string {
  if (bytes < 1024) return formatNumber(bytes, locale, { style: 'unit', unit: 'byte', unitDisplay: 'long' });
  const mega = bytes >= 1024 * 1024;
  return formatNumber(bytes / (mega ? 1024 * 1024 : 1024), locale, { style: 'unit', unit: mega ? 'megabyte' : 'kilobyte', maximumFractionDigits: mega ? 2 : 0, roundingMode: 'ceil' });
}

/** The accepted kinds in words for `locale`: `PDF, JPEG or PNG`. */
export function formatFileKinds(kinds: readonly FileKind[], locale?: string): string {
  const names = kinds.map((kind) => kind.toUpperCase());
  try {
    return new Intl.ListFormat(intlLocale(locale), { type: 'disjunction' }).format(names);
  } catch {
    return names.join(', ');
  }
}

/** Why chosen files were refused, before their wording. */
export type FileProblem =
  | { readonly code: 'required' | 'invalid_type' }
  | { readonly code: 'too_many_files'; readonly max: number }
  | { readonly code: 'invalid_file_type'; readonly accept: readonly FileKind[] }
  | { readonly code: 'file_too_large'; readonly maxBytes: number };

const isDescription = (item: unknown): item is FileDescription => {
  if (typeof item !== 'object' || item === null) return false;
  const { name, size, type } = item as Record<string, unknown>;
  return typeof name === 'string' && typeof type === 'string' && typeof size === 'number' && Number.isFinite(size) && size >= 0;
};

/**
 * Checks the files chosen for a file field: how many, then each one's type, then its size.
 * `raw` is a list of file descriptions (browser `File`s fit), one of them, or nothing. Returns
 * plain copies (the type as the kind's MIME type) or the first problem.
 */
export function checkFiles(limits: FileLimits, required: boolean, raw: unknown): { readonly files: FileDescription[] } | { readonly problem: FileProblem } {
  const items: unknown[] = raw === undefined || raw === null || raw === '' ? [] : Array.isArray(raw) ? raw : [raw];
  if (items.length === 0) return required ? { problem: { code: 'required' } } : { files: [] };
  if (items.length > limits.maxFiles) return { problem: { code: 'too_many_files', max: limits.maxFiles } };
  const files: FileDescription[] = [];
  for (const item of items) {
    if (!isDescription(item)) return { problem: { code: 'invalid_type' } };
    const kind = fileKindOf(item.type);
    if (!kind || !limits.accept.includes(kind)) return { problem: { code: 'invalid_file_type', accept: limits.accept } };
    if (item.size > limits.maxBytes) return { problem: { code: 'file_too_large', maxBytes: limits.maxBytes } };
    files.push({ name: item.name, size: item.size, type: FILE_KIND_TYPES[kind] });
  }
  return { files };
}
