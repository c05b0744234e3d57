import type { ParsedMail } from './parse.js';

/** Why a message is machine-made, so it gets no acknowledgement. */
export type AutomaticKind =
  | 'bounce'
  | 'auto_submitted'
  | 'auto_reply'
  | 'bulk'
  | 'mailing_list';

/** Senders that only ever send delivery reports. */
const DAEMONS = /^(mailer-daemon|postmaster|mail-daemon|mailerdaemon)$/i;

/** True for the address of a mail system rather than a person. */
export function isDaemonAddress(address: string): boolean {
  return DAEMONS.test(address.split('@')[0] ?? '');
}

const first = (mail: ParsedMail, name: string) =>
  (mail.header(name)[0] ?? '').trim().toLowerCase();

function isBounce(mail: ParsedMail): boolean {
  if (isDaemonAddress(mail.from.address)) return true;
  const type = first(mail, 'content-type');
  return (
    type.startsWith('multipart/report') && type.includes('delivery-status')
  );
}

/**
 * Whether a message was sent by a machine, and which kind: a delivery
 * report (mailer-daemon, postmaster, a DSN), `Auto-Submitted` other
 * than `no` (RFC 3834), an `X-Autoreply`/`X-Autorespond` header,
 * `Precedence: bulk/junk/list`, or mailing-list mail (`List-Id`).
 * Null for mail a person wrote.
 */
export function automaticKind(mail: ParsedMail): AutomaticKind | null {
  if (isBounce(mail)) return 'bounce';
  const submitted = first(mail, 'auto-submitted').split(';')[0]?.trim();
  if (submitted && submitted !== 'no') return 'auto_submitted';
  if (
    mail.header('x-autoreply').length ||
    mail.header('x-autorespond').length ||
    mail.header('x-autoresponder').length
  ) {
    return 'auto_reply';
  }
  const precedence = first(mail, 'precedence');
  if (['bulk', 'junk', 'list', 'auto_reply'].includes(precedence)) {
    return precedence === 'list' ? 'mailing_list' : 'bulk';
  }
  if (mail.header('list-id').length) return 'mailing_list';
  return null;
}

/** The headers every message the desk sends carries against loops. */
export const LOOP_HEADERS: Readonly<Record<string, string>> = {
  'Auto-Submitted': 'auto-generated',
  'X-Auto-Response-Suppress': 'All',
};
