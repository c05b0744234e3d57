import { isOpenStatus } from '../metrics/ticket-facts.js';
import type { AuditEvent } from '../schemas/event.js';
import { zoneRules } from '../sla/zone.js';
import { trainCalibrated } from './calibrate.js';
import { type CalibrationBin, calibrationTable, rocAuc } from './evaluate.js';
import {
  createScorer,
  type Features,
  type LogisticModel,
  type TrainOptions,
  trainLogistic,
} from './logistic.js';
import {
  foldRisk,
  type Queues,
  type RiskFacts,
  riskFeatures,
  slaOutcome,
} from './risk-facts.js';

/** A ticket's outcome: 1 missed, 0 met, null not known yet. */
export type RiskOutcome = (risk: RiskFacts) => 0 | 1 | null;

/** Options of {@link collectExamples}. */
export interface ExampleOptions {
  /** IANA zone of the hour and weekday features. @default 'UTC' */
  zone?: string;
  /**
   * How long after opening the first snapshot is taken: the first
   * triage lands a little after the submit. @default 30 minutes
   */
  openingGraceMs?: number;
  /** Later snapshots, by age, of tickets still open then. @default none */
  laterAges?: readonly number[];
  /** @default slaOutcome */
  outcome?: RiskOutcome;
}

/** A snapshot of one ticket: its features at a time, and its outcome. */
export interface Example {
  ticketId: string;
  openedAt: number;
  /** Age at the snapshot; 0 for the snapshot at opening. */
  age: number;
  features: Features;
  label: 0 | 1 | null;
}

/** Local wall-clock time of an instant in a zone, as a UTC-read Date. */
export const localClock = (zone: string) => {
  const rules = zoneRules(zone);
  return (at: number) => new Date(at + rules.offsetAt(at));
};

/**
 * Replays audit events in time order and takes each ticket's features
 * as known shortly after opening (and at later ages), with the queue as
 * it stood then; labels come from the tickets' final facts.
 */
export function collectExamples(
  events: readonly AuditEvent[],
  options: ExampleOptions = {},
): Example[] {
  const grace = options.openingGraceMs ?? 1_800_000;
  const ages = [0, ...(options.laterAges ?? [])];
  const localOf = localClock(options.zone ?? 'UTC');
  const tickets = new Map<string, RiskFacts>();
  const queues: Queues = new Map();
  const due: { at: number; ticketId: string; age: number }[] = [];
  const taken: (Example & { risk: RiskFacts })[] = [];
  const sorted = [...events].sort(
    (a, b) => Date.parse(a.at) - Date.parse(b.at) || a.seq - b.seq,
  );
  let next = 0;
  const snapshot = (until: number) => {
    due.sort((a, b) => a.at - b.at);
    for (; next < due.length && due[next]!.at < until; next++) {
      const d = due[next]!;
      const risk = tickets.get(d.ticketId)!;
      if (d.age > 0 && !isOpenStatus(risk.facts.status)) continue;
      const features = riskFeatures(risk, queues, d.at, localOf);
      const openedAt = risk.facts.createdAt;
      taken.push({
        ticketId: d.ticketId,
        openedAt,
        age: d.age,
        features,
        label: null,
        risk,
      });
    }
    due.splice(0, next);
    next = 0;
  };
  for (const event of sorted) {
    const at = Date.parse(event.at);
    snapshot(at);
    const risk = foldRisk(tickets, queues, event);
    if (risk && event.version === 1) {
      for (const age of ages) {
        due.push({
          at: risk.facts.createdAt + grace + age,
          ticketId: event.ticketId,
          age,
        });
      }
    }
  }
  snapshot(Number.POSITIVE_INFINITY);
  const outcome = options.outcome ?? slaOutcome;
  return taken.map(({ risk, ...example }) => ({
    ...example,
    label: outcome(risk),
  }));
}

/** What {@link evaluateRisk} measures. */
export interface RiskEvaluation {
  train: number;
  test: number;
  /** Share of test tickets that missed. */
  missRate: number;
  auc: number;
  /** AUC of the baseline: each priority's miss rate in training. */
  priorityAuc: number;
  /** Calibration by deciles of the (calibrated) model's predictions. */
  calibration: CalibrationBin[];
  /** The latest share of the training tickets the calibration was fitted on (0: none). */
  holdout: number;
  /** The model trained on all training tickets without calibration, for comparison. */
  uncalibrated: { auc: number; calibration: CalibrationBin[] };
}

/** Scores by the training miss rate of each ticket's priority. */
function priorityBaseline(train: readonly Example[]) {
  const rates = new Map<string, [number, number]>();
  for (const e of train) {
    const key = String(e.features['priority']);
    const [miss, n] = rates.get(key) ?? [0, 0];
    rates.set(key, [miss + (e.label ?? 0), n + 1]);
  }
  return (e: Example) => {
    const [miss, n] = rates.get(String(e.features['priority'])) ?? [0, 0];
    return (miss + 1) / (n + 2);
  };
}

/**
 * Evaluates breach risk at opening: trains on the earliest `trainShare`
 * of tickets by opening time (calibrated on the latest `holdout` of
 * those, see `trainCalibrated`; 0 for none), scores the rest, and
 * reports ROC AUC beside a priority-only baseline, with a calibration
 * table by deciles, and the same for the model without calibration.
 */
export function evaluateRisk(
  examples: readonly Example[],
  trainShare = 0.7,
  train: TrainOptions = {},
  holdout = 0.2,
): RiskEvaluation & { model: LogisticModel } {
  const known = examples
    .filter((e) => e.age === 0 && e.label !== null)
    .sort((a, b) => a.openedAt - b.openedAt);
  const cut = Math.floor(known.length * trainShare);
  const head = known.slice(0, cut);
  const tail = known.slice(cut);
  const raw = createScorer(
    trainLogistic(
      head.map((e) => e.features),
      head.map((e) => e.label!),
      train,
    ),
  );
  const model = holdout
    ? trainCalibrated(
        head.map((e) => ({ ...e, label: e.label! })),
        { holdout, train },
      )
    : trainLogistic(
        head.map((e) => e.features),
        head.map((e) => e.label!),
        train,
      );
  const score = createScorer(model);
  const labels = tail.map((e) => e.label!);
  const scores = tail.map((e) => score(e.features));
  const rawScores = tail.map((e) => raw(e.features));
  const baseline = priorityBaseline(head);
  return {
    train: head.length,
    test: tail.length,
    missRate: labels.reduce<number>((s, l) => s + l, 0) / (labels.length || 1),
    auc: rocAuc(scores, labels),
    priorityAuc: rocAuc(tail.map(baseline), labels),
    calibration: calibrationTable(scores, labels),
    holdout: model.calibration ? holdout : 0,
    uncalibrated: {
      auc: rocAuc(rawScores, labels),
      calibration: calibrationTable(rawScores, labels),
    },
    model,
  };
}
