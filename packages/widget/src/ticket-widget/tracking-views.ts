/**
 * The tracking views in a chunk of their own
 * (`ticket-widget-tracking-views.js`): one ticket read, followed live,
 * replied to, accepted, rejected and rated. The main file loads it the
 * first time a ticket opens (or My requests shows) and hands it Lit and
 * the helpers it shares with the rest of the widget, so the chunk
 * carries none of them (see tracking-kit.ts).
 */
import type { ReactiveControllerHost } from 'lit';
import { Tracking, type TrackingOptions } from './tracking.js';
import { provideKit, type TrackingKit } from './tracking-kit.js';

/** Gives the chunk its kit, then makes the tracking part of one widget. */
export function createTracking(
  kit: TrackingKit,
  host: ReactiveControllerHost & HTMLElement,
  options: TrackingOptions,
): Tracking {
  provideKit(kit);
  return new Tracking(host, options);
}
