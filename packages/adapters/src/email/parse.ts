import {
  EMAIL_PATTERN,
  LIMITS,
  stripDirectionControls,
  TicketryError,
} from '@ticketry/core';
import PostalMime, { type Address, type Email } from 'postal-mime';
import { htmlToText } from './html-text.js';
import { sha256 } from './mail-records.js';
import { trimQuotes } from './quotes.js';

/** A mailbox as read from a header. */
export interface Mailbox {
  address: string;
  name: string | null;
}

/** What is recorded of an attachment: never its bytes. */
export interface AttachmentMeta {
  name: string;
  type: string;
  /** Bytes, decoded. */
  size: number;
  /** Shown inside the HTML body (an embedded image). */
  inline: boolean;
}

/** A message as the intake reads it. */
export interface ParsedMail {
  /** In angle brackets, or null when the message has none. */
  messageId: string | null;
  /** `In-Reply-To` first, then `References` newest first. */
  threadIds: string[];
  from: Mailbox;
  to: Mailbox[];
  cc: Mailbox[];
  subject: string;
  /** Plain text, quoted history trimmed; never empty. */
  body: string;
  attachments: AttachmentMeta[];
  /** The values of a header, by lower-case name. */
  header(name: string): string[];
  /** SHA-256 of what the sender wrote, trace headers left out. */
  contentHash: string;
}

/** @default 10 MiB */
export const DEFAULT_MAIL_BYTES = 10 * 1024 * 1024;

const unparseable = (why: string, cause?: unknown) =>
  new TicketryError('MAIL_UNPARSEABLE', `not a mail message: ${why}`, {
    cause,
    details: { reason: why },
  });

/** Drops control characters other than tab and line feed, and lone surrogates. */
function withoutControls(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) out += text[i]! + text[++i]!;
      continue;
    }
    if (code >= 0xdc00 && code <= 0xdfff) continue;
    if ((code < 32 && code !== 9 && code !== 10) || code === 127) continue;
    out += text[i];
  }
  return out;
}

/** Text without carriage returns or control characters. */
export const cleanText = (text: string): string =>
  withoutControls(text.replace(/\r\n?/g, '\n'));

/**
 * One line of text: no line breaks, spaces folded, direction overrides
 * and isolates dropped (they only disguise a subject, a name or a file
 * name; a mail cannot be sent back for them), at most `max`.
 */
export const oneLine = (text: string, max: number): string =>
  stripDirectionControls(cleanText(text))
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, max)
    .trim();

/** The bytes of a raw message, refused over `maxBytes`. */
export function rawBytes(raw: unknown, maxBytes: number): Uint8Array {
  let bytes: Uint8Array;
  if (typeof raw === 'string') bytes = new TextEncoder().encode(raw);
  else if (raw instanceof Uint8Array) bytes = raw;
  else {
    throw new TicketryError(
      'VALIDATION_FAILED',
      'a raw message is a string or a Uint8Array',
      { details: { path: ['raw'] } },
    );
  }
  if (bytes.byteLength > maxBytes) {
    throw new TicketryError(
      'PAYLOAD_TOO_LARGE',
      `the message is larger than ${maxBytes} bytes`,
      { details: { maxBytes } },
    );
  }
  if (bytes.byteLength === 0) throw unparseable('the message is empty');
  return bytes;
}

/** Message-IDs in a header value, each in angle brackets. */
export function messageIds(value: string | undefined): string[] {
  if (!value) return [];
  const found = [...value.matchAll(/<([^<>\s]{1,500})>/g)].map(
    (m) => `<${m[1]}>`,
  );
  if (found.length) return found;
  const bare = value.trim();
  return /^[^<>\s]{1,500}@[^<>\s]+$/.test(bare) ? [`<${bare}>`] : [];
}

