import { lookup } from 'node:dns/promises';
import type { ResolveHost } from '@account-request/sdk/server';

/**
 * Node's resolver for the webhook address checks: every address the system resolver gives for a
 * name (A and AAAA, `/etc/hosts` included), as `fetch` would connect to one of them. The SDK
 * checks them before adding an endpoint and again before each attempt, so a name that later
 * resolves to a private address (DNS rebinding) is refused at sending time.
 */
export const resolveHost: ResolveHost = async (hostname) => (await lookup(hostname, { all: true, verbatim: true })).map((entry) => entry.address);
