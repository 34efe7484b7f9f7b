import { SafeHtml } from './html.js';

/**
 * `value` as a JSON data block (`<script type="application/json">`), which a browser never runs,
 * so the page's CSP allows it: a page script or the form reads it. `<`, `>` and `&` are written
 * as JSON escapes, so no text inside can close the element or start a comment.
 */
export function jsonData(id: string, value: unknown): SafeHtml {
  if (!/^[A-Za-z][\w-]*$/.test(id)) throw new TypeError('A data block id is letters, digits, - and _.');
  const text = JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return new SafeHtml(`<script type="application/json" id="${id}">${text}</script>`);
}
