import type * as core from '@ticketry/core/public';
import type * as lit from 'lit';
import type * as api from './api.js';
import type * as answers from './check/answers.js';
import type * as submission from './check/submission-check.js';
import type * as events from './events.js';
import type * as i18n from './i18n/index.js';
import type * as labels from './labels.js';

/**
 * What the tracking chunk (`ticket-widget-tracking-views.js`) takes
 * from the main file at run time: Lit and the helpers the rest of the
 * widget uses too. The chunk imports none of them itself, so the bundle
 * holds each once and no shared chunk appears; the modules of the chunk
 * import only types from the main file's modules and read these values
 * from this module's bindings, which {@link provideKit} sets.
 */
export interface TrackingKit {
  readonly html: typeof lit.html;
  readonly nothing: typeof lit.nothing;
  readonly LIMITS: typeof core.LIMITS;
  readonly toWidgetError: typeof api.toWidgetError;
  readonly ticketCheck: typeof answers.ticketCheck;
  readonly replyCheck: typeof submission.replyCheck;
  readonly emit: typeof events.emit;
  readonly describeIssue: typeof i18n.describeIssue;
  readonly format: typeof i18n.format;
  readonly formatBytes: typeof i18n.formatBytes;
  readonly describeStatus: typeof labels.describeStatus;
}

/*
 * The kit's values as module bindings, set once by {@link provideKit}:
 * the chunk's modules import them by name like any other import (the
 * bundle then reads one short variable, not a property of an object).
 * None of them is set before the main file calls provideKit.
 */
/** Lit's `html` tag. */
export let html: TrackingKit['html'];
/** Lit's `nothing`. */
export let nothing: TrackingKit['nothing'];
/** The core's text limits. */
export let LIMITS: TrackingKit['LIMITS'];
/** See `toWidgetError` in api.ts. */
export let toWidgetError: TrackingKit['toWidgetError'];
/** See `ticketCheck` in check/answers.ts. */
export let ticketCheck: TrackingKit['ticketCheck'];
/** See `replyCheck` in check/submission-check.ts. */
export let replyCheck: TrackingKit['replyCheck'];
/** See `emit` in events.ts. */
export let emit: TrackingKit['emit'];
/** See `describeIssue` in i18n. */
export let describeIssue: TrackingKit['describeIssue'];
/** See `format` in i18n. */
export let format: TrackingKit['format'];
/** See `formatBytes` in i18n. */
export let formatBytes: TrackingKit['formatBytes'];
/** See `describeStatus` in labels.ts. */
export let describeStatus: TrackingKit['describeStatus'];

/** Hands the chunk its kit; the main file calls it once, at load. */
export function provideKit(value: TrackingKit): void {
  ({
    html,
    nothing,
    LIMITS,
    toWidgetError,
    ticketCheck,
    replyCheck,
    emit,
    describeIssue,
    format,
    formatBytes,
    describeStatus,
  } = value);
}
