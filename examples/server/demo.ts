import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  createHttpHandler,
  type HttpServices,
  type RateLimitOptions,
} from '@ticketry/adapters/http/server';
import {
  configureDesk,
  createDesk,
  createRelations,
  createRoutingService,
  type Desk,
  roundRobin,
  type TicketStore,
  teamRules,
} from '@ticketry/core';
import { createReplayClock, replayFile } from '../replay/index.ts';
import { demoAssistant } from './demo-assistant.ts';
import { demoAutomation } from './demo-automation.ts';
import { demoClassifier } from './demo-classify.ts';
import { demoConsoleAccounts } from './demo-console.ts';
import { DEMO_FORM, demoAttachmentStore, UPLOAD_TTL_MS } from './demo-form.ts';
import { demoKnowledgeBase } from './demo-kb.ts';
import { demoMail } from './demo-mail.ts';
import { demoPeople } from './demo-people.ts';
import { demoPredictions } from './demo-predict.ts';
import { demoSla } from './demo-sla.ts';
import { startHttp } from './http.ts';
import { demoIdentityRoute, identitySecret } from './identity.ts';
import { createLogger, type Logger } from './log.ts';
import { staticFiles } from './static.ts';
import { openDemoStore } from './store.ts';

const here = dirname(fileURLToPath(import.meta.url));

/** The real history the demo store starts with. */
export const SAMPLE_LOG = `${here}/../../data/servicenow-uci-incident-log/incident_event_log_sample_every25th.csv`;

/** Options of {@link startDemo}. */
export interface DemoOptions {
  /** @default 8080 */
  port?: number;
  /** SQLite file. @default '.ticketry/demo.sqlite' */
  dbFile?: string;
  /**
   * A PostgreSQL connection string. When given, the store is PostgreSQL
   * instead of SQLite, and several demo processes may share it.
   */
  pgUrl?: string;
  /** The PostgreSQL schema. @default 'ticketry' */
  pgSchema?: string;
  /** How often the desk fires due timers. @default 60000 */
  tickMs?: number;
  /**
   * A JSON file of teams and agents (see `deskConfigSchema`), applied on
   * every start. @default none
   */
  configFile?: string;
  /** Replay the ServiceNow sample into an empty store. @default true */
  seed?: boolean;
  /**
   * The secret host sites sign identity tokens with (at least 32
   * characters). @default a random one for this run
   */
  identitySecret?: string;
  logger?: Logger;
  /**
   * Rate limits on the API (see the adapters README); `npm start` turns
   * them on. @default false
   */
  rateLimit?: boolean | RateLimitOptions;
  /** Let the API log error messages whole (a developer's machine only). @default false */
  debug?: boolean;
  /**
   * Route new tickets to the service desk's agents in turn; an
   * assignment nobody starts within 30 minutes goes back to the queue.
   * @default true
   */
  routing?: boolean;
}

export const DEMO_TEAM = 'service-desk';
export const DEMO_AGENT = 'demo-agent';

/**
 * Replays the sample through a desk of its own, on the same store: its
 * clock shows each log row's instant, and replies to closed history
 * reopen as they did in the source system.
 */
async function seedHistory(store: TicketStore, log: Logger) {
  log.info('replaying the ServiceNow sample into the store', {});
  const clock = createReplayClock();
  const desk = createDesk({
    store,
    clock,
    closedReplyPolicy: 'reopen',
    sla: demoSla(),
  });
  const report = await replayFile(desk, SAMPLE_LOG, { mapping: 'servicenow' });
  log.info('replay done', {
    tickets: report.tickets,
    events: report.events,
    refused: report.commands.refused,
  });
}

async function firstStart(desk: Desk, seed: boolean, log: Logger) {
  const existing = await desk.getAgent(DEMO_AGENT);
  if (existing) return null;
  await desk.createTeam({ id: DEMO_TEAM, name: 'Service desk' });
  await desk.createAgent({
    id: DEMO_AGENT,
    name: 'Demo agent',
    role: 'supervisor',
    teamIds: [DEMO_TEAM],
  });
  const apiKey = await desk.createApiKey(DEMO_AGENT);
  if (seed) await seedHistory(desk.store, log);
  return apiKey;
}

/**
 * Starts the demo: a store holding real history (SQLite, or PostgreSQL
 * shared with other demo processes), the JSON API under /api/v1 and a
 * page with the widget, on 127.0.0.1.
 */
