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
  /** Retries of a submission after a network error or a 5xx. @default 2 */
  retries?: number;
  /** Milliseconds before the first retry; doubles each time. @default 250 */
  retryDelayMs?: number;
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
  /** `POST /tickets/:id/commands` with If-Match. */
  execute(
    id: string,
    command: CommandInput,
    options: VersionOptions,
  ): Promise<R>;
  /** `POST /tickets/:id/messages`: a public reply. */
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
  /** `POST /teams` (supervisors). */
  createTeam(input: TeamInput): Promise<Team>;
  /** `GET /teams` (supervisors). */
  listTeams(): Promise<Team[]>;
  /** The URL of `GET /tickets/:id/stream`, with the access token. */
  streamUrl(id: string): string;
}

/** A desk called with an agent API key. */
export type AgentHttpDesk = HttpDesk<Ticket, AgentResult>;

/** A desk called with a requester token, or anonymously. */
export type RequesterHttpDesk = HttpDesk<PublicTicket, RequesterResult>;
