import { type AttachmentType, hasControlCharacters } from '@ticketry/core';

/** What the first bytes of a file say it is. */
export type Sniffed =
  | { kind: 'type'; type: AttachmentType }
  /** Markup (HTML, SVG, XML): never stored, never served. */
  | { kind: 'markup' }
  | { kind: 'unknown' };

const SIGNATURES: [AttachmentType, number[]][] = [
  ['image/png', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
  ['image/jpeg', [0xff, 0xd8, 0xff]],
  ['image/gif', [0x47, 0x49, 0x46, 0x38, 0x37, 0x61]],
  ['image/gif', [0x47, 0x49, 0x46, 0x38, 0x39, 0x61]],
  ['application/pdf', [0x25, 0x50, 0x44, 0x46, 0x2d]],
  ['application/zip', [0x50, 0x4b, 0x03, 0x04]],
  ['application/zip', [0x50, 0x4b, 0x05, 0x06]],
];

const startsWith = (bytes: Uint8Array, prefix: number[]) =>
  bytes.length >= prefix.length && prefix.every((b, i) => bytes[i] === b);

/**
 * Plain text: UTF-8 (a byte order mark allowed), no NUL or other control
 * characters but tab and line ends. Text whose first non-blank
 * character opens a tag (`<html`, `<svg`, `<?xml`, `<!doctype`) is
 * markup, refused even when called text.
 */
function sniffText(bytes: Uint8Array): Sniffed {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { kind: 'unknown' };
  }
  if (hasControlCharacters(text)) return { kind: 'unknown' };
  return /^\s*<[!?a-zA-Z]/.test(text)
    ? { kind: 'markup' }
    : { kind: 'type', type: 'text/plain' };
}

/**
 * The type of a file from its magic number: PNG, JPEG, GIF, PDF, ZIP,
 * else plain text if it decodes as such. Never trusts a name or a
 * declared type.
 *
 * @example
 * sniff(new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d])); // application/pdf
 */
export function sniff(bytes: Uint8Array): Sniffed {
  for (const [type, magic] of SIGNATURES) {
    if (startsWith(bytes, magic)) return { kind: 'type', type };
  }
  return sniffText(bytes.subarray(0, 64 * 1024));
}

const ALIASES: Record<string, AttachmentType> = {
  'image/jpg': 'image/jpeg',
  'image/pjpeg': 'image/jpeg',
  'application/x-zip-compressed': 'application/zip',
  'application/x-zip': 'application/zip',
};

/**
 * A declared Content-Type as one of ours: lower case, parameters
 * dropped, common aliases folded; `null` when nothing useful was
 * declared (absent or `application/octet-stream`).
 */
export function declaredType(header: string | null): string | null {
  const type = header?.split(';')[0]?.trim().toLowerCase() ?? '';
  if (type === '' || type === 'application/octet-stream') return null;
  return ALIASES[type] ?? type;
}
