import { TicketryError, validationError } from '@ticketry/core';
import * as z from 'zod';

const tooLarge = (max: number) =>
  new TicketryError(
    'PAYLOAD_TOO_LARGE',
    `the request body is larger than ${max} bytes`,
    { details: { maxBytes: max } },
  );

const malformed = (message: string, cause?: unknown) =>
  new TicketryError('MALFORMED_REQUEST', message, { cause });

/** `application/json`, with or without parameters such as `charset`. */
function isJson(contentType: string | null): boolean {
  const type = contentType?.split(';')[0]?.trim().toLowerCase() ?? '';
  return type === 'application/json';
}

/** Refuses a compressed body: it would be read as if it were not. */
function checkEncoding(request: Request): void {
  const encoding = request.headers.get('content-encoding')?.trim() ?? '';
  if (encoding === '' || encoding.toLowerCase() === 'identity') return;
  throw new TicketryError(
    'UNSUPPORTED_ENCODING',
    'request bodies are read as sent: content encodings such as gzip are not accepted, so send the body without Content-Encoding',
    { details: { encoding } },
  );
}

/**
 * Reads a body of at most `max` bytes; over the cap is a 413, one sent
 * with a `Content-Encoding` (gzip, br…) a 415.
 */
export async function readBytes(
  request: Request,
  max: number,
): Promise<Uint8Array> {
  checkEncoding(request);
  const declared = request.headers.get('content-length');
  if (declared !== null && Number(declared) > max) throw tooLarge(max);
  if (!request.body) return new Uint8Array(0);

  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read().catch((cause: unknown) => {
      throw malformed('the request body could not be read', cause);
    });
    if (done) break;
    total += value.byteLength;
    if (total > max) {
      // A lying or absent Content-Length: stop at the cap, keep nothing.
      await reader.cancel().catch(() => {});
      throw tooLarge(max);
    }
    chunks.push(value);
  }

  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/**
 * Reads a JSON request body of at most `max` bytes. Refuses a body over
 * the cap (413, whether announced by Content-Length or counted while
 * streaming), a body that is not JSON or not sent as `application/json`
 * (400), a compressed one (415) and a missing body (400).
 */
export async function readJson(
  request: Request,
  max: number,
): Promise<unknown> {
  if (!isJson(request.headers.get('content-type'))) {
    throw malformed(
      'send the body as JSON with Content-Type: application/json',
    );
  }
  const bytes = await readBytes(request, max);
  if (bytes.byteLength === 0) throw malformed('the request needs a JSON body');

  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch (cause) {
    throw malformed('the request body is not valid UTF-8', cause);
  }
  try {
    return JSON.parse(text);
  } catch (cause) {
    throw malformed('the request body is not valid JSON', cause);
  }
}

/**
 * Validates a value with a zod (classic or mini) schema; failures become
 * a ValidationError carrying zod's issues, whose paths name the fields.
 */
export function parseWith<S extends z.core.$ZodType>(
  schema: S,
  value: unknown,
  what: string,
): z.output<S> {
  const result = z.safeParse(schema, value);
  if (!result.success) throw validationError(what, result.error.issues);
  return result.data;
}
