import type { LIMITS } from '@ticketry/core/public';
import type { html, nothing } from 'lit';
import type { ifDefined } from 'lit/directives/if-defined.js';
import type { live } from 'lit/directives/live.js';
import type { repeat } from 'lit/directives/repeat.js';
import type { toWidgetError } from './api.js';
import type { ticketCheck } from './check/answers.js';
import type { replyCheck } from './check/submission-check.js';
import type { emit } from './events.js';
import type {
  dateFormatter,
  describeIssue,
  en,
  format,
  formatBytes,
} from './i18n/index.js';
import type { describeStatus } from './labels.js';

/**
 * What the tracking chunk (`ticket-widget-tracking-chunk.js`) takes
 * from the main file at run time: Lit and the helpers the rest of the
 * widget uses too. The chunk imports none of them itself, so the bundle
 * holds each once and no shared chunk appears; the modules of the chunk
 * import only types from the main file's modules and read these values
 * through {@link kit} when they run.
 */
export interface TrackingKit {
  readonly html: typeof html;
  readonly nothing: typeof nothing;
  readonly ifDefined: typeof ifDefined;
  readonly live: typeof live;
  readonly repeat: typeof repeat;
  readonly LIMITS: typeof LIMITS;
  readonly toWidgetError: typeof toWidgetError;
  readonly ticketCheck: typeof ticketCheck;
  readonly replyCheck: typeof replyCheck;
  readonly emit: typeof emit;
  readonly dateFormatter: typeof dateFormatter;
  readonly describeIssue: typeof describeIssue;
  readonly en: typeof en;
  readonly format: typeof format;
  readonly formatBytes: typeof formatBytes;
  readonly describeStatus: typeof describeStatus;
}

let provided: TrackingKit | null = null;

/** Hands the chunk its kit; the main file calls it once, at load. */
export function provideKit(value: TrackingKit): void {
  provided = value;
}

/** The kit the main file provided. Throws before {@link provideKit}. */
export function kit(): TrackingKit {
  if (!provided) throw new Error('the tracking chunk has no kit yet');
  return provided;
}