function mailboxes(list: Address[] | Address | undefined): Mailbox[] {
  const all = list === undefined ? [] : Array.isArray(list) ? list : [list];
  return all
    .flatMap((a) => (a.group ? a.group : [a]))
    .filter((m) => m.address && EMAIL_PATTERN.test(m.address))
    .filter((m) => m.address.length <= LIMITS.email)
    .map((m) => {
      const name = oneLine(m.name ?? '', LIMITS.name);
      return {
        address: m.address.toLowerCase(),
        name: name && name !== m.address ? name : null,
      };
    });
}

function attachmentsOf(email: Email): AttachmentMeta[] {
  return email.attachments.slice(0, 50).map((a) => ({
    name: oneLine(a.filename ?? '', 255) || 'unnamed',
    type: oneLine(a.mimeType || 'application/octet-stream', 127),
    size:
      typeof a.content === 'string' ? a.content.length : a.content.byteLength,
    inline: a.related === true || a.disposition === 'inline',
  }));
}

function bodyOf(email: Email): string {
  const source = email.text?.trim()
    ? email.text
    : email.html
      ? htmlToText(email.html)
      : '';
  const body = trimQuotes(cleanText(source));
  // Kept whole: the intake splits a body over `LIMITS.body` into parts.
  return body || '(no text)';
}

const REPORT = /^content-type:\s*multipart\/report/im;

/** Message-IDs of the returned message inside a delivery report. */
function reportedIds(email: Email): string[] {
  return email.attachments
    .filter((a) => /^(message\/rfc822|text\/rfc822-headers)$/.test(a.mimeType))
    .flatMap((a) => {
      const text =
        typeof a.content === 'string'
          ? a.content
          : new TextDecoder().decode(a.content);
      const found = /^message-id:[ \t]*(<[^<>\s]+>)/im.exec(text);
      return found ? [found[1]!] : [];
    });
}

/** The header section must start with a field, and From must be there. */
async function parseEmail(bytes: Uint8Array): Promise<Email> {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 65_536));
  if (!/^[\x21-\x39\x3b-\x7e]{1,76}:/.test(head)) {
    throw unparseable('it does not start with a header field');
  }
  try {
    return await PostalMime.parse(bytes, {
      // A delivery report keeps the returned message apart, for threading.
      forceRfc822Attachments: REPORT.test(head),
      maxNestingDepth: 50,
      maxPartCount: 500,
      maxHeadersSize: 512 * 1024,
    });
  } catch (cause) {
    throw unparseable('the MIME structure could not be read', cause);
  }
}

/**
 * Parses a raw RFC 5322 message with postal-mime (charsets, encoded
 * words, quoted-printable and base64 decoded) into what the intake
 * needs; refuses anything that is not mail with MAIL_UNPARSEABLE.
 */
export async function parseMail(bytes: Uint8Array): Promise<ParsedMail> {
  const email = await parseEmail(bytes);
  const from = mailboxes(email.from)[0];
  if (!email.headers.length || !from) {
    throw unparseable('it has no valid From address');
  }
  const headers = new Map<string, string[]>();
  for (const h of email.headers) {
    headers.set(h.key, [...(headers.get(h.key) ?? []), h.value]);
  }
  const references = messageIds(email.references).reverse();
  const attachments = attachmentsOf(email);
  const subject = oneLine(email.subject ?? '', LIMITS.subject);
  const to = mailboxes(email.to);
  const cc = mailboxes(email.cc);
  const contentHash = await sha256(
    JSON.stringify([
      from,
      to,
      cc,
      email.subject ?? '',
      email.date ?? '',
      email.text ?? '',
      email.html ?? '',
      attachments,
    ]),
  );
  return {
    messageId: messageIds(email.messageId)[0] ?? null,
    threadIds: [
      ...new Set([
        ...messageIds(email.inReplyTo),
        ...references,
        ...reportedIds(email),
      ]),
    ].slice(0, 30),
    from,
    to,
    cc,
    subject: subject || '(no subject)',
    body: bodyOf(email),
    attachments,
    header: (name) => headers.get(name.toLowerCase()) ?? [],
    contentHash,
  };
}
