export * from './attributes.js';
export * from './availability.js';
export * from './chain.js';
export { absence, overCapacity } from './eligibility.js';
export * from './feed-workload.js';
export * from './least-loaded.js';
export { OFFER_KIND, type Offer, QUEUE_KIND } from './offers.js';
export {
  CURSOR_KIND,
  type RoundRobinOptions,
  roundRobin,
} from './round-robin.js';
export * from './service.js';
export * from './skills.js';
export * from './team-rules.js';
export * from './types.js';
export * from './workload.js';
