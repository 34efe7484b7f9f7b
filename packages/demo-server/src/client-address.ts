import { forwardedClientAddress } from '@account-request/sdk/server';

/**
 * The client address of a request for the rate limit and the logs: behind `trustedProxies`
 * proxies, the address they saw (the SDK's `forwardedClientAddress`); without proxies, or when
 * the header does not hold a usable entry, the socket's peer (`X-Forwarded-For` is then
 * ignored, since any client can send one).
 */
export function clientAddress(socketAddress: string | undefined, forwardedFor: string | null, trustedProxies: number): string | undefined {
  return forwardedClientAddress(forwardedFor, trustedProxies) ?? socketAddress;
}
