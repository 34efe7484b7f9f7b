import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { dayStartIn, zonedFilters } from './time-zone.js';

describe('back-office days in a time zone', () => {
  it('starts a day at that zone’s midnight, across DST changes and half-hour offsets', () => {
    assert.equal(dayStartIn('2026-12-04', 'UTC'), '2026-12-04T00:00:00.000Z');
    assert.equal(dayStartIn('2026-12-04', 'Pacific/Honolulu'), '2026-12-04T10:00:00.000Z');
    assert.equal(dayStartIn('2026-12-04', 'Europe/Paris'), '2026-12-03T23:00:00.000Z');
    assert.equal(dayStartIn('2026-07-04', 'Europe/Paris'), '2026-07-03T22:00:00.000Z');
    assert.equal(dayStartIn('2026-03-29', 'Europe/Paris', 1), '2026-03-29T22:00:00.000Z', 'the day after the clocks go forward');
    assert.equal(dayStartIn('2026-12-04', 'Asia/Kolkata'), '2026-12-03T18:30:00.000Z');
  });

  it('leaves what is not a real day to the route, which says what is wrong', () => {
    assert.equal(dayStartIn('2026-02-30', 'UTC'), undefined);
    assert.equal(dayStartIn('2026-12-04T10:00:00Z', 'UTC'), undefined);
    assert.deepEqual(zonedFilters({ from: '2026-02-30', to: 'soon', q: 'x' }, 'UTC'), { from: '2026-02-30', to: 'soon', q: 'x' });
  });

  it('bounds a from–to filter by the zone’s days, the whole of the last day included', () => {
    assert.deepEqual(zonedFilters({ from: '2026-12-04', to: '2026-12-04', status: 'new' }, 'Pacific/Honolulu'), {
      from: '2026-12-04T10:00:00.000Z',
      to: '2026-12-05T10:00:00.000Z',
      status: 'new',
    });
  });
});
