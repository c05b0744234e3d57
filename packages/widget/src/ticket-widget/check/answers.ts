import {
  ATTACHMENT_TYPES,
  type AttachmentInfo,
  FIELD_KINDS,
  type Form,
  PENDING_REASONS,
  type PublicTicket,
  STATUSES,
  type SubmitResponse,
} from '@ticketry/core/public';
import {
  INVALID,
  isIsoInstant,
  list,
  must,
  object,
  optional,
  type Rule,
  report,
  validator,
} from './rules.js';

/*
 * The shapes of the server's answers (`publicTicketSchema`,
 * `submitResponseSchema`, `formSchema`… of `@ticketry/core/public`)
 * checked without zod, with the rules of the widget's own checks:
 * types, enums and ISO instants, unknown keys dropped. The server
 * already validated what it sends; the widget only refuses an answer
 * that is not what the contract says (check/answers.test.ts compares
 * these with the schemas on real answers).
 */

const str = must((v) => typeof v === 'string');
const num = must((v) => typeof v === 'number' && Number.isFinite(v));
const bool = must((v) => typeof v === 'boolean');
const oneOf = (values: readonly unknown[]) => must((v) => values.includes(v));

const instant = must((v) => typeof v === 'string' && isIsoInstant(v));

const nullable =
  (rule: Rule): Rule =>
  (v, path, out) =>
    v === null ? v : rule(v, path, out);

/** `fallback` when the key is absent, as zod's `_default`. */
const withDefault =
  (rule: Rule, fallback: () => unknown): Rule =>
  (v, path, out) =>
    v === undefined ? fallback() : rule(v, path, out);

const attachmentInfo = object({ id: str, name: str, size: num, type: str });

const message = object({
  id: str,
  at: instant,
  author: oneOf(['requester', 'agent']),
  body: str,
  attachments: optional(list(attachmentInfo)),
});

const ticket = object({
  id: str,
  ref: str,
  version: num,
  status: oneOf(STATUSES),
  pendingReason: nullable(oneOf(PENDING_REASONS)),
  subject: str,
  category: nullable(str),
  createdAt: instant,
  updatedAt: instant,
  resolvedAt: nullable(instant),
  closedAt: nullable(instant),
  resolution: nullable(object({ code: str, note: str })),
  reopenUntil: nullable(instant),
  satisfaction: nullable(object({ rating: num, comment: nullable(str) })),
  messages: list(message),
  expectation: optional(
    nullable(
      object({
        firstResponseBy: nullable(instant),
        nextResponseBy: nullable(instant),
        resolutionBy: nullable(instant),
        paused: bool,
      }),
    ),
  ),
});

const NAME = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;

const fieldShape = object({
  name: must((n) => typeof n === 'string' && NAME.test(n)),
  kind: oneOf(FIELD_KINDS),
  label: str,
  required: withDefault(bool, () => false),
  hint: optional(str),
  maxLength: optional(num),
  options: optional(list(str)),
});

/** A custom field: a select needs its options, the others have none. */
const field: Rule = (v, path, out) => {
  const base = fieldShape(v, path, out) as Record<string, unknown> | undefined;
  if (base && (base.kind === 'select') !== !!base.options) {
    report(out, path, 'custom', INVALID);
  }
  return base;
};

const form = object({
  fields: withDefault(list(field), () => []),
  attachments: withDefault(
    nullable(
      object({
        types: list(oneOf(Object.keys(ATTACHMENT_TYPES))),
        maxBytes: num,
        maxFiles: withDefault(num, () => 5),
      }),
    ),
    () => null,
  ),
});

/** A ticket as a requester may read it (`publicTicketSchema`). */
export const ticketCheck = validator<PublicTicket>(ticket);

/** `POST /tickets`' answer (`submitResponseSchema`). */
export const submitResponseCheck = validator<SubmitResponse>(
  object({ ticket, accessToken: str }),
);

/** A file the server recorded (`attachmentInfoSchema`). */
export const attachmentInfoCheck = validator<AttachmentInfo>(attachmentInfo);

/** `GET /form` (`formSchema`, defaults applied). */
export const formCheck = validator<Form>(form);

/** `GET /me/tickets`: whom the identity names and their tickets. */
export const myTicketsCheck = validator<{
  identity: { userId: string; email: string; name: string | null };
  items: PublicTicket[];
  nextCursor: string | null;
}>(
  object({
    identity: object({ userId: str, email: str, name: nullable(str) }),
    items: list(ticket),
    nextCursor: nullable(str),
  }),
);

/** What a requester's reply to a closed ticket does on this desk. */
export const CLOSED_REPLY_POLICIES = [
  'reopen',
  'reject',
  'new_ticket',
] as const;

export type ClosedReplyPolicy = (typeof CLOSED_REPLY_POLICIES)[number];

/** `GET /policy`. */
export const policyCheck = validator<{ closedReplyPolicy: ClosedReplyPolicy }>(
  object({ closedReplyPolicy: oneOf(CLOSED_REPLY_POLICIES) }),
);
