import { queryString, suggestionsOf } from './api-helpers.js';
import type {
  Alert,
  AlertParent,
  AllowedCommand,
  ClassGuess,
  Forecast,
  KbDraftAnswer,
  KbSuggestion,
  RequesterView,
  SignedIn,
  TicketRisk,
} from './api-types.js';
import { type AnswerKind, checkAnswer } from './console-answers.js';
import type { AuditEvent, Ticket } from './console-types.js';

/** A failed call: the API's error code and message, and the status. */
export class ConsoleError extends Error {
  override name = 'ConsoleError';
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

export type {
  Alert,
  AlertParent,
  AllowedCommand,
  ClassGuess,
  Forecast,
  ForecastDay,
  KbDraftAnswer,
  KbSuggestion,
  RequesterView,
  SignedIn,
  TicketRisk,
} from './api-types.js';

/** Filters of a queue, as `GET /tickets` takes them. */
export type ListQuery = Record<string, string | undefined>;

/** The calls the console makes, with the session token once signed in. */
export interface ConsoleApi {
  token: string | null;
  signIn(email: string, password: string): Promise<SignedIn>;
  signOut(): Promise<void>;
  /** `GET /tickets`; `signal` aborts a list no longer wanted. */
  list(query: ListQuery, signal?: AbortSignal): Promise<{ items: Ticket[] }>;
  ticket(id: string): Promise<Ticket>;
  events(id: string): Promise<AuditEvent[]>;
  commands(id: string): Promise<AllowedCommand[]>;
  sla(id: string): Promise<unknown | null>;
  send(id: string, version: number, command: object): Promise<Ticket>;
  message(id: string, body: string, internal: boolean): Promise<Ticket>;
  presence(id: string): Promise<{ agentId: string; name: string }[]>;
  macros(): Promise<{ id: string; name: string }[] | null>;
  applyMacro(id: string, macroId: string): Promise<void>;
  /** `GET /metrics` over `[from, to)`; the whole log when neither is given. */
  metrics(period?: { from?: string; to?: string }): Promise<unknown>;
  /** `GET /forecast` over `days` (overall); null when predictions are off. */
  forecast(days: number): Promise<Forecast | null>;
  /** `GET /risk/queue`: riskiest open tickets; null when predictions are off. */
  riskQueue(limit: number): Promise<TicketRisk[] | null>;
  /** `GET /kb/deflections/count`; null without a knowledge base. */
  deflections(): Promise<number | null>;
  /** `GET /requesters/:id`; null when there is no such requester. */
  requester(id: string): Promise<RequesterView | null>;
  /** `GET /tickets/:id/suggestion`; null without a classifier (404). */
  guess(id: string): Promise<ClassGuess | null>;
  /** `GET /tickets/:id/suggestions`; null without a knowledge base. */
  suggestions(id: string): Promise<KbSuggestion[] | null>;
  /** `POST /tickets/:id/kb-draft`: the draft made from a ticket, or the one before. */
  kbDraft(id: string): Promise<KbDraftAnswer>;
  /** `GET /alerts`: possible incidents; null when predictions are off. */
  alerts(): Promise<Alert[] | null>;
  /** `POST /alerts/:id/parent`: the alert's parent ticket, new or made before. */
  alertParent(id: string): Promise<AlertParent>;
  /** The `text/event-stream` URL of one ticket. */
  streamUrl(id: string): string;
  /** The `text/event-stream` URL of every change on the desk. */
  changesUrl(): string;
}

async function failure(response: Response): Promise<ConsoleError> {
  const body = await response.json().catch(() => null);
  const error = body?.error ?? {};
  return new ConsoleError(
    String(error.code ?? 'HTTP_ERROR'),
    String(error.message ?? `the server answered ${response.status}`),
    response.status,
  );
}

/**
 * The console's client of the Ticketry HTTP API under `endpoint`
 * (`https://desk.example/api/v1`). It sends the session token as a
 * bearer header and never a cookie.
 */
export function createConsoleApi(endpoint: string): ConsoleApi {
  const root = endpoint.replace(/\/+$/, '');
  const api: ConsoleApi = {
    token: null,
    signIn: (email, password) =>
      call(
        '/sessions',
        { method: 'POST', body: { email, password } },
        'session',
      ),
    async signOut() {
      await call('/sessions/current', { method: 'DELETE' }).catch(() => {});
      api.token = null;
    },
    list: (query, signal) =>
      call(`/tickets?${queryString(query)}`, signal ? { signal } : {}, 'page'),
    ticket: (id) => call(`/tickets/${enc(id)}`, {}, 'ticket'),
    events: async (id) =>
      (await call(`/tickets/${enc(id)}/events`, {}, 'events')).events,
    commands: async (id) =>
      (await call(`/tickets/${enc(id)}/commands`, {}, 'commands')).commands,
    sla: (id) => call(`/tickets/${enc(id)}/sla`, {}, 'sla').catch(() => null),
    send: async (id, version, command) =>
      (
        await call(
          `/tickets/${enc(id)}/commands`,
          {
            method: 'POST',
            body: command,
            headers: { 'if-match': `"${version}"` },
          },
          'command',
        )
      ).ticket,
    message: async (id, body, internal) =>
      (
        await call(
          `/tickets/${enc(id)}/messages`,
          {
            method: 'POST',
            body: { body, visibility: internal ? 'internal' : 'public' },
          },
          'command',
        )
      ).ticket,
    presence: async (id) =>
      (
        await call(
          `/tickets/${enc(id)}/presence`,
          { method: 'POST' },
          'presence',
        )
      ).viewers,
    macros: () =>
      call('/automation/macros', {}, 'macros').then(
        (answer) => answer.items,
        () => null,
      ),
    applyMacro: (id, macroId) =>
      call(`/tickets/${enc(id)}/macros/${enc(macroId)}`, { method: 'POST' }),
    metrics: (period = {}) =>
      call(`/metrics?${queryString(period)}`, {}, 'metrics'),
    forecast: (days) =>
      call(`/forecast?days=${days}`, {}, 'forecast').catch(offWhen404),
    riskQueue: (limit) =>
      call(`/risk/queue?limit=${limit}`, {}, 'riskQueue').then(
        (answer) => answer.tickets,
        offWhen404,
      ),
    deflections: () =>
      call('/kb/deflections/count', {}, 'deflections').then(
        (answer) => answer.deflections,
        offWhen404,
      ),
    requester: (id) =>
      call(`/requesters/${enc(id)}`, {}, 'requester').catch(offWhen404),
    guess: (id) =>
      call(`/tickets/${enc(id)}/suggestion`, {}, 'guess').catch(offWhen404),
    suggestions: (id) =>
      call(`/tickets/${enc(id)}/suggestions`, {}, 'suggestions').then(
        (answer) => suggestionsOf(answer.items),
        offWhen404,
      ),
    kbDraft: async (id) => {
      const path = `/tickets/${enc(id)}/kb-draft`;
      const { status, body } = await ask(path, { method: 'POST' }, 'kbDraft');
      return { ...body, existed: status === 200 };
    },
    alerts: () =>
      call('/alerts', {}, 'alerts').then((a) => a.alerts, offWhen404),
    alertParent: async (id) => {
      const path = `/alerts/${enc(id)}/parent`;
      const { status, body } = await ask(
        path,
        { method: 'POST' },
        'alertParent',
      );
      return { ...body, created: status === 201 };
    },
    streamUrl: (id) => `${root}/tickets/${enc(id)}/stream`,
    changesUrl: () => `${root}/changes/stream`,
  };

  /** Calls the API; a JSON answer is checked when `kind` names its shape. */
  async function call(path: string, init: CallInit = {}, kind?: AnswerKind) {
    return (await ask(path, init, kind)).body;
  }

  /** {@link call}, with the answer's status beside its body. */
  async function ask(
    path: string,
    init: CallInit = {},
    kind?: AnswerKind,
    // biome-ignore lint/suspicious/noExplicitAny: answers are read field by field
  ): Promise<{ status: number; body: any }> {
    const headers: Record<string, string> = { ...init.headers };
    if (api.token) headers.authorization = `Bearer ${api.token}`;
    if (init.body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(`${root}${path}`, {
      method: init.method ?? 'GET',
      headers,
      credentials: 'omit',
      cache: 'no-store',
      ...(init.signal && { signal: init.signal }),
      ...(init.body !== undefined && { body: JSON.stringify(init.body) }),
    });
    if (!response.ok) throw await failure(response);
    const { status } = response;
    if (status === 204) return { status, body: null };
    const body = await response.json();
    return { status, body: kind ? checkAnswer(kind, body) : body };
  }
  return api;
}

interface CallInit {
  method?: string;
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

const enc = encodeURIComponent;

/** A feature the server does not serve (404) answers null; others throw. */
function offWhen404(error: unknown): null {
  if (error instanceof ConsoleError && error.status === 404) return null;
  throw error;
}
