import type { Desk } from '../desk/desk.js';
import { TicketryError } from '../errors.js';
import { dayStart, localDay } from '../metrics/buckets.js';
import { isOpenStatus } from '../metrics/ticket-facts.js';
import type { AuditEvent } from '../schemas/event.js';
import { canonicalZone } from '../sla/zone.js';
import { type Anchor, type AsOfMode, createAsOf } from './anchor.js';
import { trainCalibrated } from './calibrate.js';
import { forecastSeries, type SeriesForecast } from './forecast.js';
import {
  createScorer,
  type LogisticModel,
  logisticModelSchema,
  type TrainOptions,
} from './logistic.js';
import { collectExamples, localClock, type RiskOutcome } from './risk.js';
import { foldRisk, type Queues, type RiskFacts } from './risk-facts.js';
import { type ScoringDeps, scoreAt, type TicketRisk } from './score-at.js';
import { createArrivalLog, dailyCounts, type SeriesBy } from './series.js';
import {
  createSurgeDetector,
  type SurgeAlert,
  type SurgeOptions,
} from './surge.js';

/** The record kind and key the trained breach-risk model is kept under. */
export const RISK_MODEL_RECORD = {
  kind: 'predict.risk-model',
  key: 'default',
} as const;

/** Options of {@link createPredictions}. */
export interface PredictionsOptions {
  /** IANA zone of days, hours and weekdays. @default 'UTC' */
  zone?: string;
  /** Snapshot ages the risk model also learns from. @default 4 h, 1 day, 3 days */
  laterAges?: readonly number[];
  /** @default slaOutcome: a missed resolution or first-response target */
  outcome?: RiskOutcome;
  train?: TrainOptions;
  /**
   * The latest share of the history the risk model's probabilities are
   * calibrated on (Platt scaling; 0 for none). @default 0.2
   */
  calibrationHoldout?: number;
  /**
   * What forecasts and risks are made as of: `'now'`, or `'auto'` for a
   * desk holding an old history (a replayed log, a demo): the end of
   * that history while the last four weeks are nearly empty. Answers
   * say which. @default 'now'
   */
  asOf?: AsOfMode;
  /** Retrain this often (a timer, unref'd). @default never */
  refreshEveryMs?: number;
  /** Surge detection. @default by category, threshold 8, shift 3 */
  surges?: SurgeOptions;
  /** Feed page size while catching up. @default 1000 */
  pageSize?: number;
  /** Failures of a scheduled refresh. @default ignored */
  onError?(error: unknown): void;
}

/** A forecast per group, as `GET /forecast` answers it. */
export interface DeskForecast {
  zone: string;
  by: SeriesBy;
  /** The first forecast day. */
  from: string;
  /** The instant the forecast is made as of (ISO 8601). */
  asOf: string;
  /** `'now'`, or `'history'`: as of the end of an old stored history. */
  basis: Anchor['basis'];
  series: ({ key: string } & SeriesForecast)[];
}

const DAY = 86_400_000;
const dateOf = (day: number) => new Date(day * DAY).toISOString().slice(0, 10);

/**
 * Predictions from a desk's own audit log: volume forecasts with 80%
 * intervals, breach risk of open tickets (a logistic regression trained
 * in process and kept as a store record), and possible-incident alerts
 * when a category arrives faster than forecast.
 *
 * @example
 * const predictions = await createPredictions(desk, { zone: 'Europe/Rome' });
 * predictions.forecast({ days: 7, by: 'category' });
 * await predictions.refresh();
 * predictions.riskQueue().slice(0, 10);
 */
