const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes a text for an HTML text node or a double- or single-quoted attribute. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ENTITIES[char] ?? char);
}

/**
 * One header line: control characters (CR and LF above all, which would start a new header in
 * a raw message) become spaces, runs of spaces one, and the result is cut to `max` code points.
 */
export function headerLine(text: string, max = 200): string {
  // eslint-disable-next-line no-control-regex
  const flat = text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ').replace(/\s+/g, ' ').trim();
  return Array.from(flat).slice(0, max).join('');
}

/** Markup built by {@link htmlMail}: already escaped. */
export class MailHtml {
  readonly #value: string;

  constructor(value: string) {
    this.#value = value;
  }

  /** The markup. */
  toString(): string {
    return this.#value;
  }
}

/** A tagged template whose every interpolated value is escaped, except nested {@link htmlMail} results and arrays of them. */
export function htmlMail(strings: TemplateStringsArray, ...values: readonly unknown[]): MailHtml {
  const render = (value: unknown): string => {
    if (value instanceof MailHtml) return value.toString();
    if (Array.isArray(value)) return value.map(render).join('');
    if (value === undefined || value === null || value === false) return '';
    return escapeHtml(String(value));
  };
  let out = strings[0] ?? '';
  values.forEach((value, index) => {
    out += render(value) + (strings[index + 1] ?? '');
  });
  return new MailHtml(out);
}
