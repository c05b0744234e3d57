import { shapeOf } from '../audit/canonical.js';

type NodeCrypto = typeof import('node:crypto');

let loaded: NodeCrypto | undefined;

/**
 * node:crypto, loaded on first use rather than imported, so that a
 * browser bundle of the core (for the IndexedDB store) still loads;
 * only hashing and secret making need Node.
 */
export function nodeCrypto(): NodeCrypto {
  if (loaded) return loaded;
  const getBuiltin = (
    globalThis as {
      process?: { getBuiltinModule?: (id: string) => unknown };
    }
  ).process?.getBuiltinModule;
  if (!getBuiltin) {
    throw new Error('secrets and fingerprints need Node.js 20.16 or later');
  }
  loaded = getBuiltin('node:crypto') as NodeCrypto;
  return loaded;
}

/**
 * A new secret: `prefix` and 32 random bytes (256 bits) in base64url.
 * Only its hash is ever stored.
 */
export function createSecret(prefix: string): string {
  return prefix + nodeCrypto().randomBytes(32).toString('base64url');
}

/**
 * The stored form of a secret: SHA-256, hex. Secrets are random, so a
 * fast hash is enough; the one-shot `hash()` is about twice as fast as
 * a `createHash()` object.
 */
export function hashSecret(secret: string): string {
  return nodeCrypto().hash('sha256', secret, 'hex');
}

/** A stable fingerprint of a JSON value: keys sorted, then SHA-256. */
export function fingerprint(value: unknown): string {
  return nodeCrypto().hash('sha256', canonicalJson(value), 'hex');
}

/**
 * JSON with object keys in code-unit order and undefined members left
 * out. Stores keep fingerprints, so this output must never change.
 */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) {
      if (i > 0) out += ',';
      // join() writes '' for undefined, as JSON.stringify's result is.
      out += canonicalJson(value[i]) ?? '';
    }
    return `${out}]`;
  }
  if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const { sorted, quoted } = shapeOf(Object.keys(record));
    let out = '{';
    for (let i = 0; i < sorted.length; i++) {
      const v = record[sorted[i]!];
      if (v === undefined) continue;
      if (out.length > 1) out += ',';
      out += `${quoted[i]}:${canonicalJson(v)}`;
    }
    return `${out}}`;
  }
  return JSON.stringify(value);
}
