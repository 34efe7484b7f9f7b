// The admin pages at 320 px and for the keyboard (WCAG 1.4.10 reflow, 2.1.1 scroll regions,
// 2.5.8 target size): the stylesheet rules they rely on, and the markup that goes with them.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import type { AccountRequestRecord } from '@account-request/sdk/server';
import { requestsTable } from './requests.js';

const css = readFileSync(new URL('../../public/site.css', import.meta.url), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
const rule = (selector: string): string => {
  const escaped = selector.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return [...css.matchAll(new RegExp(`(?:^|\\})\\s*${escaped}\\s*\\{([^}]*)\\}`, 'g'))].map((match) => match[1]).join(';');
};

describe('admin pages reflow and keyboard', () => {
  it('keep the visually hidden labels of a table inside its scroll box', () => {
    // Absolutely positioned, they escaped to the page and widened it to 2537 px.
    assert.match(rule('.table-scroll'), /position:\s*relative/);
  });

  it('never let a control, a fieldset or a long word be wider than the screen', () => {
    assert.match(rule('input, select, textarea'), /max-width:\s*100%/);
    assert.match(rule('fieldset'), /min-inline-size:\s*0/);
    assert.match(rule('main'), /overflow-wrap:\s*break-word/);
    assert.match(css, /h1,[^{]*dialog\.confirm[^{]*\{\s*overflow-wrap:\s*anywhere/);
    assert.match(css, /@media \(max-width: 40rem\) \{\s*\.values, \.checks \{ grid-template-columns: minmax\(0, 1fr\); \}/);
  });

  it('let a filter of the list shrink to its fieldset (the French “Contrôle TVA” select overflowed at 320 px)', () => {
    // A flex item's min-width is auto (its content's width): the select could not shrink, whatever its max-width.
    assert.match(rule('.filters p'), /min-width:\s*0/);
    assert.match(rule('.filters p'), /max-width:\s*100%/);
  });

  it('give the webhook actions targets of at least 24 px', () => {
    assert.match(rule('.actions a'), /min-height:\s*1\.75rem/);
    assert.match(rule('.actions a'), /min-width:\s*1\.75rem/);
  });

  it('make the latest requests on /admin/ a named region the keyboard can scroll', () => {
    const record: AccountRequestRecord = { id: 'r1', createdAt: '2026-03-02T09:00:00.000Z', values: { companyName: 'x'.repeat(120) }, locale: 'fr', access: 'full', status: 'new' };
    const table = requestsTable([record], 'en').toString();
    assert.match(table, /<div class="table-scroll" tabindex="0" role="region" aria-labelledby="latest-caption"><table class="requests">\s*<caption id="latest-caption">The latest request<\/caption>/);
  });
});
