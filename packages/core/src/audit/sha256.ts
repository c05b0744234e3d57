type NodeHash = (algorithm: string, data: string, encoding: 'hex') => string;

let nodeHash: NodeHash | null | undefined;

/**
 * node:crypto's one-shot `hash()`, when the core runs in Node 20.16 or
 * later; null elsewhere (a browser running the desk over IndexedDB).
 * Loaded on first use, never imported, so browser bundles still load.
 */
function nodeHashFn(): NodeHash | null {
  if (nodeHash !== undefined) return nodeHash;
  const getBuiltin = (
    globalThis as {
      process?: { getBuiltinModule?: (id: string) => unknown };
    }
  ).process?.getBuiltinModule;
  const crypto = getBuiltin?.('node:crypto') as { hash?: NodeHash } | undefined;
  nodeHash = crypto?.hash ?? null;
  return nodeHash;
}

const HEX = Array.from({ length: 256 }, (_, i) =>
  i.toString(16).padStart(2, '0'),
);

/** SHA-256 through Web Crypto only, as browsers compute it. */
export async function webSha256(text: string): Promise<string> {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) {
    throw new Error(
      'audit hashes need node:crypto (Node.js 20.16 or later) or Web Crypto (a secure context in a browser)',
    );
  }
  const bytes = new TextEncoder().encode(text);
  const digest = new Uint8Array(await subtle.digest('SHA-256', bytes));
  let out = '';
  for (const byte of digest) out += HEX[byte];
  return out;
}

/**
 * SHA-256 of a string's UTF-8 bytes, as 64 lower-case hex digits: with
 * node:crypto at once in Node, with Web Crypto in a browser.
 */
export function sha256Hex(text: string): Promise<string> {
  const hash = nodeHashFn();
  return hash ? Promise.resolve(hash('sha256', text, 'hex')) : webSha256(text);
}
