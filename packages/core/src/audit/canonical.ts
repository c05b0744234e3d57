/**
 * The text an audit hash is taken over. Stores keep events as JSON
 * (SQLite, PostgreSQL) or as structured clones (memory, IndexedDB), so
 * the text must be the same for a value and for that value after a
 * JSON round trip: it follows `JSON.stringify` (`toJSON` is called,
 * undefined members are left out, undefined in an array is `null`)
 * with object keys in code-unit order. Hashes already stored depend on
 * this output: never change it.
 */
export function hashText(value: unknown): string {
  return write(value, true) ?? 'null';
}

function write(v: unknown, member: boolean): string | undefined {
  switch (typeof v) {
    case 'string':
      return JSON.stringify(v);
    case 'number':
      // What JSON.stringify writes: finite numbers as String() does.
      return Number.isFinite(v) ? String(v) : 'null';
    case 'boolean':
      return v ? 'true' : 'false';
    case 'object': {
      if (v === null) return 'null';
      const toJSON = (v as { toJSON?: unknown }).toJSON;
      if (typeof toJSON === 'function') return write(toJSON.call(v), member);
      return Array.isArray(v) ? writeArray(v) : writeObject(v);
    }
    case 'bigint':
      throw new TypeError('a bigint cannot be hashed as JSON');
    default:
      // undefined, functions and symbols: no member, null in arrays.
      return member ? undefined : 'null';
  }
}

function writeArray(items: readonly unknown[]): string {
  let out = '[';
  for (let i = 0; i < items.length; i++) {
    if (i > 0) out += ',';
    out += write(items[i], false);
  }
  return `${out}]`;
}

function writeObject(record: object): string {
  const keys = Object.keys(record).sort();
  let out = '{';
  for (const k of keys) {
    const text = write((record as Record<string, unknown>)[k], true);
    if (text === undefined) continue;
    if (out.length > 1) out += ',';
    out += `${JSON.stringify(k)}:${text}`;
  }
  return `${out}}`;
}
