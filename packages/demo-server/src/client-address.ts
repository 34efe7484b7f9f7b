import { isIP } from 'node:net';

/**
 * The client address of a request for the rate limit. Without proxies (`trustedProxies` 0) it
 * is the socket's peer: `X-Forwarded-For` is ignored, since any client can send one. Behind N
 * proxies, each appends the address it received the request from, so the last N entries were
 * written by our proxies and the Nth from the right is the client they saw; entries further
 * left came from the client and may be forged. When the header holds fewer entries than
 * expected, or the chosen entry is not an IP address, the socket's peer is used.
 */
export function clientAddress(socketAddress: string | undefined, forwardedFor: string | null, trustedProxies: number): string | undefined {
  if (trustedProxies === 0 || forwardedFor === null) return socketAddress;
  const entries = forwardedFor.split(',').map((entry) => entry.trim());
  const chosen = entries[entries.length - trustedProxies];
  return chosen !== undefined && isIP(chosen) !== 0 ? chosen : socketAddress;
}
