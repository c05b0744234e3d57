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

/** An object's keys in code-unit order, each with its JSON spelling. */
export interface Shape {
  /** The keys as `Object.keys` gave them: what a hit must match. */
  own: readonly string[];
  sorted: readonly string[];
  quoted: readonly string[];
}

/**
 * Sorted keys by key list: events and tickets come in a handful of
 * shapes, so sorting and quoting their keys once saves a third of the
 * hashing time. A hit is checked key by key; the cache is emptied when
 * it holds {@link SHAPES_MAX} shapes (custom fields bring new ones).
 */
const shapes = new Map<string, Shape>();
const SHAPES_MAX = 512;

/** The keys of one object sorted, with their JSON spelling, cached. */
export function shapeOf(keys: readonly string[]): Shape {
  const id = keys.join('\u0000');
  const hit = shapes.get(id);
  if (hit && hit.own.length === keys.length) {
    let same = true;
    for (let i = 0; i < keys.length && same; i++) same = hit.own[i] === keys[i];
    if (same) return hit;
  }
  const sorted = [...keys].sort();
  const shape = {
    own: keys,
    sorted,
    quoted: sorted.map((k) => JSON.stringify(k)),
  };
  if (shapes.size >= SHAPES_MAX) shapes.clear();
  shapes.set(id, shape);
  return shape;
}

function writeObject(record: object): string {
  const { sorted, quoted } = shapeOf(Object.keys(record));
  let out = '{';
  for (let i = 0; i < sorted.length; i++) {
    const text = write((record as Record<string, unknown>)[sorted[i]!], true);
    if (text === undefined) continue;
    if (out.length > 1) out += ',';
    out += `${quoted[i]}:${text}`;
  }
  return `${out}}`;
}
