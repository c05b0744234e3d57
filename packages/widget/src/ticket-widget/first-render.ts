import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** A task of its own: what the browser has waiting (input, a frame) runs first. */
export const nextTask = (): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve));

/**
 * The task after the next frame (or after 100 ms, where no frame comes:
 * a page in the background).
 */
export const afterFrame = (): Promise<void> =>
  new Promise((resolve) => {
    const later = () => setTimeout(resolve);
    requestAnimationFrame(later);
    setTimeout(resolve, 100);
  });

/** The steps of a staged first render; the last one draws everything. */
export const LAST_STEP = 2;

/**
 * The first render of an inline widget's content, in steps of a task
 * each, so that no step blocks the page for long (Total Blocking Time
 * at 4× CPU throttling, bench/widget.ts): step 0 draws the shell (the
 * wrapper, the live region, the switch between the screens) and
 * prepares Lit, step 1 the top of the screen (the form's first
 * fields), step 2 the rest. The content stays hidden
 * (`hidden` on the wrapper) until the last step, so the page sees it
 * appear once, at its full height: no layout shift, no half-drawn form.
 * `updateComplete` waits for the last step.
 *
 * In launcher mode the content renders at the first open, in one go:
 * the panel is painted in the frame after `open()`, with its content.
 */
export class FirstRender implements ReactiveController {
  /** How far the content has rendered; {@link LAST_STEP} is all. */
  step = LAST_STEP;
  /** Settles after the last step's update; null when not staging. */
  pending: Promise<void> | null = null;
  #finish: (() => void) | null = null;
  #timer: ReturnType<typeof setTimeout> | undefined;
  readonly #host: ReactiveControllerHost;

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
    host.addController(this);
  }

  /**
   * Starts the steps at the first render of the content, when `staged`;
   * otherwise the content renders whole. Call once, before that render.
   */
  begin(staged: boolean): void {
    if (!staged) return;
    this.step = 0;
    this.pending = new Promise((resolve) => {
      this.#finish = resolve;
    });
  }

  /** Whether the content is still drawn in part (and kept hidden). */
  get partial(): boolean {
    return this.step < LAST_STEP;
  }

  hostUpdated(): void {
    if (!this.pending || this.#timer !== undefined) return;
    if (this.step >= LAST_STEP) {
      this.pending = null;
      this.#finish?.();
      return;
    }
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      this.step++;
      this.#host.requestUpdate();
    });
  }

  hostDisconnected(): void {
    // Taken out of the page before the end: the rest draws at once when
    // it comes back, and nobody waits for steps that will not come.
    if (this.#timer === undefined) return;
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.step = LAST_STEP;
    this.#host.requestUpdate();
  }
}
