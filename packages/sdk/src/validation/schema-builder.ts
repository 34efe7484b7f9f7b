import { pipe, transform, unknown, NEVER, type ZodMiniPipe, type ZodMiniTransform, type ZodMiniUnknown } from 'zod/mini';
import type { FormConfig, SubmissionValues } from '../types.js';
import { ensureJitless } from '../zod-setup.js';
import { validateSubmission, type ValidationOptions } from './validate.js';

/** What a valid submission parses to. */
export interface SubmissionData {
  readonly values: SubmissionValues;
  readonly confirmed: true;
  readonly locale: string;
}

/** The zod schema of a submission body for one config. */
export type SubmissionSchema = ZodMiniPipe<ZodMiniUnknown, ZodMiniTransform<SubmissionData, unknown>>;

/**
 * A zod/mini schema of the whole submission body for `config`, for code that speaks zod or
 * Standard Schema. It runs exactly the rules of {@link validateSubmission} (one code path, so
 * both always agree); each issue has the path `['values', fieldId]` (or `['confirmed']`), the
 * localized message, and the error code in `params.code`.
 */
export function buildSubmissionSchema(config: FormConfig, options: ValidationOptions = {}): SubmissionSchema {
  ensureJitless();
  return pipe(
    unknown(),
    transform((body: unknown, ctx) => {
      const result = validateSubmission(config, body, options);
      if (result.success) return result.data;
      for (const error of result.errors) {
        ctx.issues.push({
          code: 'custom',
          path: error.field === 'confirmed' ? ['confirmed'] : ['values', error.field],
          message: error.message,
          params: { code: error.code },
          input: body,
        });
      }
      return NEVER;
    }),
  );
}
