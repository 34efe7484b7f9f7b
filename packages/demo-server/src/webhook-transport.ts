import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import { lookup } from 'node:dns/promises';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import { Readable } from 'node:stream';
import { isPrivateAddress, type ResolveHost } from '@account-request/sdk/server';

/**
 * Node's resolver for the webhook address checks: every address the system resolver gives for a
 * name (A and AAAA, `/etc/hosts` included), as `fetch` would connect to one of them. The SDK
 * checks them before adding an endpoint and again before each attempt, so a name that later
 * resolves to a private address (DNS rebinding) is refused at sending time.
 */
export const resolveHost: ResolveHost = async (hostname) => (await lookup(hostname, { all: true, verbatim: true })).map((entry) => entry.address);

type Resolve = (hostname: string, options: LookupOptions & { all: true }, callback: (error: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => void) => void;

/**
 * The socket's own lookup, refusing a name that resolves to any address that is not public. The
 * check before an attempt resolves the name once and the connection resolves it again: a DNS
 * server answering a public address to the first and `127.0.0.1` to the second (rebinding)
 * would pass the check; here the addresses checked are the ones connected to.
 */
export function publicOnlyLookup(resolve: Resolve = dnsLookup as Resolve): LookupFunction {
  return (hostname, options, callback) => {
    resolve(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, '', 0);
      const refused = addresses.length === 0 || addresses.some((entry) => isPrivateAddress(entry.address) !== false);
      if (refused) return callback(Object.assign(new Error(`${hostname} resolves to a private address`), { code: 'EPRIVATEADDRESS' }), '', 0);
      if (options.all) return (callback as unknown as (error: null, addresses: LookupAddress[]) => void)(null, addresses);
      return callback(null, addresses[0]!.address, addresses[0]!.family);
    });
  };
}

const NO_BODY = new Set([204, 205, 304]);

/**
 * The demo's webhook client where private addresses are not allowed: a `fetch` for the
 * dispatcher over `node:http(s)` whose sockets connect only to public addresses
 * ({@link publicOnlyLookup}). It never follows a redirect and honours `init.signal`.
 */
export function publicOnlyFetch(lookupFunction: LookupFunction = publicOnlyLookup()): (url: string, init: RequestInit) => Promise<Response> {
  return (url, init) =>
    new Promise<Response>((resolve, reject) => {
      const target = new URL(url);
      const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
      const body = typeof init.body === 'string' ? init.body : undefined;
      // A length rather than chunks, as fetch sends a string: some receivers refuse chunked posts.
      const headers = { ...Object.fromEntries(new Headers(init.headers)), ...(body !== undefined ? { 'content-length': String(Buffer.byteLength(body)) } : {}) };
      const request = send(target, { method: init.method ?? 'GET', headers, lookup: lookupFunction, ...(init.signal ? { signal: init.signal } : {}) }, (response) => {
        try {
          const headers = new Headers();
          for (const [name, value] of Object.entries(response.headers)) for (const item of [value ?? []].flat()) headers.append(name, item);
          const status = response.statusCode ?? 0;
          const body = NO_BODY.has(status) ? null : (Readable.toWeb(response) as ReadableStream<Uint8Array>);
          if (!body) response.on('error', () => undefined).resume();
          resolve(new Response(body, { status, headers }));
        } catch (error) {
          // A status `Response` refuses (below 200, above 599): the attempt failed.
          response.destroy();
          reject(error instanceof Error ? error : new Error(String(error)));
        }
      });
      request.on('error', reject);
      request.end(body);
    });
}
