import { en } from '../../en.js';

/** English core texts: what every surface shares (validation messages, shared words) and the locale's formats. */
export const core = {
  ...en,
  /** The language's own name, for a language switch. */
  language: 'English',
  /** The `Intl` locale of dates and numbers when a tag names only the language. */
  intl: 'en-GB',
};
