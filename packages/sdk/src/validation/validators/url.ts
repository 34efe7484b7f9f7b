// A dotted DNS name with an alphabetic (or xn--) top-level domain, or an IP literal
// as the URL parser serialises it. The parser has already lower-cased the host and
// turned international names into xn-- form.
const HOST = /^(?:(?:[a-z\d](?:[a-z\d-]{0,61}[a-z\d])?\.)+(?:[a-z]{2,63}|xn--[a-z\d-]{1,59})|(?:\d{1,3}\.){3}\d{1,3}|\[[\da-f:.]+\])$/;

/** The parsed URL when `v` is a plain http(s) URL as {@link isValidHttpUrl} defines it. */
export function parseHttpUrl(v: string): URL | undefined {
  // The WHATWG parser forgives a lot (missing slashes, backslashes as slashes,
  // stripped tabs and newlines, surrounding spaces): require the plain form instead
  // of checking what the parser made of something else.
  if (!/^https?:\/\/[^\s\\\0-\x1F\x7F-\x9F]+$/i.test(v)) return undefined;
  let url: URL;
  try {
    url = new URL(v);
  } catch {
    return undefined;
  }
  return url.username === '' && url.password === '' && HOST.test(url.hostname) ? url : undefined;
}

/**
 * An absolute `http:` or `https:` URL with a host name (a dotted domain or an IP
 * address): no other scheme (`javascript:`, `data:`, `ftp:`…), no credentials
 * (`user:pass@`), no spaces, control characters or backslashes anywhere.
 */
export function isValidHttpUrl(v: string): boolean {
  return parseHttpUrl(v) !== undefined;
}
