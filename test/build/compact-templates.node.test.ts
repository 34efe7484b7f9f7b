import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { COMPACTED_SOURCES, compactHtmlTemplates } from '../../scripts/lib/compact-templates.ts';

test('drops the indentation next to tags and at the ends of an html template', () => {
  const code = 'const t = html`\n  <div part="field">\n    ${label}\n    <input\n      id=${id}\n      name="x"\n    />\n  </div>\n`;';
  assert.equal(compactHtmlTemplates(code), 'const t = html`<div part="field">${label}<input id=${id} name="x" /></div>`;');
});

test('keeps the spaces written on one line, and a line break between two bindings as one space', () => {
  const code = 'html`<label>${text} <span>*</span></label> ${help}\n${error}`';
  assert.equal(compactHtmlTemplates(code), 'html`<label>${text} <span>*</span></label> ${help} ${error}`');
  assert.equal(compactHtmlTemplates('html`<p>Two\n  words</p>`'), 'html`<p>Two words</p>`');
  // A no-break space is text, not layout.
  assert.equal(compactHtmlTemplates('html`<b>1</b>\u00a0\n  <i>kg</i>`'), 'html`<b>1</b>\u00a0 <i>kg</i>`');
});

test('compacts nested html templates and leaves every other literal as it is', () => {
  const code = [
    'const a = html`<ul>\n  ${items.map((item) => html`\n    <li>${item}</li>\n  `)}\n</ul>`;',
    'const b = css`\n  .a\n  .b { color: red }\n`;',
    "const c = `\n  <p>\n  ${'html`<x>\\n</x>`'}\n`;",
    '// a comment naming html`\n',
    'const d = /[`"\']/.test(s) ? html`\n  <i></i>\n` : "html`\\n <b>`";',
  ].join('\n');
  const out = compactHtmlTemplates(code).split('\n');
  assert.equal(out[0], 'const a = html`<ul>${items.map((item) => html`<li>${item}</li>`)}</ul>`;');
  assert.ok(compactHtmlTemplates(code).includes('const b = css`\n  .a\n  .b { color: red }\n`;'));
  assert.ok(compactHtmlTemplates(code).includes("const c = `\n  <p>\n  ${'html`<x>\\n</x>`'}\n`;"));
  assert.ok(compactHtmlTemplates(code).includes('const d = /[`"\']/.test(s) ? html`<i></i>` : "html`\\n <b>`";'));
});

test('changes nothing but white space in the sources it is applied to', () => {
  const files: string[] = [];
  for (const folder of ['packages/form/src/fields', 'packages/form/src/account-request-form']) {
    for (const name of readdirSync(folder)) if (COMPACTED_SOURCES.test(`/${folder}/${name}`) && !name.includes('.test.')) files.push(`${folder}/${name}`);
  }
  assert.ok(files.length >= 8, `${files.length} sources compacted`);
  let removed = 0;
  for (const file of files) {
    const code = readFileSync(file, 'utf8');
    const compacted = compactHtmlTemplates(code);
    assert.equal(compacted.replace(/\s+/g, ''), code.replace(/\s+/g, ''), file);
    removed += code.length - compacted.length;
  }
  assert.ok(removed > 500, `only ${removed} characters of indentation removed`);
});
