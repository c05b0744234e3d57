import {
  ATTACHMENT_TYPES,
  type AttachmentType,
  hasControlCharacters,
  hasDirectionControls,
  TicketryError,
} from '@ticketry/core';

const MAX_NAME = 200;

/**
 * A file name fit to keep and offer for download: the last path
 * segment, trimmed and at most 200 characters, ending in an extension
 * of its recognised type (`notes.html` holding text is kept as
 * `notes.html.txt`, so no saved file opens as something else).
 */
export function safeName(raw: string | null, type: AttachmentType): string {
  const base = (raw ?? '').split(/[/\\]/).pop()?.trim() ?? '';
  // Unlike message text, a name takes no line break or tab either.
  const bad =
    hasControlCharacters(base) ||
    /[\t\n\r]/.test(base) ||
    hasDirectionControls(base);
  if (!base || bad || base.length > MAX_NAME) {
    throw new TicketryError(
      'VALIDATION_FAILED',
      `send the file name as ?name=, 1 to ${MAX_NAME} characters without control or direction override characters`,
      { details: { path: ['query', 'name'] } },
    );
  }
  const endings: readonly string[] = ATTACHMENT_TYPES[type];
  const lower = base.toLowerCase();
  return endings.some((e) => lower.endsWith(e)) ? base : `${base}${endings[0]}`;
}

/**
 * `Content-Disposition: attachment` with an ASCII fallback name and the
 * exact name in RFC 5987 form.
 */
export function dispositionOf(name: string): string {
  const fallback = name.replace(/[^\w.\- ]/g, '_');
  const exact = encodeURIComponent(name).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${fallback}"; filename*=UTF-8''${exact}`;
}

/** SHA-256 as hex, with Web Crypto (Node, Deno, Bun, edge). */
export async function sha256(data: Uint8Array | string): Promise<string> {
  const bytes =
    typeof data === 'string' ? new TextEncoder().encode(data) : data;
  const digest = await crypto.subtle.digest(
    'SHA-256',
    bytes as Uint8Array<ArrayBuffer>,
  );
  return Array.from(new Uint8Array(digest), (b) =>
    b.toString(16).padStart(2, '0'),
  ).join('');
}
