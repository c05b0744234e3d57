import type { PendingReason, SubmitInput } from '@ticketry/core';
import type { Row } from './source.ts';

/** A team as the log names it; the id is derived, stable across runs. */
export interface TeamRef {
  id: string;
  name: string;
}

/** An agent as the log names it, with the team it appears with. */
export interface AgentRef {
  id: string;
  name: string;
  team: TeamRef;
  /**
   * False when the row left the team out and `team` is a stand-in:
   * then the ticket's own team is kept if the agent is already in it.
   * @default true
   */
  teamRecorded?: boolean;
}

/**
 * What one log row asks of the ticket, before the desk is asked. The
 * steering step turns each intent into commands that fit the ticket's
 * status at that moment (an assignment of a resolved ticket first
 * reopens it, a pause of an assigned one first starts it).
 */
export type Intent =
  | {
      kind: 'triage';
      impact: 'high' | 'medium' | 'low';
      urgency: 'high' | 'medium' | 'low';
      category?: string;
      team?: TeamRef;
    }
  | { kind: 'assign'; agent: AgentRef }
  /** Reach `in_progress`: start, resume or reopen as the status needs. */
  | { kind: 'work' }
  | { kind: 'pend'; reason: PendingReason; note: string }
  | { kind: 'resolve'; code: string; note: string }
  | { kind: 'close' }
  | { kind: 'note'; body: string };

/** An intent at an instant, with the log value it came from. */
export interface Step {
  at: Date;
  intent: Intent;
  /** The source state or activity, shown with refused commands. */
  source: string;
}

/** One case of the log, ready to drive through the desk. */
export interface CasePlan {
  /** The log's case id, kept as the ticket's `externalId`. */
  externalId: string;
  submit: { at: Date; input: SubmitInput };
  steps: Step[];
  /** Rows the mapping could not use, by reason (e.g. state `-100`). */
  skipped: Record<string, number>;
}

/** The names a mapping answers to on the command line. */
export const MAPPING_NAMES = ['servicenow', 'helpdesk'] as const;

/** One of {@link MAPPING_NAMES}. */
export type MappingName = (typeof MAPPING_NAMES)[number];

/** How one log format becomes desk commands. */
export interface ReplayMapping {
  name: MappingName;
  /** Columns the mapping reads; the reader keeps only these. */
  columns: readonly string[];
  /** True when a header looks like this mapping's log. */
  detect(header: readonly string[]): boolean;
  /** The column holding the case id. */
  caseColumn: string;
  /** Turns one case's rows, in file order, into a plan. */
  plan(rows: Row[]): CasePlan;
}

/** Lower-case, dash-separated: `Group 54` becomes `group-54`. */
export function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** Adds one to a counter in a plain record. */
export function bump(counts: Record<string, number>, key: string): void {
  counts[key] = (counts[key] ?? 0) + 1;
}
