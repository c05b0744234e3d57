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
import { INVALID, isIsoInstant, isObject, type Validator } from './rules.js';

/*
 * The shapes of the server's answers (`publicTicketSchema`,
 * `submitResponseSchema`, `formSchema`… of `@ticketry/core/public`)
 * checked without zod: types, enums and ISO instants, unknown keys
 * dropped. The server already validated what it sends; the widget only
 * refuses an answer that is not what the contract says (check/answers
 * .test.ts compares these with the schemas on real answers).
 */

/** Answers the value to keep, or {@link BAD}. */
type Shape = (value: unknown) => unknown;

const BAD = Symbol('bad');

const is =
  (test: (v: unknown) => boolean): Shape =>
  (v) =>
    test(v) ? v : BAD;

const str = is((v) => typeof v === 'string');
const num = is((v) => typeof v === 'number' && Number.isFinite(v));
const bool = is((v) => typeof v === 'boolean');
const oneOf = (values: readonly unknown[]) => is((v) => values.includes(v));

const instant = is((v) => typeof v === 'string' && isIsoInstant(v));

const nullable =
  (shape: Shape): Shape =>
  (v) =>
    v === null ? v : shape(v);

const optional =
  (shape: Shape): Shape =>
  (v) =>
    v === undefined ? v : shape(v);

/** `fallback` when the key is absent, as zod's `_default`. */
const withDefault =
  (shape: Shape, fallback: () => unknown): Shape =>
  (v) =>
    v === undefined ? fallback() : shape(v);

function list(item: Shape): Shape {
  return (v) => {
    if (!Array.isArray(v)) return BAD;
    const out = v.map(item);
    return out.includes(BAD) ? BAD : out;
  };
}

function obj(shape: Record<string, Shape>): Shape {
  return (v) => {
    if (!isObject(v)) return BAD;
    const out: Record<string, unknown> = {};
    for (const [key, check] of Object.entries(shape)) {
      const value = check(v[key]);
      if (value === BAD) return BAD;
      if (value !== undefined || key in v) out[key] = value;
    }
    return out;
  };
}

function validator<T>(shape: Shape): Validator<T> {
  return {
    safeParse(value) {
      const data = shape(value);
      if (data !== BAD) return { success: true, data: data as T };
      const issues = [{ path: [], code: 'invalid_type', message: INVALID }];
      return { success: false, error: { issues } };
    },
  };
}

const attachmentInfo = obj({ id: str, name: str, size: num, type: str });

const message = obj({
  id: str,
  at: instant,
  author: oneOf(['requester', 'agent']),
  body: str,
  attachments: optional(list(attachmentInfo)),
});

const ticket = obj({
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
  resolution: nullable(obj({ code: str, note: str })),
  reopenUntil: nullable(instant),
  satisfaction: nullable(obj({ rating: num, comment: nullable(str) })),
  messages: list(message),
  expectation: optional(
    nullable(
      obj({
        firstResponseBy: nullable(instant),
        nextResponseBy: nullable(instant),
        resolutionBy: nullable(instant),
        paused: bool,
      }),
    ),
  ),
});

const NAME = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;

/** A custom field: a select needs its options, the others have none. */
const field: Shape = (v) => {
  const base = obj({
    name: is((n) => typeof n === 'string' && NAME.test(n)),
    kind: oneOf(FIELD_KINDS),
    label: str,
    required: withDefault(bool, () => false),
    hint: optional(str),
    maxLength: optional(num),
    options: optional(list(str)),
  })(v) as Record<string, unknown> | typeof BAD;
  if (base === BAD || (base.kind === 'select') !== !!base.options) return BAD;
  return base;
};

const form = obj({
  fields: withDefault(list(field), () => []),
  attachments: withDefault(
    nullable(
      obj({
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
  obj({ ticket, accessToken: str }),
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
  obj({
    identity: obj({ userId: str, email: str, name: nullable(str) }),
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
  obj({ closedReplyPolicy: oneOf(CLOSED_REPLY_POLICIES) }),
);
