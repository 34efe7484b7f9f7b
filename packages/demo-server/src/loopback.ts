/** True for a host name or address only this machine reaches (`localhost`, `127.0.0.0/8`, `::1`). */
export function isLoopbackHost(name: string): boolean {
  const bare = name.replace(/^\[|\]$/g, '').toLowerCase();
  return bare === 'localhost' || bare.endsWith('.localhost') || bare === '::1' || /^127(?:\.\d{1,3}){3}$/.test(bare);
}
