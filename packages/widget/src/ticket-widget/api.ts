import type {
  AttachmentInfo,
  Form,
  PublicTicket,
  Submission,
  SubmitResponse,
} from '@ticketry/core/public';
import {
  formCheck,
  myTicketsCheck,
  policyCheck,
  submitResponseCheck,
  ticketCheck,
} from './check/answers.js';
import type { Validator } from './check/rules.js';
import { en } from './i18n/en.js';
import type {
  ClosedReplyPolicy,
  MyTickets,
  RequesterCommandInput,
} from './tracking-schemas.js';
import { type UploadInput, uploadFile } from './upload.js';

/** One problem the server found in a request body, as it sent it. */
export interface ApiIssue {
  /** Where in the body, e.g. `['requester', 'email']`. */
  path: readonly PropertyKey[];
  message: string;
  /** zod's issue code (`too_small`, `too_big`, `invalid_format`, …). */
  code?: string;
  /** For `invalid_format`: which format, e.g. `email`. */
  format?: string;
  /** For `too_big`: the limit. */
  maximum?: number | bigint;
}

/** Options for {@link WidgetError}. */
export interface WidgetErrorOptions {
  /** HTTP status, or `null` when no answer came back. */
  status?: number | null;
  issues?: readonly ApiIssue[];
  cause?: unknown;
}

/**
 * A failed call, with the server's stable `code` (for example
 * `VALIDATION_FAILED`) or one of the widget's own: `NETWORK_ERROR` when
 * no answer came back, `BAD_RESPONSE` when the answer was not what the
 * contract says.
 */
export class WidgetError extends Error {
  override name = 'WidgetError';
  declare readonly code: string;
  declare readonly status: number | null;
  declare readonly issues: readonly ApiIssue[];

  constructor(
    code: string,
    message: string,
    { status = null, issues = [], cause }: WidgetErrorOptions = {},
  ) {
    super(message, { cause });
    this.code = code;
    this.status = status;
    this.issues = issues;
  }
}

/**
 * A token from the host's CAPTCHA provider. One that throws is a
 * `CAPTCHA_FAILED` with no status: the submission is not sent, and one
 * waiting in the offline queue stays there for the next try.
 */
async function captchaToken(
  provider: TicketApiOptions['captcha'],
): Promise<string | null> {
  if (!provider) return null;
  try {
    const token = await provider();
    return (typeof token === 'string' && token) || null;
  } catch (cause) {
    throw new WidgetError(
      'CAPTCHA_FAILED',
      'The check that you are a person did not load. Try again.',
      { cause },
    );
  }
}

/** Any thrown value as a WidgetError; foreign ones become `UNEXPECTED`. */
export function toWidgetError(error: unknown): WidgetError {
  if (error instanceof WidgetError) return error;
  return new WidgetError('UNEXPECTED', String(error), { cause: error });
}

/** What `submit` gives back: the response and whether it was a replay. */
export interface SubmitResult extends SubmitResponse {
  /** True when the server answered a retry of an earlier submission. */
  replayed: boolean;
}

/** What a reply answers: the ticket, or a follow-up and its token. */
export interface ReplyResult {
  ticket: PublicTicket;
  /** Set when the reply opened a new ticket (the old one was closed). */
  followUpToken?: string;
}

