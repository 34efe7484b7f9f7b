/**
 * Which addresses a webhook may not reach: anything but the public internet. A webhook URL is
 * typed by an admin (or comes from the environment) but the request comes from the server, from
 * inside its network: without this check the back office could make it post to the database's
 * admin port, a cloud metadata service or a router (server-side request forgery).
 */

// [first address as a 32-bit number, prefix length]
const PRIVATE_V4: readonly (readonly [number, number])[] = [
  [0x00000000, 8], // "this" network
  [0x0a000000, 8], // private
  [0x64400000, 10], // carrier-grade NAT
  [0x7f000000, 8], // loopback
  [0xa9fe0000, 16], // link-local (cloud metadata services live here)
  [0xac100000, 12], // private
  [0xc0000000, 24], // IETF protocol assignments
  [0xc0000200, 24], // documentation
  [0xc0a80000, 16], // private
  [0xc6120000, 15], // benchmarking
  [0xc6336400, 24], // documentation
  [0xcb007100, 24], // documentation
  [0xe0000000, 4], // multicast
  [0xf0000000, 4], // reserved, broadcast
];

function parseV4(text: string): number | undefined {
  const parts = text.split('.');
  if (parts.length !== 4 || parts.some((part) => !/^\d{1,3}$/.test(part) || Number(part) > 255)) return undefined;
  return parts.reduce((value, part) => value * 256 + Number(part), 0);
}

/** The eight 16-bit groups of an IPv6 address (`::` expanded, a trailing dotted IPv4 read), or `undefined`. */
function parseV6(text: string): number[] | undefined {
  let input = text.toLowerCase().split('%', 1)[0] ?? '';
  const tail: number[] = [];
  const dotted = /^(.*:)(\d+\.\d+\.\d+\.\d+)$/.exec(input);
  if (dotted) {
    const v4 = parseV4(dotted[2] ?? '');
    if (v4 === undefined) return undefined;
    tail.push(v4 >>> 16, v4 & 0xffff);
    const before = dotted[1] ?? '';
    // The colon before the dotted part separates it, unless it belongs to a `::`.
    input = before.endsWith('::') ? before : before.slice(0, -1);
  }
  const halves = input.split('::');
  if (halves.length > 2) return undefined;
  const read = (part: string): number[] | undefined => {
    if (part === '') return [];
    const groups = part.split(':');
    return groups.every((group) => /^[0-9a-f]{1,4}$/.test(group)) ? groups.map((group) => parseInt(group, 16)) : undefined;
  };
  const head = read(halves[0] ?? '');
  const rest = halves.length === 2 ? read(halves[1] ?? '') : [];
  if (!head || !rest) return undefined;
  const count = head.length + rest.length + tail.length;
  if (halves.length === 1) return count === 8 ? [...head, ...tail] : undefined;
  if (count > 7) return undefined;
  return [...head, ...new Array<number>(8 - count).fill(0), ...rest, ...tail];
}

function privateV4(value: number): boolean {
  return PRIVATE_V4.some(([start, bits]) => Math.floor(value / 2 ** (32 - bits)) === Math.floor(start / 2 ** (32 - bits)));
}

function privateV6(groups: readonly number[]): boolean {
  const [a = 0, b = 0, c = 0, d = 0, e = 0, f = 0, g = 0, h = 0] = groups;
  const embedded = g * 65536 + h;
  if (a === 0 && b === 0 && c === 0 && d === 0 && e === 0) {
    if (f === 0xffff) return privateV4(embedded); // IPv4-mapped
    if (f === 0) return true; // unspecified, loopback, IPv4-compatible (deprecated)
  }
  // Forms that carry an IPv4 address a host with the right routes reaches: checked as that one.
  if (a === 0 && b === 0 && c === 0 && d === 0 && e === 0xffff && f === 0) return privateV4(embedded); // IPv4-translated
  if (a === 0x64 && b === 0xff9b && c === 0 && d === 0 && e === 0 && f === 0) return privateV4(embedded); // NAT64
  if (a === 0x2002) return privateV4(b * 65536 + c); // 6to4
  if (a === 0x64 && b === 0xff9b && c === 1) return true; // local-use NAT64 (RFC 8215): a private network's own
  if (a === 0x2001 && b === 0) return true; // Teredo: tunnels to an address hidden in the last groups
  if (a === 0x2001 && b === 0x0db8) return true; // documentation
  if (a === 0x0100 && b === 0 && c === 0 && d === 0) return true; // discard
  if ((a & 0xfe00) === 0xfc00) return true; // unique local
  if ((a & 0xffc0) === 0xfe80) return true; // link-local
  if ((a & 0xffc0) === 0xfec0) return true; // site-local (deprecated)
  return (a & 0xff00) === 0xff00; // multicast
}

/** True for an IP address (v4 or v6, brackets allowed) that is not on the public internet; `undefined` when `text` is no IP address. */
export function isPrivateAddress(text: string): boolean | undefined {
  const bare = text.startsWith('[') && text.endsWith(']') ? text.slice(1, -1) : text;
  const v4 = parseV4(bare);
  if (v4 !== undefined) return privateV4(v4);
  const v6 = bare.includes(':') ? parseV6(bare) : undefined;
  return v6 ? privateV6(v6) : undefined;
}

/** Resolves a host name to its IP addresses (Node: `dns.lookup(name, { all: true })`). */
export type ResolveHost = (hostname: string) => Promise<readonly string[]>;

/** Why a webhook URL is refused. */
export type WebhookUrlProblem = 'invalid_url' | 'insecure_scheme' | 'credentials' | 'private_address' | 'unresolvable';

/** How {@link checkWebhookUrl} checks. */
export interface WebhookUrlPolicy {
  /** Allow loopback and private addresses, and plain `http:` (local receivers, tests). Default false. */
  readonly allowPrivateAddresses?: boolean;
  /** Resolves names to addresses so those are checked too; without it only literal addresses and `localhost` are. */
  readonly resolveHost?: ResolveHost;
}

const MAX_URL_LENGTH = 2000;

/**
 * Checks that a webhook may be sent to `url`: an absolute `https:` URL (`http:` only where
 * private addresses are allowed) without credentials, whose host is, and resolves only to,
 * public addresses. Resolves `undefined` when it may, else why not.
 */
export async function checkWebhookUrl(url: string, policy: WebhookUrlPolicy = {}): Promise<WebhookUrlProblem | undefined> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'invalid_url';
  }
  if (url.length > MAX_URL_LENGTH || (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')) return 'invalid_url';
  if (parsed.username !== '' || parsed.password !== '') return 'credentials';
  if (policy.allowPrivateAddresses) return undefined;
  if (parsed.protocol !== 'https:') return 'insecure_scheme';
  const host = parsed.hostname.toLowerCase().replace(/\.$/, '');
  const literal = isPrivateAddress(host);
  if (literal !== undefined) return literal ? 'private_address' : undefined;
  if (host === 'localhost' || host.endsWith('.localhost')) return 'private_address';
  if (!policy.resolveHost) return undefined;
  let addresses: readonly string[];
  try {
    addresses = await policy.resolveHost(host);
  } catch {
    return 'unresolvable';
  }
  if (addresses.length === 0) return 'unresolvable';
  // Every address: the client connecting may pick any of them.
  return addresses.some((address) => isPrivateAddress(address) !== false) ? 'private_address' : undefined;
}
