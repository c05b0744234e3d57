export type {
  ActionOutcome,
  AutomationMarker,
  Notice,
  Notifier,
} from './actions.js';
export {
  type Automation,
  type AutomationOptions,
  createAutomation,
  type RuleRun,
} from './automation.js';
export { holds, matches } from './conditions.js';
export type { MacroResult } from './macros.js';
export {
  loadRules,
  parseRules,
  RULE_LISTS,
  RULES_KIND,
  type RuleList,
  type StoredRules,
  saveRules,
} from './rules-store.js';
export { FIRING_KIND, type ScheduleRun } from './schedules.js';
export * from './schema.js';
export { fillTemplate, TEMPLATE_FIELDS } from './template.js';
export { type LoopGuard, markerOf, type SkipReason } from './triggers.js';
export * from './webhook.js';
export { checkWebhookUrl, webhookUrlRefusal } from './webhook-url.js';
