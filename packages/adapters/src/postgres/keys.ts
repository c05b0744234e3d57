/** FNV-1a over UTF-16 code units, as a signed 32-bit integer. */
function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h | 0;
}

/**
 * The two keys of an advisory lock for one purpose in one schema, for
 * `pg_advisory_xact_lock(int, int)`. Schemas never share a lock unless
 * their names collide in 32 bits, which costs waiting, never safety.
 */
export function lockKeys(
  schema: string,
  purpose: 'migrate' | 'feed',
): [number, number] {
  return [hash32(`ticketry:${purpose}`), hash32(schema)];
}
