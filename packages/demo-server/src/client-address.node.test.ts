import assert from 'node:assert/strict';
import { test } from 'node:test';
import { clientAddress } from './client-address.js';

test('without trusted proxies the socket peer is the client, whatever X-Forwarded-For says', () => {
  assert.equal(clientAddress('198.51.100.7', '203.0.113.1', 0), '198.51.100.7');
  assert.equal(clientAddress('198.51.100.7', null, 0), '198.51.100.7');
  assert.equal(clientAddress(undefined, '203.0.113.1', 0), undefined);
});

test('behind N proxies the client is the Nth entry from the right; entries further left are ignored', () => {
  // The client forged "1.1.1.1"; our one proxy appended the address it saw.
  assert.equal(clientAddress('10.0.0.2', '1.1.1.1, 203.0.113.9', 1), '203.0.113.9');
  assert.equal(clientAddress('10.0.0.2', '203.0.113.9', 1), '203.0.113.9');
  // Two proxies: the outer one saw the client, the inner one saw the outer one.
  assert.equal(clientAddress('10.0.0.3', '1.1.1.1, 203.0.113.9, 10.0.0.2', 2), '203.0.113.9');
  assert.equal(clientAddress('10.0.0.2', '2001:db8::1', 1), '2001:db8::1');
});

test('falls back to the socket peer when the header is missing, too short or not an address', () => {
  assert.equal(clientAddress('10.0.0.2', null, 1), '10.0.0.2');
  assert.equal(clientAddress('10.0.0.2', '203.0.113.9', 2), '10.0.0.2');
  assert.equal(clientAddress('10.0.0.2', '1.1.1.1, not-an-ip', 1), '10.0.0.2');
  assert.equal(clientAddress('10.0.0.2', '', 1), '10.0.0.2');
});
