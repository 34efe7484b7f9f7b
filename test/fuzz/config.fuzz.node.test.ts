// parseConfig under fuzzing: whatever the input, it returns a config that keeps every invariant
// (and is its own fixed point), or throws a ConfigError listing issues; never anything else,
// and never a polluted prototype. Extends packages/sdk/src/config/config.property.node.test.ts
// (plain JSON values) with hostile objects, near-valid shapes, mutations and raw JSON text.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { ConfigError, parseConfig, type FormConfig } from '@account-request/sdk';
import { assertInvariants } from '../../packages/sdk/src/config/test-helpers/invariants.js';
import { assertNoPollution, assertPlainData } from '../hostile/test-helpers/index.js';
import { configLike, hostileJson, POLLUTING_KEYS, validConfig } from './arbitraries.js';
import { fuzzParameters } from './settings.js';

/** The property every input must satisfy. */
function checkParse(input: unknown): void {
  let config: FormConfig;
  try {
    config = parseConfig(input);
  } catch (error) {
    assert.ok(error instanceof ConfigError, `threw ${String(error)}`);
    assert.ok(error.issues.length > 0);
    for (const issue of error.issues) {
      assert.ok(Array.isArray(issue.path) && issue.path.every((key) => typeof key === 'string' || typeof key === 'number'));
      assert.equal(typeof issue.message, 'string');
    }
    assertNoPollution();
    return;
  }
  assertInvariants(config);
  assertPlainData(config);
  // Normalized means stable: parsing the output again (after JSON) changes nothing.
  assert.deepStrictEqual(parseConfig(JSON.parse(JSON.stringify(config))), config);
  assertNoPollution();
}

describe('fuzz: parseConfig', () => {
  test('any value, hostile objects included (null prototypes, polluting keys, boxed strings, symbols)', () => {
    const anything = fc.anything({ maxDepth: 4, withNullPrototype: true, withObjectString: true, withBigInt: true, withDate: true, withMap: true, withSet: true, withSparseArray: true, withTypedArray: true, key: fc.oneof(fc.string(), fc.constantFrom(...POLLUTING_KEYS, 'fields', 'customFields', 'settings')) });
    fc.assert(fc.property(anything, checkParse), fuzzParameters(300));
  });

  test('JSON with polluting keys and hostile strings', () => {
    fc.assert(fc.property(hostileJson, checkParse), fuzzParameters(300));
  });

  test('config-shaped input: right keys, values of every kind', () => {
    fc.assert(fc.property(configLike, checkParse), fuzzParameters(500));
  });

  test('JSON text of near-valid configs with __proto__ and constructor spliced in anywhere', () => {
    const spliced = fc.tuple(configLike, fc.nat(), fc.constantFrom(...POLLUTING_KEYS), fc.jsonValue({ maxDepth: 2 })).map(([input, at, key, value]) => {
      const text = JSON.stringify(input);
      const openings = [...text.matchAll(/\{/g)].map((match) => match.index);
      const position = (openings[at % Math.max(1, openings.length)] ?? -1) + 1;
      if (position === 0) return text;
      const member = `${JSON.stringify(key)}:${JSON.stringify(value)}${text[position] === '}' ? '' : ','}`;
      const result = text.slice(0, position) + member + text.slice(position);
      // A `{` inside a string is no object: such a splice is skipped.
      try {
        JSON.parse(result);
        return result;
      } catch {
        return text;
      }
    });
    fc.assert(fc.property(spliced, (text) => checkParse(JSON.parse(text))), fuzzParameters(500));
  });

  test('valid configs with one member replaced by anything', () => {
    const mutated = fc.tuple(validConfig, fc.nat(), hostileJson).map(([config, at, value]) => {
      const copy = JSON.parse(JSON.stringify(config)) as unknown;
      const slots: [Record<string, unknown>, string][] = [];
      const walk = (node: unknown): void => {
        if (typeof node !== 'object' || node === null) return;
        for (const key of Object.keys(node)) {
          slots.push([node as Record<string, unknown>, key]);
          walk((node as Record<string, unknown>)[key]);
        }
      };
      walk(copy);
      const slot = slots[at % slots.length];
      if (slot) slot[0][slot[1]] = value;
      return copy;
    });
    fc.assert(fc.property(mutated, checkParse), fuzzParameters(500));
  });

  test('byte-level noise in config JSON text never breaks JSON.parse + parseConfig beyond a SyntaxError or a ConfigError', () => {
    const noisy = fc.tuple(validConfig, fc.array(fc.tuple(fc.nat(), fc.string({ unit: 'binary', maxLength: 3 })), { minLength: 1, maxLength: 4 })).map(([config, edits]) => {
      let text = JSON.stringify(config);
      for (const [at, insert] of edits) {
        const position = at % (text.length + 1);
        text = text.slice(0, position) + insert + text.slice(position + 1);
      }
      return text;
    });
    fc.assert(
      fc.property(noisy, (text) => {
        let input: unknown;
        try {
          input = JSON.parse(text);
        } catch (error) {
          assert.ok(error instanceof SyntaxError);
          return;
        }
        checkParse(input);
      }),
      fuzzParameters(300),
    );
  });
});
