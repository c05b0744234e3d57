import { ConflictError, ValidationError } from '@ticketry/core';
import {
  publicTicketSchema,
  type SubmissionInput,
  submitResponseSchema,
} from '@ticketry/core/public';
import * as z from 'zod/mini';
import { type ErrorContext, errorFrom, HttpDeskError } from './errors.js';
import {
  createRetryPolicy,
  type Outcome,
  RETRY_STATUSES,
  retryOptionsSchema,
} from './retry.js';
import type {
  AgentHttpDesk,
  AgentResult,
  HttpDesk,
  HttpDeskOptions,
  HttpSubmitOptions,
  HttpSubmitResult,
  HttpTicketQuery,
  RequesterHttpDesk,
  RequesterResult,
} from './types.js';

interface Call {
  method?: 'GET' | 'POST';
  body?: unknown;
  headers?: Record<string, string>;
  context?: ErrorContext;
  /** May be sent again; GETs may always. */
  retry?: boolean;
}

/** A final answer and its body text (empty for a failure). */
interface Answer {
  response: Response;
  text: string;
}

type Result = AgentResult | RequesterResult;

const optionsSchema = z.extend(retryOptionsSchema, {
  baseUrl: z.string().check(z.minLength(1)),
  apiKey: z.optional(z.string()),
  accessToken: z.optional(z.string()),
  fetch: z.optional(z.custom<typeof fetch>((f) => typeof f === 'function')),
});

/** Throws at once for options the client cannot work with. */
function validate(options: HttpDeskOptions): void {
  if (!options?.baseUrl) {
    throw new TypeError('createHttpDesk: the `baseUrl` option is required');
  }
  const result = optionsSchema.safeParse(options);
  if (result.success) return;
  const names = result.error.issues.map((i) => `\`${i.path.join('.')}\``);
  throw new ValidationError(
    `createHttpDesk: invalid option ${[...new Set(names)].join(', ')}`,
    result.error.issues,
  );
}

function checked<S extends z.ZodMiniType>(
  schema: S,
  value: unknown,
  status: number,
) {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new HttpDeskError(
    'BAD_RESPONSE',
    'the server answered with a body that does not match the API',
    status,
    result.error,
  );
}

function parsed(answer: Answer): unknown {
  try {
    return JSON.parse(answer.text);
  } catch (cause) {
    throw new HttpDeskError(
      'BAD_RESPONSE',
      'the server answered with a body that is not JSON',
      answer.response.status,
      cause,
    );
  }
}

const isTimeout = (error: unknown) =>
  error instanceof Error && error.name === 'TimeoutError';

