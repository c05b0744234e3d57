/**
 * Predictions from the desk's own history: volume forecasts with
 * prediction intervals, breach risk of open tickets, and
 * possible-incident alerts. In process, no network, no hosted model.
 *
 * @packageDocumentation
 */
export {
  ALERT_PARENT_RECORD_KIND,
  type AlertAcceptance,
  acceptedAlertIds,
  openAlerts,
} from './alert-claims.js';
export { type Anchor, type AsOfMode, anchorOf } from './anchor.js';
export {
  type BacktestOptions,
  type BacktestResult,
  backtest,
} from './backtest.js';
export {
  type CalibratedOptions,
  type Calibration,
  fitPlatt,
  type TimedExample,
  trainCalibrated,
} from './calibrate.js';
export { type CalibrationBin, calibrationTable, rocAuc } from './evaluate.js';
export {
  type ForecastOptions,
  type ForecastPoint,
  forecastSeries,
  type SeriesForecast,
} from './forecast.js';
export {
  createScorer,
  type Features,
  type LogisticModel,
  logisticModelSchema,
  logitOf,
  type TrainOptions,
  trainLogistic,
} from './logistic.js';
export {
  type PointModel,
  type SeasonalOptions,
  seasonalNaive,
  weekdayMean,
  weekdaySeasonal,
} from './model.js';
export {
  createParentForAlert,
  type ParentOptions,
  type ParentResult,
} from './parent.js';
export {
  createPredictions,
  type DeskForecast,
  type Predictions,
  type PredictionsOptions,
  RISK_MODEL_RECORD,
} from './predictor.js';
export {
  collectExamples,
  type Example,
  type ExampleOptions,
  evaluateRisk,
  type RiskEvaluation,
  type RiskOutcome,
} from './risk.js';
export { madeSlaOutcome, type RiskFacts, slaOutcome } from './risk-facts.js';
export { breachedOf, type TicketRisk } from './score-at.js';
export {
  type Arrival,
  type CountSeries,
  createArrivalLog,
  dailyCounts,
  type SeriesBy,
} from './series.js';
export {
  createSurgeDetector,
  type SurgeAlert,
  type SurgeOptions,
} from './surge.js';
export {
  evaluateSurges,
  type Injection,
  inject,
  plannedSpikes,
  runSurges,
  type SurgeEvaluation,
} from './surge-eval.js';
