import type {
  Agent,
  AgentInput,
  AuditEvent,
  CommandInput,
  Team,
  TeamInput,
  Ticket,
  TicketPage,
  TicketQuery,
} from '@ticketry/core';
import type { PublicTicket, SubmissionInput } from '@ticketry/core/public';

/** Options of `createHttpDesk`. */
export interface HttpDeskOptions {
  /** Where the API is mounted, e.g. `https://help.example.com/api/v1`. */
  baseUrl: string;
  /** An agent API key (`tka_…`); takes precedence over `accessToken`. */
  apiKey?: string;
  /** A requester access token (`tkr_…`) for one ticket. */
  accessToken?: string;
  /** @default globalThis.fetch */
  fetch?: typeof fetch;
  /**
   * Retries of a call that may be repeated (reads, keyed submissions,
   * changes with If-Match) after a network error, a time-out or a 408,
   * 425, 429, 500, 502, 503 or 504. @default 2
   */
  retries?: number;
  /**
   * Base of the exponential backoff: retry n waits at most
   * `retryDelayMs · 2^(n−1)`, jittered. @default 250
   */
  retryDelayMs?: number;
  /**
   * Longest wait before a retry. A `Retry-After` asking for more ends
   * the retries instead of being cut short. @default 30000
   */
  maxRetryDelayMs?: number;
  /**
   * `full` waits a random time in [0, backoff]; `equal` waits half the
   * backoff plus a random time in [0, backoff/2]. @default 'full'
   */
  jitter?: 'full' | 'equal';
  /**
   * Time limit of one attempt, answer body included. A time-out is a
   * failure like a lost connection. @default 30000
   */
  timeoutMs?: number;
  /** Called before each wait, for logs and metrics. */
  onRetry?: (event: RetryEvent) => void;
}

/** Why an attempt is tried again. */
export type RetryReason = 'network' | 'timeout' | 'status';

/** What `onRetry` hears before the client waits to try again. */
export interface RetryEvent {
  /** 1 before the first retry. */
  retry: number;
  reason: RetryReason;
  /** The status that failed, when `reason` is `status`. */
  status?: number;
  /** The wait a `Retry-After` asked for, when the client honours one. */
  retryAfterMs?: number;
  /** The wait before the next attempt. */
  delayMs: number;
  method: string;
  /** The path under `baseUrl`, e.g. `/tickets`. */
  path: string;
}

/** How a submission is sent. */
export interface HttpSubmitOptions {
  /** @default a new random key, reused by every retry of this call */
  idempotencyKey?: string;
}

/** A submitted ticket, its access token and whether it was a replay. */
export interface HttpSubmitResult {
  ticket: PublicTicket;
  accessToken: string;
  /** True when the server answered an earlier submission with this key. */
  replayed: boolean;
}

/** The version a change is made against (sent as If-Match). */
export interface VersionOptions {
  expectedVersion: number;
}

/** An agent's view of an accepted change. */
export interface AgentResult {
  ticket: Ticket;
  event: AuditEvent;
}

/**
 * A requester's view of an accepted change. `accessToken` opens the
 * follow-up ticket a reply to a closed ticket may have created.
 */
export interface RequesterResult {
  ticket: PublicTicket;
  accessToken?: string;
}

/** Filters of `list`: the desk's query without `requesterId`. */
export type HttpTicketQuery = Omit<TicketQuery, 'requesterId'>;

/**
 * The desk over HTTP. `V` is what a ticket read returns and `R` what a
 * change returns: full tickets for an API key, public views for a
 * requester token.
 */
export interface HttpDesk<
  V = Ticket | PublicTicket,
  R = AgentResult | RequesterResult,
> {
  /** `POST /tickets`; retried with one idempotency key. */
  submit(
    submission: SubmissionInput,
    options?: HttpSubmitOptions,
  ): Promise<HttpSubmitResult>;
  /** `GET /tickets/:id`. */
  get(id: string): Promise<V>;
  /** `GET /tickets` (agents). */
  list(query?: HttpTicketQuery): Promise<TicketPage>;
  /**
   * `POST /tickets/:id/commands` with If-Match; retried, since the
   * version lets one try land at most. A 412 after a try whose fate is
   * unknown carries `details.maybeApplied: true`.
   */
  execute(
    id: string,
    command: CommandInput,
    options: VersionOptions,
  ): Promise<R>;
  /** `POST /tickets/:id/messages`: a public reply; retried only with a version. */
  reply(
    id: string,
    body: string,
    options?: Partial<VersionOptions>,
  ): Promise<R>;
  /** `POST /tickets/:id/messages` with `visibility: internal` (agents). */
  note(id: string, body: string, options?: Partial<VersionOptions>): Promise<R>;
  /** `GET /tickets/:id/events` (agents). */
  events(id: string): Promise<AuditEvent[]>;
  /** `POST /agents` (supervisors): the agent and its API key. */
  createAgent(input: AgentInput): Promise<{ agent: Agent; apiKey: string }>;
  /** `GET /agents` (supervisors). */
  listAgents(): Promise<Agent[]>;
  /** `GET /requesters/:id` (agents): who filed a ticket. */
  getRequester(id: string): Promise<RequesterView>;
  /** `POST /teams` (supervisors). */
  createTeam(input: TeamInput): Promise<Team>;
  /** `GET /teams` (supervisors). */
  listTeams(): Promise<Team[]>;
  /** The URL of `GET /tickets/:id/stream`, with the access token. */
  streamUrl(id: string): string;
}

/** What agents read of a requester. */
export interface RequesterView {
  id: string;
  email: string;
  name: string | null;
  createdAt: string;
}

/** A desk called with an agent API key. */
export type AgentHttpDesk = HttpDesk<Ticket, AgentResult>;

/** A desk called with a requester token, or anonymously. */
export type RequesterHttpDesk = HttpDesk<PublicTicket, RequesterResult>;
