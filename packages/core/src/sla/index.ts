/**
 * SLA policies, business calendars and durable timers.
 *
 * @packageDocumentation
 */
export * from './business-calendar.js';
export * from './calendar-schema.js';
export { advanceSla, type SlaStep, type SlaTrigger } from './clocks.js';
export * from './duration.js';
export * from './explain.js';
export * from './explain-schema.js';
export * from './ics.js';
export { elapsedAt, locate } from './locate.js';
export * from './policy-schema.js';
export * from './registry.js';
export * from './scheduler.js';
export { earliest, nextDue, settleSla } from './settle.js';
export * from './state-schema.js';
export { markFired, timersOf } from './timers.js';
export { canonicalZone, type ZoneRules, zoneRules } from './zone.js';
