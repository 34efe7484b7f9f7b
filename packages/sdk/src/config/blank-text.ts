import { isBlank } from '../validation/validators/text.js';

/**
 * True when a config text shows nothing in any language: white space, zero-width and other
 * invisible characters are blank here as in a submission (`isBlank`), so a label, a title or an
 * option value made of them counts as none.
 */
export function isBlankText(text: string | Readonly<Record<string, string>> | undefined): boolean {
  return isBlank(typeof text === 'string' ? text : Object.values(text ?? {}).join(''));
}
