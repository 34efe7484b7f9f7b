/**
 * The URL of one of the handler's routes: `route` (`/lookup`, `/challenge`…) after the path of
 * `base`, trailing slashes dropped; the query string of `base` kept, as a shop reaches its handler
 * through one (`/index.php?fc=module&module=accounts`), and `params` added to it, encoded; a
 * fragment dropped, since it never reaches a server. `handlerUrl(base)` is the submission URL.
 */
export function handlerUrl(base: string, route = '', params: Readonly<Record<string, string | number | undefined>> = {}): string {
  const [beforeHash = ''] = base.split('#');
  const at = beforeHash.indexOf('?');
  const path = (at < 0 ? beforeHash : beforeHash.slice(0, at)).replace(/\/+$/, '') + route;
  const query = [at < 0 ? '' : beforeHash.slice(at + 1)];
  for (const [name, value] of Object.entries(params)) if (value !== undefined) query.push(`${name}=${encodeURIComponent(value)}`);
  const search = query.filter(Boolean).join('&');
  return (path || '/') + (search ? `?${search}` : '');
}