export async function startDemo(options: DemoOptions = {}) {
  const log = options.logger ?? createLogger();
  const opened = await openDemoStore({
    dbFile: options.dbFile ?? '.ticketry/demo.sqlite',
    pgUrl: options.pgUrl,
    pgSchema: options.pgSchema,
    log,
  });
  // SLA policies on every ticket, replayed or new (demo-sla.ts).
  const desk = await opened.serve(
    createDesk({ store: opened.store, sla: demoSla() }),
  );
  const identity = identitySecret(options.identitySecret);
  const dbFile = options.dbFile ?? '.ticketry/demo.sqlite';
  const attachmentStore = demoAttachmentStore(dbFile);
  // Mail intake, and notifications written to .ticketry/outbox (demo-mail.ts).
  // The demo page's address, known once the server listens (port 0).
  let siteUrl = `http://127.0.0.1:${options.port ?? 8080}`;
  const mail = demoMail(desk, dbFile, log, () => siteUrl);
  // Example triggers, schedules and a macro (demo-automation.ts).
  const automation = await demoAutomation(desk, log, DEMO_AGENT);
  // Rules and a text model on new tickets (demo-classify.ts).
  const classifier = await demoClassifier(desk, log, {
    train: options.seed ?? true,
  });
  // Articles seeded on first start, suggestions, deflections (demo-kb.ts).
  const kb = await demoKnowledgeBase(desk, log);
  // An organization, watchers, and `change` tickets needing approval
  // (demo-people.ts); made before routing so the gate runs first.
  const people = await demoPeople(desk, log, DEMO_AGENT);
  // Links, merges that combine threads, split, duplicate suggestions.
  const relations = createRelations(desk, {
    rollUp: 'block',
    onError: (error) => log.error('relations failed', { error }),
  });
  const routing =
    options.routing === false
      ? undefined
      : createRoutingService(desk, {
          router: teamRules({
            rules: [],
            fallbackTeamId: DEMO_TEAM,
            pick: roundRobin(),
          }),
          acceptTimeoutMs: 30 * 60_000,
          // The replayed history (its tickets keep their log number) is
          // left as the log left it; only new tickets are routed.
          routes: (ticket) => !ticket.externalId,
          onError: (error, ticketId) =>
            log.error('routing failed', { ticketId, error }),
        });
  // Filled in once the history is seeded: predictions (demo-predict.ts).
  const services: HttpServices = {
    automation,
    people: people.services,
    mail: mail.service,
    classifier,
    kb,
    relations,
    // The widget's assistant: routine requests, then a ticket (demo-assistant.ts).
    assistant: demoAssistant(options.port || 8080),
    ...(routing && { routing }),
  };
  const api = createHttpHandler({
    desk,
    identity: { secret: identity.secret },
    form: DEMO_FORM,
    attachmentStore,
    // Request lines come from startHttp; the API reports its failures.
    logger: { error: (message, fields) => log.error(message, fields) },
    debug: options.debug ?? false,
    rateLimit: options.rateLimit ?? false,
    services,
  });
  const signDemoUser = demoIdentityRoute(identity.secret);
  const files = staticFiles();
  // Listen first: a busy port fails before the one-time key is made.
  const server = await startHttp({
    port: options.port ?? 8080,
    log,
    handle: (request, info) => {
      const { pathname } = new URL(request.url);
      if (pathname === '/demo/identity') return signDemoUser(request);
      return pathname.startsWith('/api/') ? api(request, info) : files(request);
    },
  }).catch(async (error: unknown) => {
    await opened.close();
    throw error;
  });
  siteUrl = server.url;
  const apiKey = await firstStart(desk, options.seed ?? true, log);
  // The agents' console at /console: accounts made now, passwords shown once.
  const consoleAccounts = await demoConsoleAccounts(desk, DEMO_TEAM);
  const predictions = await demoPredictions(desk, log);
  services.predictions = predictions;
  await people.ensureOrg();
  if (options.configFile) {
    const config = JSON.parse(readFileSync(options.configFile, 'utf8'));
    const { teams, agents } = await configureDesk(desk, config);
    log.info('configuration applied', {
      teams: teams.length,
      agents: agents.length,
    });
  }
  const timer = setInterval(() => {
    desk
      .tick()
      .then((closed) => {
        if (closed.length) log.info('auto-closed', { tickets: closed.length });
      })
      .catch((error) => log.error('tick failed', { error }));
    routing
      ?.sweep()
      .then((routed) => {
        if (routed.length) log.info('re-routed', { tickets: routed.length });
      })
      .catch((error) => log.error('routing sweep failed', { error }));
    automation
      .runSchedules()
      .catch((error) => log.error('schedules failed', { error }));
    const before = new Date(Date.now() - UPLOAD_TTL_MS).toISOString();
    attachmentStore
      .purge(before)
      .catch((error) => log.error('purge failed', { error }));
  }, options.tickMs ?? 60_000);
  timer.unref();
  return {
    url: server.url,
    desk,
    apiKey,
    /** Console accounts made on this start, with their passwords. */
    consoleAccounts,
    /** True when no identity secret was configured and one was made. */
    identitySecretGenerated: identity.generated,
    backend: opened.backend,
    async close() {
      clearInterval(timer);
      predictions.stop();
      mail.notifier.stop();
      await mail.notifier.idle();
      automation.close();
      await automation.idle();
      people.close();
      await people.idle();
      classifier.stop();
      await classifier.idle();
      relations.close();
      kb.knowledgeBase.close();
      await relations.idle();
      routing?.stop();
      await routing?.idle();
      await server.close();
      await opened.close();
    },
  };
}
