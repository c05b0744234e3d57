import {
  ATTACHMENT_TYPES,
  type AttachmentType,
  type FileNameProblem,
  fileNameProblem,
  TicketryError,
} from '@ticketry/core';

const badName = (message: string) =>
  new TicketryError('VALIDATION_FAILED', message, {
    details: { path: ['query', 'name'] },
  });

const FILE_ITSELF = 'send the name of the file itself, such as report.pdf';

/** The 422's words for each broken rule of core's `fileNameProblem`. */
const REASONS: Record<FileNameProblem, string> = {
  empty: `the file name is empty once its folders are dropped: ${FILE_ITSELF}`,
  dots: `a file name of dots alone names no file: ${FILE_ITSELF}`,
  control:
    'the file name must not contain control characters, line breaks or tabs',
  direction: 'the file name must not contain direction override characters',
  long: 'the file name must be at most 200 characters',
};

/** Why a name (its last path segment, trimmed) cannot be kept, or null. */
function nameProblem(raw: string | null, base: string): string | null {
  if (raw === null) return 'send the file name as ?name=';
  if (!raw.trim()) {
    return 'the file name is blank: send the name of the file, such as report.pdf';
  }
  const problem = fileNameProblem(base);
  return problem && REASONS[problem];
}

/**
 * A file name fit to keep and offer for download: the last path
 * segment, trimmed and at most 200 characters, ending in an extension
 * of its recognised type (`notes.html` holding text is kept as
 * `notes.html.txt`, so no saved file opens as something else). A name
 * with nothing left once folders are dropped (`a/`, `.`, `..`) is
 * refused like a missing one, with a 422 that says why.
 */
export function safeName(raw: string | null, type: AttachmentType): string {
  const base = (raw ?? '').split(/[/\\]/).pop()?.trim() ?? '';
  const problem = nameProblem(raw, base);
  if (problem) throw badName(problem);
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
