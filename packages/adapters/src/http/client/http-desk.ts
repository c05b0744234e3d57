import {
  publicTicketSchema,
  type SubmissionInput,
  submitResponseSchema,
} from '@ticketry/core/public';
import type { ZodMiniType } from 'zod/mini';
import { type ErrorContext, errorFrom, HttpDeskError } from './errors.js';
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
}

type Result = AgentResult | RequesterResult;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function checked<S extends ZodMiniType>(
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
 * status and zod issues. A submission is retried after network errors
 * and 5xx answers with one idempotency key, so it opens one ticket.
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
  if (!options?.baseUrl) {
    throw new TypeError('createHttpDesk: the `baseUrl` option is required');
  }
  const base = options.baseUrl.replace(/\/+$/, '');
  const doFetch = options.fetch ?? ((...args) => globalThis.fetch(...args));
  const retries = options.retries ?? 2;
  const retryDelayMs = options.retryDelayMs ?? 250;
  const secret = options.apiKey ?? options.accessToken;
  const agent = options.apiKey !== undefined;
  const ticketPath = (id: string) => `/tickets/${encodeURIComponent(id)}`;

  async function send(path: string, call: Call = {}): Promise<Response> {
    const headers: Record<string, string> = { ...call.headers };
    if (secret) headers.authorization = `Bearer ${secret}`;
    if (call.body !== undefined) headers['content-type'] = 'application/json';
    return doFetch(`${base}${path}`, {
      method: call.method ?? 'GET',
      headers,
      ...(call.body !== undefined && { body: JSON.stringify(call.body) }),
    });
  }

  async function request<T>(path: string, call: Call = {}): Promise<T> {
    const response = await send(path, call);
    if (!response.ok) throw await errorFrom(response, call.context);
    return (await response.json()) as T;
  }

  async function submit(
    submission: SubmissionInput,
    opts: HttpSubmitOptions = {},
  ): Promise<HttpSubmitResult> {
    const key = opts.idempotencyKey ?? crypto.randomUUID();
    const call: Call = {
      method: 'POST',
      body: submission,
      headers: { 'idempotency-key': key },
    };
    for (let attempt = 0; ; attempt++) {
      const last = attempt >= retries;
      let response: Response;
      try {
        response = await send('/tickets', call);
      } catch (error) {
        if (last) throw error;
        await sleep(retryDelayMs * 2 ** attempt);
        continue;
      }
      if (response.status >= 500 && !last) {
        await response.body?.cancel();
        await sleep(retryDelayMs * 2 ** attempt);
        continue;
      }
      if (!response.ok) throw await errorFrom(response);
      const body = checked(
        submitResponseSchema,
        await response.json(),
        response.status,
      );
      const replayed = response.headers.get('idempotent-replayed') === 'true';
      return { ...body, replayed };
    }
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
      }),
    reply: (id, body, opts = {}) =>
      message(id, body, 'public', opts.expectedVersion),
    note: (id, body, opts = {}) =>
      message(id, body, 'internal', opts.expectedVersion),
    events: async (id) =>
      (await request<{ events: [] }>(`${ticketPath(id)}/events`)).events,
    createAgent: (input) => request('/agents', { method: 'POST', body: input }),
    listAgents: async () => (await request<{ items: [] }>('/agents')).items,
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
