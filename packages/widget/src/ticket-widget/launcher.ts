import {
  css,
  html,
  nothing,
  type ReactiveController,
  type ReactiveControllerHost,
  type TemplateResult,
  unsafeCSS,
} from 'lit';
import {
  BUBBLE_PATH,
  CROSS_PATH,
  LAUNCHER_CSS,
} from '../launcher/launcher-css.js';
import { afterFrame } from './first-render.js';
import type { Lang, Messages } from './i18n/index.js';

/** How the widget sits in the page. */
export type WidgetMode = 'inline' | 'launcher';

/**
 * Styles of launcher mode: the button and panel float (the same rules
 * as the tiny launcher's) and the panel is the widget's box, so the
 * content inside loses its own border and padding.
 */
export const launcherStyles = [
  css`
    .panel > .root {
      max-width: none;
      padding: 0;
      background: none;
      border: 0;
    }
  `,
  unsafeCSS(LAUNCHER_CSS),
];

type Host = ReactiveControllerHost & HTMLElement & { mode: WidgetMode };

/** Makes the content. */
export type Content = () => TemplateResult;

/** The language the content is in, for the button and panel. */
export interface Language {
  lang: Lang;
  dir: 'ltr' | 'rtl';
  /** Its messages: `helpDesk` and `closeHelpDesk` name the buttons. */
  t: Messages;
}

/**
 * Open and closed in launcher mode: the button toggles the panel,
 * Escape and the close button close it, and focus goes into the panel on
 * open and back to the button on close.
 */
export class LauncherController implements ReactiveController {
  /** Whether the panel shows; inline widgets ignore it. */
  opened = false;
  /** The panel's content renders from the first open on, not at load. */
  #shown = false;
  readonly #host: Host;
  readonly #onKey = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || !this.opened || !this.#launcher) return;
    event.preventDefault();
    void this.close();
  };

  constructor(host: Host) {
    this.#host = host;
    host.addController(this);
  }

  get #launcher(): boolean {
    return this.#host.mode === 'launcher';
  }

  hostConnected(): void {
    this.#host.addEventListener('keydown', this.#onKey);
  }

  hostDisconnected(): void {
    this.#host.removeEventListener('keydown', this.#onKey);
  }

  /**
   * Shows the panel and moves focus into it; inline, scrolls the widget
   * into view and focuses its heading.
   */
  async open(): Promise<void> {
    this.opened = true;
    this.#shown = true;
    this.#host.requestUpdate();
    await this.#host.updateComplete;
    const root = this.#host.shadowRoot;
    if (!this.#launcher) {
      this.#host.scrollIntoView({ block: 'nearest' });
      root?.querySelector<HTMLElement>('h2[tabindex]')?.focus();
      return;
    }
    // Focus after the frame that paints the panel: focusing now would
    // lay the panel out in this task, on top of rendering it, where the
    // frame lays it out anyway in a task of its own.
    await afterFrame();
    if (this.opened) root?.querySelector<HTMLElement>('.panel')?.focus();
  }

  /** Hides the panel; focus inside it goes back to the button. */
  async close(): Promise<void> {
    if (!this.opened) return;
    const root = this.#host.shadowRoot;
    const panel = root?.querySelector('.panel');
    const inside = !!panel?.contains(root?.activeElement ?? null);
    this.opened = false;
    this.#host.requestUpdate();
    await this.#host.updateComplete;
    if (inside) root?.querySelector<HTMLElement>('.launcher')?.focus();
  }

  /**
   * Wraps the widget's content: unchanged inline, and in launcher mode
   * inside the floating panel, behind the button. `dir` places both at
   * the inline end: bottom right, or bottom left right-to-left. The
   * content is made only when it shows.
   */
  wrap(content: Content, language: Language): TemplateResult {
    if (!this.#launcher) return content();
    const opened = this.opened;
    const { lang, dir, t } = language;
    return html`<button type="button" class="launcher" lang=${lang}
        dir=${dir} part="launcher-button" aria-label=${t.helpDesk}
        aria-expanded=${String(opened)} aria-controls="panel"
        @click=${() => void (opened ? this.close() : this.open())}>
        ${icon(BUBBLE_PATH)}
      </button>
      <div id="panel" class="panel" part="panel" role="dialog" lang=${lang}
        dir=${dir} aria-label=${t.helpDesk} tabindex="-1"
        ?hidden=${!opened}>
        <div class="bar">
          <button type="button" class="close" part="button close-button"
            aria-label=${t.closeHelpDesk} @click=${() => void this.close()}>
            ${icon(CROSS_PATH)}
          </button>
        </div>
        ${this.#shown ? content() : nothing}
      </div>`;
  }
}

function icon(path: string): TemplateResult {
  return html`<svg viewBox="0 0 24 24" aria-hidden="true">
    <path d=${path}></path>
  </svg>`;
}
