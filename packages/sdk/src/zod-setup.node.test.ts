import assert from 'node:assert/strict';
import { it } from 'node:test';

// Records every use of the Function constructor (zod's JIT compiles parsers with the `Function` constructor).
const calls: unknown[] = [];
const OriginalFunction = globalThis.Function;
const spy = new Proxy(OriginalFunction, {
  construct(target, args: unknown[], newTarget) {
    calls.push(args);
    return Reflect.construct(target, args, newTarget) as object;
  },
  apply(target, self, args: unknown[]) {
    calls.push(args);
    return Reflect.apply(target, self, args) as unknown;
  },
});

// Runs first, before the SDK sets jitless: proves the spy sees zod's JIT, so the next test can
// fail. Classic zod here: in zod 4.6, zod/mini objects have no compiled fast path, and jitless
// keeps it that way (and skips the `Function` constructor probe) whatever a later zod version does.
it('detects the Function constructor when zod is not jitless', async () => {
  const { z } = await import('zod');
  globalThis.Function = spy;
  try {
    z.object({ a: z.string() }).parse({ a: 'x' });
  } finally {
    globalThis.Function = OriginalFunction;
  }
  assert.ok(calls.length > 0);
  calls.length = 0;
});

it('parses configs and submissions without ever calling the Function constructor', async () => {
  globalThis.Function = spy;
  try {
    const sdk = await import('./index.js');
    // The schemas come from their own entry, which sets zod jitless before building any.
    const { buildSubmissionSchema } = await import('./zod.js');
    const { safeParse } = await import('zod/mini');
    for (let i = 0; i < 3; i++) {
      const config = sdk.parseConfig({ fields: [{ id: 'city' }], customFields: [{ id: 'x', type: 'text', label: 'X' }] });
      sdk.validateSubmission(config, { values: { city: 'Paris' }, confirmed: true }, { locale: 'fr' });
      safeParse(buildSubmissionSchema(config, { locale: 'en' }), { values: {} });
    }
    assert.equal((await import('zod/mini')).config().jitless, true);
  } finally {
    globalThis.Function = OriginalFunction;
  }
  assert.deepEqual(calls, []);
});
