export { validateSubmission, validateField, type ValidationResult, type ValidationOptions } from './validate.js';
export { CHECK_DEPENDENCIES, dependentFields } from './dependencies.js';
export { buildSubmissionSchema, type SubmissionSchema, type SubmissionData } from './schema-builder.js';
export * from './validators/index.js';
