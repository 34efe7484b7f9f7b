// The values live beside the crash check that ships with the store conformance suite; the
// tests keep reading them from here.
export { VALID_VALUES } from '../../store-conformance/values.js';