export async function createPredictions(
  desk: Desk,
  options: PredictionsOptions = {},
) {
  const zone = canonicalZone(options.zone ?? 'UTC');
  if (!zone)
    throw new TicketryError(
      'VALIDATION_FAILED',
      `unknown time zone ${options.zone}`,
    );
  const { core } = desk;
  const events: AuditEvent[] = [];
  const arrivals = createArrivalLog();
  const tickets = new Map<string, RiskFacts>();
  const queues: Queues = new Map();
  const surges = createSurgeDetector({
    zone,
    threshold: 8,
    shift: 3,
    ...options.surges,
  });
  let model: LogisticModel | null = null;
  let score: ReturnType<typeof createScorer> | null = null;

  const fold = (event: AuditEvent) => {
    if (event.siteId !== core.siteId) return;
    if (!foldRisk(tickets, queues, event)) return;
    events.push(event);
    arrivals.add(event);
    if (event.type === 'ticket.submitted') {
      const arrival = arrivals.get(event.ticketId);
      if (arrival) surges.add(arrival);
    }
  };
  let buffered: AuditEvent[] | null = [];
  const stop = desk.subscribe((event) =>
    buffered ? buffered.push(event) : fold(event),
  );
  for (let cursor = 0; ; ) {
    const page = await core.store.readFeed(cursor, options.pageSize ?? 1000);
    for (const e of page.events) fold(e);
    cursor = Math.max(cursor, page.cursor);
    if (page.events.length < (options.pageSize ?? 1000)) break;
  }
  for (const e of buffered) fold(e);
  buffered = null;

  const stored = await core.store.getRecord(
    core.siteId,
    RISK_MODEL_RECORD.kind,
    RISK_MODEL_RECORD.key,
  );
  const use = (m: LogisticModel) => {
    model = m;
    score = createScorer(m);
  };
  const parsed = logisticModelSchema.safeParse(stored?.value);
  if (parsed.success) use(parsed.data);

  /** Retrains the risk model on the history and stores it. */
  async function refresh(): Promise<{ examples: number; stored: boolean }> {
    const examples = collectExamples(events, {
      zone: zone!,
      laterAges: options.laterAges ?? [4 * 3_600_000, DAY, 3 * DAY],
      ...(options.outcome && { outcome: options.outcome }),
    }).filter((e) => e.label !== null);
    const positives = examples.filter((e) => e.label === 1).length;
    if (positives === 0 || positives === examples.length)
      return { examples: examples.length, stored: false };
    const trained = trainCalibrated(
      examples.map((e) => ({ ...e, label: e.label! })),
      {
        holdout: options.calibrationHoldout ?? 0.2,
        ...(options.train && { train: options.train }),
      },
    );
    use(trained);
    const was = await core.store.getRecord(
      core.siteId,
      RISK_MODEL_RECORD.kind,
      RISK_MODEL_RECORD.key,
    );
    await core.store.putRecord({
      siteId: core.siteId,
      ...RISK_MODEL_RECORD,
      value: trained,
      expectedVersion: was?.version ?? 0,
      at: core.clock.now().toISOString(),
    });
    return { examples: examples.length, stored: true };
  }

  const timer = options.refreshEveryMs
    ? setInterval(
        () => void refresh().catch((e: unknown) => options.onError?.(e)),
        options.refreshEveryMs,
      )
    : null;
  timer?.unref?.();
  const localOf = localClock(zone);
  const { anchor, stateAt } = createAsOf({
    zone,
    mode: options.asOf ?? 'now',
    now: () => core.clock.now().getTime(),
    arrivals,
    events,
  });

  const scoring: ScoringDeps = {
    tickets,
    queues,
    stateAt,
    localOf,
    now: () => core.clock.now().getTime(),
    score: () => score,
  };

  const risk = (ticketId: string) => scoreAt(scoring, ticketId, anchor());

  function forecast(
    query: { days?: number; by?: SeriesBy } = {},
  ): DeskForecast {
    const days = query.days ?? 7;
    const by = query.by ?? 'all';
    const at = anchor();
    const today = localDay(zone!, at.at);
    const list = arrivals.list();
    const first = list[0] ? localDay(zone!, list[0].at) : today;
    const start = Math.max(first, today - 7 * 16);
    const from = dayStart(zone!, start);
    const series = dailyCounts(list, zone!, from, dayStart(zone!, today), by);
    const next = Array.from({ length: days }, (_, i) => dateOf(today + i));
    const out = [...series.counts].map(([key, y]) => ({
      key,
      ...forecastSeries(y, next),
    }));
    out.sort((a, b) => (b.week?.expected ?? 0) - (a.week?.expected ?? 0));
    return {
      zone: zone!,
      by,
      from: next[0]!,
      asOf: new Date(at.at).toISOString(),
      basis: at.basis,
      series: out,
    };
  }

  return {
    forecast,
    risk,
    /**
     * Open tickets, riskiest first (a breached one scores 1, so those
     * lead); empty until a model is trained. As
     * of an old history's end: the tickets open then, and those opened
     * since that are open now.
     */
    riskQueue(limit = 100): TicketRisk[] {
      const at = anchor();
      const now = [...tickets.values()];
      const pool =
        at.basis === 'history'
          ? [
              ...stateAt(at.at).tickets.values(),
              ...now.filter((t) => t.facts.createdAt > at.at),
            ]
          : now;
      const open = pool.filter((t) => isOpenStatus(t.facts.status));
      const scored = open
        .map((t) => scoreAt(scoring, t.facts.id, at))
        .filter((r): r is TicketRisk => r !== null);
      return scored.sort((a, b) => b.risk - a.risk).slice(0, limit);
    },
    refresh,
    /** Possible incidents raised so far, latest first (closes hours up to now). */
    alerts(): SurgeAlert[] {
      surges.flush(core.clock.now().getTime());
      return [...surges.alerts].reverse();
    },
    get model() {
      return model;
    },
    stop() {
      stop();
      if (timer) clearInterval(timer);
    },
  };
}

/** Predictions on a desk; see {@link createPredictions}. */
export type Predictions = Awaited<ReturnType<typeof createPredictions>>;
