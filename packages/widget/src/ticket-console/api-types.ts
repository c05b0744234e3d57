/** The shapes of the API answers the console's client hands its views. */
import type { Agent } from './console-types.js';

/** One command the agent may send now, from the server's lifecycle table. */
export interface AllowedCommand {
  type: string;
  to: string;
  reasons?: string[];
}

/** One day of a forecast: expected tickets and the 80% interval. */
export interface ForecastDay {
  date: string;
  expected: number;
  low: number;
  high: number;
}

/** `GET /forecast`: one series per group ("all" by default). */
export interface Forecast {
  from: string;
  series: { key: string; days: ForecastDay[] }[];
}

/** An open ticket's probability of missing its SLA (0 … 1). */
export interface TicketRisk {
  ticketId: string;
  risk: number;
  priority?: string | null;
  ageHours?: number;
  /** The ticket's reference and subject (servers since 0.x; else absent). */
  ref?: string | null;
  subject?: string | null;
}

/** `GET /requesters/:id`: who filed a ticket. */
export interface RequesterView {
  id: string;
  email: string;
  name: string | null;
}

/** `GET /tickets/:id/suggestion`: the classifier's guess at submission. */
export interface ClassGuess {
  category: string | null;
  confidence: number;
  /** The confidence from which the desk applies the model's category. */
  threshold: number;
  /** The rules that matched (rules decide before the model). */
  rules: unknown[];
  /** The desk triaged the ticket itself, by rule or by the model. */
  applied: boolean;
  reason: string;
}

/**
 * One knowledge base suggestion on a ticket: a published article, or
 * the resolution of a similar resolved ticket (`ticketId`).
 */
export type KbSuggestion =
  | {
      type: 'article';
      id: string;
      articleId: string;
      title: string;
      excerpt: string;
    }
  | {
      type: 'resolution';
      id: string;
      ticketId: string | null;
      code: string;
      text: string;
    };

/** A console session just opened. */
export interface SignedIn {
  token: string;
  expiresAt: string;
  agent: Agent;
}

/**
 * `GET /alerts`: a possible incident, tickets of one group (`by`: a
 * category, team or text cluster; `key`: which one) arriving faster
 * than forecast.
 */
export interface Alert {
  id: string;
  by: string;
  key: string;
  /** When it was raised: epoch ms or ISO 8601 (servers differ). */
  at: number | string;
  /** When the excess began: epoch ms or ISO 8601. */
  since: number | string;
  observed: number;
  expected: number;
  ticketIds: string[];
}

/** `POST /alerts/:id/parent`: `created` false when it existed (200). */
export interface AlertParent {
  parentId: string;
  children: string[];
  created: boolean;
}

/** `POST /tickets/:id/kb-draft`: `existed` true when it was drafted before (200). */
export interface KbDraftAnswer {
  id: string;
  title: string;
  status: string;
  version: number;
  existed: boolean;
}
