import { NEVER, pipe, transform, unknown, type ZodMiniPipe, type ZodMiniTransform, type ZodMiniUnknown } from 'zod/mini';
import type { FormConfig } from '../types.js';
import { ensureJitless } from '../zod-setup.js';
import { safeParseConfig } from './parse.js';

// Apart from parse.ts, so that parsing a config loads no zod: only this schema needs it.
/** The zod schema of a config: its output is the normalized config. */
export type ConfigSchema = ZodMiniPipe<ZodMiniUnknown, ZodMiniTransform<FormConfig, unknown>>;

/**
 * The config rules as a zod/mini schema, for code that speaks zod or Standard Schema (an API
 * framework validating a PUT body…). Runs {@link safeParseConfig}: each config issue becomes
 * a zod issue with the same path and message.
 */
export function configSchema(): ConfigSchema {
  ensureJitless();
  return pipe(
    unknown(),
    transform((input: unknown, ctx) => {
      const result = safeParseConfig(input);
      if (result.success) return result.config;
      for (const { path, message } of result.error.issues) ctx.issues.push({ code: 'custom', path: [...path], message, input });
      return NEVER;
    }),
  );
}
