/**
 * Opens tickets by mail from browser tests: builds a raw RFC 5322
 * message and posts it to the test server's `POST /mail/inbound`.
 */

import { endpoint } from './browser-kit.js';

/** test/load-backend.mjs holds the same secret. */
const MAIL_SECRET = 'widget-browser-tests-mail-webhook-secret-0123456789';

function base64(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) {
    binary += String.fromCharCode(byte);
  }
  return btoa(binary);
}

/**
 * RFC 2047 encoded words, a few characters each, on folded lines, so
 * any text (line breaks included) is one header value.
 */
export function encodedWords(text: string): string {
  const chars = [...text];
  const words: string[] = [];
  for (let i = 0; i < chars.length; i += 20) {
    words.push(`=?utf-8?b?${base64(chars.slice(i, i + 20).join(''))}?=`);
  }
  return words.join('\r\n ') || '""';
}

/** What a test mail carries. */
export interface TestMail {
  from: string;
  name: string;
  subject: string;
  text: string;
  attachmentName?: string;
}

/** The message as a mail client would send it, body and file in base64. */
export function rawMail(mail: TestMail): string {
  const lines = (b64: string) => b64.match(/.{1,76}/g)?.join('\r\n') ?? '';
  const head = [
    `From: ${encodedWords(mail.name)} <${mail.from}>`,
    'To: help@widget.test',
    `Subject: ${encodedWords(mail.subject)}`,
    `Message-ID: <${crypto.randomUUID()}@widget.test>`,
    'MIME-Version: 1.0',
    'Content-Type: multipart/mixed; boundary="b0undary"',
  ];
  const file = mail.attachmentName ?? 'notes.txt';
  return [
    ...head,
    '',
    '--b0undary',
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: base64',
    '',
    lines(base64(mail.text)),
    '--b0undary',
    'Content-Type: text/plain',
    `Content-Disposition: attachment; filename*=utf-8''${encodeURIComponent(file)}`,
    'Content-Transfer-Encoding: base64',
    '',
    base64('attached'),
    '--b0undary--',
    '',
  ].join('\r\n');
}

/** Posts a message to the intake; the ticket it opened. */
export async function sendMail(
  mail: TestMail,
): Promise<{ id: string; ref: string }> {
  const response = await fetch(`${endpoint}/mail/inbound`, {
    method: 'POST',
    headers: {
      'content-type': 'message/rfc822',
      'x-ticketry-mail-secret': MAIL_SECRET,
    },
    body: rawMail(mail),
  });
  const body = await response.json();
  if (response.status !== 201) {
    throw new Error(`mail: ${response.status} ${JSON.stringify(body)}`);
  }
  return body.ticket;
}
