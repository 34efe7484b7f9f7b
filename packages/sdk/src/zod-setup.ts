import { config } from 'zod/mini';

/**
 * Puts zod in `jitless` mode: without it zod compiles object parsers with the `Function` constructor,
 * which a strict Content-Security-Policy (no `unsafe-eval`) forbids.
 *
 * zod reads the flag when a schema is constructed, so this must run before any schema exists.
 * The import below does it for every entry that imports this module first; schema builders also
 * call it, because a bundler honouring `"sideEffects": false` may drop a bare import.
 */
export function ensureJitless(): void {
  config({ jitless: true });
}

ensureJitless();
