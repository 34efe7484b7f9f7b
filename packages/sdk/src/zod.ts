// `@account-request/sdk/zod`: the config and submission rules as zod/mini schemas, for code that
// composes zod schemas. Apart from the main entry, so that only those who ask for them carry zod.
// First: zod must be jitless before any schema is built (strict CSPs forbid the `Function` constructor).
import './zod-setup.js';
export { configSchema, type ConfigSchema } from './config/zod-schema.js';
export { buildSubmissionSchema, type SubmissionSchema, type SubmissionData } from './validation/schema-builder.js';
