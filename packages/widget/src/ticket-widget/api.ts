import type {
  AttachmentInfo,
  Form,
  PublicTicket,
  Submission,
  SubmitResponse,
} from '@ticketry/core/public';
import {
  answerOf,
  errorFrom,
  networkError,
  WidgetError,
} from './api-errors.js';
import {
  formCheck,
  myTicketsCheck,
  policyCheck,
  submitResponseCheck,
  ticketCheck,
} from './check/answers.js';
import type { Validator } from './check/rules.js';
import type {
  ClosedReplyPolicy,
  MyTickets,
  RequesterCommandInput,
} from './tracking-schemas.js';
import { type UploadInput, uploadFile } from './upload.js';

export {
  type ApiIssue,
  answerOf,
  badResponse,
  errorFrom,
  networkError,
  toWidgetError,
  WidgetError,
  type WidgetErrorOptions,
} from './api-errors.js';

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
