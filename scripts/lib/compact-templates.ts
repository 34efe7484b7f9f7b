// Build step for the form's field templates: drops the indentation of lit `html` templates (a
// run of white space holding a line break, next to a tag, or at either end of a template), as
// JSX does. Each such run would otherwise be a text node in every template instance: about 1,100
// of the 4,700 nodes of a 199-field form, all inserted and laid out for nothing. A run inside a
// tag (between attributes) becomes one space; a run between two bindings stays one space. Two
// inline elements that need a space between them get it written on the same line.
import type { Plugin } from 'vite';

/** A static string of a template: its span in the source and which template it belongs to. */
type Part = [from: number, to: number, template: number];
let templates = 0;

/** Whether the backtick at `i` opens a template tagged `html`. */
const isHtmlTemplate = (code: string, i: number): boolean => /\bhtml$/.test(code.slice(Math.max(0, i - 5), i));

/** Index just after the template literal whose opening backtick is at `start`; `parts` receives its static strings' spans. */
function scanTemplate(code: string, start: number, parts: Part[]): number {
  const template = templates++;
  let i = start + 1;
  let partStart = i;
  while (i < code.length) {
    const char = code[i];
    if (char === '\\') i += 2;
    else if (char === '`') {
      parts.push([partStart, i, template]);
      return i + 1;
    } else if (char === '$' && code[i + 1] === '{') {
      parts.push([partStart, i, template]);
      i = scanExpression(code, i + 2, parts);
      partStart = i;
    } else i++;
  }
  throw new Error('unterminated template literal');
}

/** Index just after the `}` closing the expression that starts at `start`. */
function scanExpression(code: string, start: number, parts: Part[]): number {
  let depth = 0;
  let i = start;
  while (i < code.length) {
    const char = code[i];
    if (char === '`') {
      // A nested template: only an `html` one is compacted.
      i = scanTemplate(code, i, isHtmlTemplate(code, i) ? parts : []);
      continue;
    }
    const skipped = skipLiteral(code, i);
    if (skipped !== i) i = skipped;
    else if (char === '{') {
      depth++;
      i++;
    } else if (char === '}') {
      if (depth === 0) return i + 1;
      depth--;
      i++;
    } else i++;
  }
  throw new Error('unterminated template expression');
}

// Only the white space of HTML source: a no-break space is text.
const SPACE = /[ \t\n\r]/;

/** What stands on one side of a run of white space in a static string. */
type Side = 'tag' | 'edge' | 'binding' | 'text';

/** One static string compacted; `insideTag` says whether it starts inside a tag (`<input` … `>`), and the result whether it ends there. */
function compactPart(text: string, insideTag: boolean, first: boolean, last: boolean): { text: string; insideTag: boolean } {
  let out = '';
  let inside = insideTag;
  let i = 0;
  while (i < text.length) {
    const char = text[i] as string;
    if (SPACE.test(char)) {
      let end = i;
      while (end < text.length && SPACE.test(text[end] as string)) end++;
      const run = text.slice(i, end);
      if (!run.includes('\n')) out += run;
      else if (inside) out += ' ';
      else {
        const before: Side = out.length > 0 ? (out.endsWith('>') ? 'tag' : 'text') : first ? 'edge' : 'binding';
        const after: Side = end < text.length ? (text[end] === '<' ? 'tag' : 'text') : last ? 'edge' : 'binding';
        // Next to a tag, or at either end of the template, the break only lays the source out;
        // next to text, or between two bindings (text, maybe), it is a space, as a browser renders it.
        const layout = before !== 'text' && after !== 'text' && !(before === 'binding' && after === 'binding');
        if (!layout) out += ' ';
      }
      i = end;
      continue;
    }
    if (char === '<') inside = true;
    else if (char === '>') inside = false;
    out += char;
    i++;
  }
  return { text: out, insideTag: inside };
}

/** The last character before `i` that is not white space (`;` at the start of the code). */
function previousToken(code: string, i: number): string {
  let j = i - 1;
  while (j >= 0 && SPACE.test(code[j] as string)) j--;
  return j < 0 ? ';' : (code[j] as string);
}

/** Index just after the string, comment or regular expression starting at `i`, or `i` when none does. */
function skipLiteral(code: string, i: number): number {
  const char = code[i];
  if (char === '/' && code[i + 1] === '/') {
    const end = code.indexOf('\n', i);
    return end < 0 ? code.length : end;
  }
  if (char === '/' && code[i + 1] === '*') {
    const end = code.indexOf('*/', i + 2);
    return end < 0 ? code.length : end + 2;
  }
  if (char === "'" || char === '"') {
    let j = i + 1;
    while (j < code.length && code[j] !== char) j += code[j] === '\\' ? 2 : 1;
    return j + 1;
  }
  // A regular expression, where one may start: after an operator or an opening bracket.
  if (char === '/' && /[(,=:[!&|?{};]/.test(previousToken(code, i))) {
    let j = i + 1;
    let inClass = false;
    while (j < code.length && (inClass || code[j] !== '/')) {
      if (code[j] === '\\') j++;
      else if (code[j] === '[') inClass = true;
      else if (code[j] === ']') inClass = false;
      j++;
    }
    return j + 1;
  }
  return i;
}

/** `code` with the indentation of its `html` templates removed. */
export function compactHtmlTemplates(code: string): string {
  const parts: Part[] = [];
  let i = 0;
  while (i < code.length) {
    const skipped = skipLiteral(code, i);
    if (skipped !== i) i = skipped;
    else if (code[i] === '`') i = scanTemplate(code, i, isHtmlTemplate(code, i) ? parts : []);
    else i++;
  }
  if (parts.length === 0) return code;
  // The scan met the parts in source order (a nested template's between its parent's).
  let out = '';
  let last = 0;
  const insideTag = new Map<number, boolean>();
  const lastPart = new Map<number, number>();
  for (const [from, , template] of parts) lastPart.set(template, from);
  for (const [from, to, template] of parts) {
    out += code.slice(last, from);
    const compacted = compactPart(code.slice(from, to), insideTag.get(template) ?? false, !insideTag.has(template), lastPart.get(template) === from);
    insideTag.set(template, compacted.insideTag);
    out += compacted.text;
    last = to;
  }
  return out + code.slice(last);
}

/**
 * The sources compacted: the form's field renderers and its element, whose templates are
 * instantiated once per field. Each file was checked to render the same pixels compacted
 * (every field kind, with and without errors); elsewhere (the editor's rows of inline buttons)
 * the line breaks are spaces that show.
 */
export const COMPACTED_SOURCES = /\/packages\/form\/src\/(?:fields|account-request-form)\/[^/]+\.ts$/;

/** The vite plugin applying {@link compactHtmlTemplates} to {@link COMPACTED_SOURCES}. */
export function compactTemplates(): Plugin {
  return {
    name: 'compact-html-templates',
    enforce: 'pre',
    transform(code, id) {
      if (!COMPACTED_SOURCES.test(id.split('?')[0] ?? id) || !code.includes('html`')) return undefined;
      return { code: compactHtmlTemplates(code), map: null };
    },
  };
}