function queryString(query: HttpTicketQuery): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value === undefined || value === null) continue;
    params.set(name, Array.isArray(value) ? value.join(',') : String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

/**
 * A desk that lives behind the Ticketry HTTP API. Methods mirror the
 * routes; failures are thrown as TicketryError with the server's code,
 * status and zod issues. Calls that may be repeated (reads, submissions
 * with their idempotency key, changes with If-Match) are retried after
 * network errors, time-outs and 408/425/429/5xx answers, with jittered
 * exponential backoff and the server's `Retry-After`.
 *
 * @example
 * const desk = createHttpDesk({ baseUrl: 'http://127.0.0.1:8080/api/v1', apiKey });
 * const ticket = await desk.get(id);
 * await desk.execute(id, { type: 'start' }, { expectedVersion: ticket.version });
 */
export function createHttpDesk(
  options: HttpDeskOptions & { apiKey: string },
): AgentHttpDesk;
export function createHttpDesk(options: HttpDeskOptions): RequesterHttpDesk;
export function createHttpDesk(options: HttpDeskOptions): HttpDesk {
  validate(options);
  const base = options.baseUrl.replace(/\/+$/, '');
  const doFetch = options.fetch ?? ((...args) => globalThis.fetch(...args));
  const policy = createRetryPolicy({
    retries: options.retries,
    retryDelayMs: options.retryDelayMs,
    maxRetryDelayMs: options.maxRetryDelayMs,
    jitter: options.jitter,
    timeoutMs: options.timeoutMs,
    onRetry: options.onRetry,
  });
  const secret = options.apiKey ?? options.accessToken;
  const agent = options.apiKey !== undefined;
  const ticketPath = (id: string) => `/tickets/${encodeURIComponent(id)}`;

  async function send(path: string, call: Call): Promise<Response> {
    const headers: Record<string, string> = { ...call.headers };
    if (secret) headers.authorization = `Bearer ${secret}`;
    if (call.body !== undefined) headers['content-type'] = 'application/json';
    return doFetch(`${base}${path}`, {
      method: call.method ?? 'GET',
      headers,
      signal: AbortSignal.timeout(policy.timeoutMs),
      ...(call.body !== undefined && { body: JSON.stringify(call.body) }),
    });
  }

  /** One try; the body is read under the same time limit. */
  async function attempt(path: string, call: Call): Promise<Outcome<Answer>> {
    try {
      const response = await send(path, call);
      if (RETRY_STATUSES.has(response.status)) {
        return { kind: 'status', response };
      }
      const text = response.ok ? await response.text() : '';
      return { value: { response, text } };
    } catch (error) {
      return { kind: isTimeout(error) ? 'timeout' : 'network', error };
    }
  }

  async function exchange(path: string, call: Call = {}): Promise<Answer> {
    const method = call.method ?? 'GET';
    const retry = call.retry ?? method === 'GET';
    const { last, unsure } = await policy.run(() => attempt(path, call), {
      method,
      path,
      retry,
    });
    if ('error' in last) throw last.error;
    const response = 'value' in last ? last.value.response : last.response;
    if ('value' in last && response.ok) return last.value;
    const error = await errorFrom(response, call.context);
    // A 412 after a try that may have landed may be that try's doing.
    if (unsure && error instanceof ConflictError) {
      error.details.maybeApplied = true;
    }
    throw error;
  }

  async function request<T>(path: string, call: Call = {}): Promise<T> {
    return parsed(await exchange(path, call)) as T;
  }

  async function submit(
    submission: SubmissionInput,
    opts: HttpSubmitOptions = {},
  ): Promise<HttpSubmitResult> {
    const key = opts.idempotencyKey ?? crypto.randomUUID();
    const answer = await exchange('/tickets', {
      method: 'POST',
      body: submission,
      headers: { 'idempotency-key': key },
      retry: true,
    });
    const { response } = answer;
    const body = checked(submitResponseSchema, parsed(answer), response.status);
    const replayed = response.headers.get('idempotent-replayed') === 'true';
    return { ...body, replayed };
  }

  async function get(id: string) {
    const ticket = await request<unknown>(ticketPath(id), {
      context: { ticketId: id },
    });
    return agent ? ticket : checked(publicTicketSchema, ticket, 200);
  }

  async function change(path: string, call: Call): Promise<Result> {
    const result = await request<Result>(path, call);
    if (!agent) checked(publicTicketSchema, result?.ticket, 200);
    return result;
  }

  const message = (
    id: string,
    body: string,
    visibility: string,
    version?: number,
  ) =>
    change(`${ticketPath(id)}/messages`, {
      method: 'POST',
      body: { body, visibility },
      headers: version === undefined ? {} : { 'if-match': `"${version}"` },
      context: { ticketId: id, expectedVersion: version },
      retry: version !== undefined,
    });

  return {
    submit,
    get: get as HttpDesk['get'],
    list: (query = {}) => request(`/tickets${queryString(query)}`),
    execute: (id, command, { expectedVersion }) =>
      change(`${ticketPath(id)}/commands`, {
        method: 'POST',
        body: command,
        headers: { 'if-match': `"${expectedVersion}"` },
        context: { ticketId: id, expectedVersion },
        retry: true,
      }),
    reply: (id, body, opts = {}) =>
      message(id, body, 'public', opts.expectedVersion),
    note: (id, body, opts = {}) =>
      message(id, body, 'internal', opts.expectedVersion),
    events: async (id) =>
      (await request<{ events: [] }>(`${ticketPath(id)}/events`)).events,
    createAgent: (input) => request('/agents', { method: 'POST', body: input }),
    listAgents: async () => (await request<{ items: [] }>('/agents')).items,
    getRequester: (id) => request(`/requesters/${encodeURIComponent(id)}`),
    createTeam: async (input) =>
      (
        await request<{ team: never }>('/teams', {
          method: 'POST',
          body: input,
        })
      ).team,
    listTeams: async () => (await request<{ items: [] }>('/teams')).items,
    streamUrl: (id) => {
      const token = options.accessToken;
      const query = token ? `?access_token=${encodeURIComponent(token)}` : '';
      return `${base}${ticketPath(id)}/stream${query}`;
    },
  };
}
