import type { core } from './locales/en/core.js';
import type { Table } from './table.js';

/**
 * The namespaces of the translation registry and the shape of their tables (English's).
 * `core`: validation messages, the catalog's labels and help, words shared by every surface.
 */
export interface Namespaces {
  readonly core: Table<typeof core>;
}
