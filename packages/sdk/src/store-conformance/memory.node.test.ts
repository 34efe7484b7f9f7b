// The conformance suite on the SDK's own memory stores.
import { describe, it } from 'node:test';
import { createMemoryRateLimitStore } from '../server/http/rate-limit-store.js';
import { createMemoryConfigStore } from '../server/stores/config-store.js';
import { createMemoryStore } from '../server/stores/store.js';
import { describeStoreConformance } from './index.js';

describeStoreConformance({ describe, it }, 'memory', {
  open: (now) => ({ store: createMemoryStore({ now }), rateLimits: createMemoryRateLimitStore(), config: createMemoryConfigStore() }),
});
