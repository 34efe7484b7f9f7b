import type { FormConfig } from '../../types.js';
import type { HandlerContext } from '../http/context.js';
import type { AccountRequestRecord } from '../stores/store.js';
import { applyChange } from './decisions.js';
import { toProcessedRecord, type RequestStatus } from './lifecycle.js';

// The steps an admin takes to accept a new request: review it, then accept it.
const STEPS: readonly RequestStatus[] = ['in-progress', 'accepted'];

/** True when the config's auto-accept setting is on. */
export function isAutoAccept(config: FormConfig): boolean {
  return Object.hasOwn(config.settings, 'autoAccept') && config.settings.autoAccept === true;
}

/**
 * With the auto-accept setting on, accepts a request just created exactly as an admin would
 * (taken in charge, then accepted: the same history entries, e-mails and webhooks), recorded
 * with the actor `auto`. Never throws: a failure leaves the request waiting for the team.
 */
export async function autoAccept(context: HandlerContext, config: FormConfig, record: AccountRequestRecord, request: Request): Promise<void> {
  if (!isAutoAccept(config) || !context.processing) return;
  try {
    let current = toProcessedRecord(record);
    for (const status of STEPS) {
      const result = await applyChange(context, current, { patch: { status }, changes: [{ field: 'status', from: current.status, to: status }], actor: 'auto', mailInBackground: true }, request);
      if (result.state !== 'updated') return;
      current = result.record;
    }
  } catch {
    // The request is stored; the team accepts it by hand.
  }
}