/** The calls the widget makes, one method per endpoint. */
export interface TicketApi {
  /** `POST /tickets` with an `Idempotency-Key`. */
  submit(submission: Submission, idempotencyKey: string): Promise<SubmitResult>;
  /** `GET /tickets/:id` with the requester's token. */
  get(id: string, token: string): Promise<PublicTicket>;
  /**
   * `POST /tickets/:id/messages`; resolves to the ticket after the reply.
   * A reply to a closed ticket may open a follow-up ticket instead: the
   * answer then names it and carries its own access token. `attachments`
   * are ids from `upload`, sent under the same Idempotency-Key `key`.
   */
  reply(
    id: string,
    token: string,
    body: string,
    attachments?: readonly string[],
    key?: string,
  ): Promise<ReplyResult>;
  /** The URL of `GET /tickets/:id/stream` for an `EventSource`. */
  streamUrl(id: string, token: string): string;
  /**
   * `POST /tickets/:id/commands` with `If-Match: "<version>"`: accept,
   * reject or rate. Resolves to the ticket after the command.
   */
  command(
    id: string,
    token: string,
    version: number,
    command: RequesterCommandInput,
  ): Promise<PublicTicket>;
  /** `GET /me/tickets` with an identity token. */
  myTickets(identityToken: string): Promise<MyTickets>;
  /** `GET /policy`: what a reply to a closed ticket does. */
  policy(): Promise<ClosedReplyPolicy>;
  /** The URL of a ticket's file, the token as `?access_token=`. */
  fileUrl(id: string, token: string, attachmentId: string): string;
  /** `GET /form`: the desk's custom fields and attachment rules. */
  form(): Promise<Form>;
  /**
   * `POST /attachments` under the Idempotency-Key of the submission (or
   * reply) the file goes with, with upload progress in bytes.
   */
  upload(
    input: UploadInput,
    idempotencyKey: string,
    onProgress: (sent: number) => void,
  ): Promise<AttachmentInfo>;
}

/** Options for {@link createTicketApi}. */
export interface TicketApiOptions {
  /** @default globalThis.fetch */
  fetch?: typeof fetch;
  /** Milliseconds before a call is given up as a network error. @default 30000 */
  timeoutMs?: number;
  /** The identity token (`tki_…`) that submissions carry, if any. */
  identity?: () => string | null;
  /**
   * A CAPTCHA token for each submission, sent as `Ticketry-Captcha`
   * (see `captchaProvider` on the widget). @default none
   */
  captcha?: () =>
    | string
    | null
    | undefined
    | Promise<string | null | undefined>;
  /** Extra body fields of a submission: the honeypot, when filled. */
  trap?: () => Record<string, string> | null;
}

/**
 * A small fetch client for the Ticketry HTTP API under `endpoint`
 * (for example `https://help.example.com/api/v1`). Every failure becomes
 * a {@link WidgetError}; answers are checked against the public schemas.
 *
 * @example
 * const api = createTicketApi('https://help.example.com/api/v1');
 * const ticket = await api.get(id, token);
 */
