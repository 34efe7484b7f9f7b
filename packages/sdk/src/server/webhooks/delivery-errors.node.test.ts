import assert from 'node:assert/strict';
import { test } from 'node:test';
import { deliveryErrors, readDeliveryError } from './delivery-errors.js';

test('each error the dispatcher writes reads back as its case; any other text is kept as it is', () => {
  assert.deepEqual(readDeliveryError(deliveryErrors.refused('private_address')), { kind: 'refused', problem: 'private_address' });
  assert.deepEqual(readDeliveryError(deliveryErrors.timeout(10_000)), { kind: 'timeout', ms: 10_000 });
  assert.deepEqual(readDeliveryError(deliveryErrors.http(503)), { kind: 'http', status: 503 });
  for (const kind of ['gone', 'disabled', 'removed'] as const) assert.deepEqual(readDeliveryError(deliveryErrors[kind]), { kind });
  assert.deepEqual(readDeliveryError('TypeError: fetch failed (connect ECONNREFUSED 203.0.113.9:443)'), { kind: 'other', text: 'TypeError: fetch failed (connect ECONNREFUSED 203.0.113.9:443)' });
  assert.deepEqual(readDeliveryError('Not sent: something else'), { kind: 'other', text: 'Not sent: something else' });
});
