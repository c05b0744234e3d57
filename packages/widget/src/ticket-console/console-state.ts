import { LitElement } from 'lit';
import type { Alert, AllowedCommand, ClassGuess } from './console-api.js';
import type {
  Agent,
  AuditEvent,
  ConsoleView,
  QueueName,
  SlaExplanation,
  Ticket,
} from './console-types.js';
import type { DashboardPeriod } from './dashboard-host.js';
import type { Insight } from './insight.js';
import type { QueueFilters } from './queues.js';
import type { RequesterInfo } from './ticket-load.js';

/** The ticket open in the detail view and what the server said about it. */
export interface OpenTicket {
  ticket: Ticket;
  events: AuditEvent[];
  commands: AllowedCommand[];
  sla: SlaExplanation | null;
  /** Who filed it; loaded once per ticket. */
  requester: RequesterInfo;
  /** The classifier's guess at submission; null without a classifier. */
  guess: ClassGuess | null;
  viewers: string[];
}

/**
 * The reactive state of `<ticket-console>`: its two attributes and what
 * its views read. The behaviour is in `TicketConsole`.
 */
export class ConsoleState extends LitElement {
  static override properties = {
    endpoint: { type: String },
    queue: { type: String },
    view: { state: true, attribute: false },
    agent: { state: true, attribute: false },
    tickets: { state: true, attribute: false },
    cursor: { state: true, attribute: false },
    selected: { state: true, attribute: false },
    filters: { state: true, attribute: false },
    open: { state: true, attribute: false },
    composer: { state: true, attribute: false },
    form: { state: true, attribute: false },
    busy: { state: true, attribute: false },
    error: { state: true, attribute: false },
    announcement: { state: true, attribute: false },
    help: { state: true, attribute: false },
    macros: { state: true, attribute: false },
    dashboard: { state: true, attribute: false },
    period: { state: true, attribute: false },
    insight: { state: true, attribute: false },
    risks: { state: true, attribute: false },
    alerts: { state: true, attribute: false },
  };

  /** The API root, e.g. `/api/v1`. @default '/api/v1' */
  declare endpoint: string;
  /**
   * The queue shown after sign-in: mine, team, unassigned, breaching,
   * all or risk. Left unset, the first of mine, team and unassigned
   * that holds a ticket (mine when all are empty). @default 'mine'
   */
  declare queue: QueueName;
  /** @internal The view on screen. */
  declare view: ConsoleView;
  /** @internal The signed-in agent. */
  declare agent: Agent | null;
  /** @internal The queue's tickets as the server listed them. */
  declare tickets: Ticket[];
  /** @internal The row the keyboard is on. */
  declare cursor: number;
  /** @internal Ticket ids ticked for a bulk action. */
  declare selected: Set<string>;
  /** @internal */
  declare filters: QueueFilters;
  /** @internal */
  declare open: OpenTicket | null;
  /** @internal */
  declare composer: 'reply' | 'note' | null;
  /** @internal The command whose form is open. */
  declare form: string | null;
  /** @internal */
  declare busy: boolean;
  /** @internal */
  declare error: string;
  /** @internal What the live region says. */
  declare announcement: string;
  /** @internal */
  declare help: boolean;
  /** @internal */
  declare macros: { id: string; name: string }[] | null;
  /** @internal The metrics report the dashboard draws. */
  declare dashboard: unknown;
  /** @internal The dashboard's period and why it is that one. */
  declare period: DashboardPeriod | null;
  /** @internal Forecast, at-risk tickets and deflections for the dashboard. */
  declare insight: Insight | null;
  /** @internal Breach risk by ticket id; null when predictions are off. */
  declare risks: Map<string, number> | null;
  /** @internal Possible incidents; null when predictions are off. */
  declare alerts: Alert[] | null;

  constructor() {
    super();
    this.endpoint = '/api/v1';
    this.queue = 'mine';
    this.view = 'sign-in';
    this.agent = null;
    this.tickets = [];
    this.cursor = 0;
    this.selected = new Set();
    this.filters = { priority: '', status: '', text: '', sortByDue: false };
    this.open = null;
    this.composer = null;
    this.form = null;
    this.busy = false;
    this.error = '';
    this.announcement = '';
    this.help = false;
    this.macros = null;
    this.dashboard = null;
    this.period = null;
    this.insight = null;
    this.risks = null;
    this.alerts = null;
  }
}
