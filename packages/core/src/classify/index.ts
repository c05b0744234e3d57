/** Classification and priority: rules, the text model, triage, escalation. */
export {
  type AgeEscalationPolicy,
  ageEscalationPolicySchema,
  ESCALATION_KIND,
  escalateByAge,
} from './escalate.js';
export {
  accuracy as classifierAccuracy,
  calibrationError,
  macroF1,
  precisionAtCoverage,
  type ScoredPrediction,
} from './metrics.js';
export {
  loadModel,
  MODEL_KIND,
  resolvedExamples,
  SUGGESTION_KIND,
  type Suggestion,
  saveModel,
  suggestionSchema,
  ticketText,
} from './model-store.js';
export * from './rules.js';
export * from './text-classifier.js';
export {
  DEFAULT_MAX_REPEATS,
  DEFAULT_MIN_WORDS,
  hasRealText,
  type RetrainOptions,
  retrainOptionsSchema,
  type TrainingSet,
  trainingSet,
} from './training-set.js';
export {
  createTriage,
  type RetrainResult,
  type Triage,
  type TriageOptions,
} from './triage.js';