export function createTicketApi(
  endpoint: string,
  options: TicketApiOptions = {},
): TicketApi {
  const base = endpoint.trim().replace(/\/+$/, '');
  const doFetch = options.fetch ?? ((...args) => globalThis.fetch(...args));
  const timeoutMs = options.timeoutMs ?? 30_000;
  const ticketPath = (id: string) => `/tickets/${encodeURIComponent(id)}`;
  const withToken = (path: string, token: string) =>
    `${base}${path}?access_token=${encodeURIComponent(token)}`;

  /**
   * `GET base+path`, or a `POST` of `body` as JSON; `token` goes as a
   * Bearer token. Any failure is a WidgetError.
   */
  async function call(
    path: string,
    token?: string | null,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<Response> {
    const post = body !== undefined;
    let response: Response;
    try {
      response = await doFetch(base + path, {
        // A GET unless there is a body to send.
        ...(post && { method: 'POST', body: JSON.stringify(body) }),
        headers: {
          ...(token && { authorization: `Bearer ${token}` }),
          ...(post && { 'content-type': 'application/json' }),
          ...headers,
        },
        // Tokens authenticate; cookies of the page's origin never go along.
        credentials: 'omit',
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (cause) {
      throw networkError(cause);
    }
    if (!response.ok) throw await errorFrom(response);
    return response;
  }

  /** `GET base+path` with `token`, its answer checked by `check`. */
  const read = async <T>(
    check: Validator<T>,
    path: string,
    token?: string,
  ): Promise<T> => answerOf(await call(path, token), check);

  const get = (id: string, token: string) =>
    read(ticketCheck, ticketPath(id), token);

  /**
   * `POST` to one ticket's `messages` or `commands`: the ticket the
   * answer holds (read again when it holds none), and the access token
   * of a follow-up ticket when the answer is about another one.
   */
  async function change(
    id: string,
    token: string,
    to: string,
    body: unknown,
    headers?: Record<string, string>,
  ): Promise<ReplyResult> {
    const response = await call(
      `${ticketPath(id)}/${to}`,
      token,
      body,
      headers,
    );
    const answer = (await response.json().catch(() => null)) ?? {};
    const checked = ticketCheck.safeParse(answer.ticket);
    const ticket = checked.success ? checked.data : await get(id, token);
    const followUpToken: unknown = answer.accessToken;
    return typeof followUpToken === 'string' && ticket.id !== id
      ? { ticket, followUpToken }
      : { ticket };
  }

  return {
    async submit(submission, idempotencyKey) {
      const human = await captchaToken(options.captcha);
      const response = await call(
        '/tickets',
        options.identity?.(),
        { ...submission, ...options.trap?.() },
        {
          'idempotency-key': idempotencyKey,
          ...(human && { 'ticketry-captcha': human }),
        },
      );
      const body = await answerOf(response, submitResponseCheck);
      const replayed = response.headers.get('idempotent-replayed') === 'true';
      return { ...body, replayed };
    },

    get,

    reply: (id, token, body, attachments = [], key) =>
      change(
        id,
        token,
        'messages',
        attachments.length ? { body, attachments } : { body },
        key ? { 'idempotency-key': key } : undefined,
      ),

    streamUrl: (id, token) => withToken(`${ticketPath(id)}/stream`, token),

    command: async (id, token, version, command) =>
      (
        await change(id, token, 'commands', command, {
          'if-match': `"${version}"`,
        })
      ).ticket,

    myTickets: (identityToken) =>
      read(myTicketsCheck, '/me/tickets?limit=100', identityToken),

    policy: async () => (await read(policyCheck, '/policy')).closedReplyPolicy,

    fileUrl: (id, token, attachmentId) =>
      withToken(
        `${ticketPath(id)}/attachments/${encodeURIComponent(attachmentId)}`,
        token,
      ),

    form: () => read(formCheck, '/form'),

    upload: (input, key, onProgress) =>
      uploadFile(base, input, key, onProgress),
  };
}

/** `NETWORK_ERROR`: no answer came back (English words, as `en` has them). */
export const networkError = (cause?: unknown): WidgetError =>
  new WidgetError('NETWORK_ERROR', en.errors.NETWORK_ERROR, { cause });

/** `BAD_RESPONSE`: an answer that is not what the contract says. */
export const badResponse = (options: WidgetErrorOptions): WidgetError =>
  new WidgetError('BAD_RESPONSE', en.errors.BAD_RESPONSE, options);

/** Reads a non-2xx answer into a WidgetError, keeping the server's words. */
export async function errorFrom(response: Response): Promise<WidgetError> {
  const { status } = response;
  const { code, message, issues } =
    (await response.json().catch(() => null))?.error ?? {};
  return typeof code === 'string'
    ? new WidgetError(code, typeof message === 'string' ? message : code, {
        status,
        issues: issuesIn(issues),
      })
    : new WidgetError(
        'HTTP_ERROR',
        `The help desk answered ${status} ${response.statusText}`.trim(),
        { status },
      );
}

/**
 * The issues of an error answer that have words, each with a path (the
 * server sends zod's issues as they are).
 */
function issuesIn(value: unknown): ApiIssue[] {
  if (!Array.isArray(value)) return [];
  return value
    .filter((issue) => typeof issue?.message === 'string')
    .map((issue) => ({
      ...issue,
      path: Array.isArray(issue.path) ? issue.path : [],
    }));
}

/** A 2xx answer's body, checked by `check`; else a `BAD_RESPONSE`. */
export async function answerOf<T>(
  response: Response,
  check: Validator<T>,
): Promise<T> {
  let body: unknown;
  try {
    body = await response.json();
  } catch (cause) {
    throw badResponse({ status: response.status, cause });
  }
  const result = check.safeParse(body);
  if (result.success) return result.data;
  throw badResponse({ cause: result.error });
}
