import type {
  Automation,
  Predictions,
  Relations,
  RoutingService,
  Triage,
} from '@ticketry/core';
import type { AssistantService } from './assistant-service.js';
import type { KbService } from './kb-routes.js';
import type { MailInboundService } from './mail-routes.js';
import type { MetricsService } from './metrics-routes.js';
import type { PeopleServices } from './people-services.js';

/**
 * Optional desk services the HTTP API serves when they are configured:
 * each feature module adds its own field here, and its routes answer
 * 404 FEATURE_OFF-style errors when the field is absent.
 */
export interface HttpServices {
  /** Reserved so the interface is never empty; ignored. */
  readonly _?: never;
  /** Routing (`createRoutingService`): POST /tickets/:id/route. */
  routing?: RoutingService;
  /** Mail intake (`createMailIntake`): POST /mail/inbound. */
  mail?: MailInboundService;
  /**
   * Metrics (`createMetrics`, or `followDesk(desk).metrics`): GET
   * /metrics and /metrics.csv. Absent, they are folded from the desk.
   */
  metrics?: MetricsService;
  /**
   * People (`createOrganizations`, `createWatchers`, `createApprovals`):
   * /organizations, /tickets/:id/watchers, /approvals (org-routes.ts).
   */
  people?: PeopleServices;
  /**
   * Automation (`createAutomation`): /automation/triggers, schedules,
   * macros, deliveries and POST /tickets/:id/macros/:macroId.
   */
  automation?: Automation;
  /**
   * Relations (`createRelations`): /tickets/:id/links, /split and
   * /duplicates; merges completed for the `merge` command.
   */
  relations?: Relations;
  /**
   * Classification (`createTriage`): GET /tickets/:id/suggestion, POST
   * /classify and POST /classifier/train (classify-routes.ts).
   */
  classifier?: Triage;
  /**
   * Knowledge base (`createKnowledgeBase` and a renderer from
   * `@ticketry/adapters/kb`): /kb/articles, /kb/suggest,
   * /kb/deflections, /tickets/:id/kb-draft and /suggestions (kb-routes.ts).
   */
  kb?: KbService;
  /**
   * Predictions (`createPredictions`): GET /forecast, /tickets/:id/risk,
   * /risk/queue, /alerts and POST /alerts/:id/parent (predict-routes.ts).
   */
  predictions?: Predictions;
  /**
   * The support assistant (`createAssistantService`): POST
   * /assistant/messages (assistant-routes.ts).
   */
  assistant?: AssistantService;
}
