export { validateSubmission, validateField, type ValidationResult, type ValidationOptions, type SubmissionFiles } from './validate.js';
export { checkFiles, fileLimits, fileKindOf, formatFileSize, formatFileKinds, FILE_KIND_TYPES, type FileLimits, type FileProblem } from './files.js';
export { CHECK_DEPENDENCIES, dependentFields } from './dependencies.js';
export { buildSubmissionSchema, type SubmissionSchema, type SubmissionData } from './schema-builder.js';
export * from './validators/index.js';
