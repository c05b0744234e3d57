import { html, nothing, type TemplateResult } from 'lit';
import type { AssistantPanel } from './assistant/assistant-panel.js';
import type { Feedback } from './feedback.js';
import type { Localizer } from './i18n/index.js';
import type { MyTickets } from './my-tickets.js';

/** What the assistant's host reads from the widget. */
export interface AssistantHostOptions {
  host: HTMLElement & { requestUpdate(): void; endpoint: string };
  i18n: Localizer;
  feedback: Feedback;
  tickets: MyTickets;
}

/**
 * Loads the assistant's chunk (`ticket-widget-assistant-panel.js`) the
 * first time the requester opens it, and renders it; until then, a
 * loading line. Lit comes in as an argument, so the chunk shares no
 * code with the main file.
 */
export class AssistantHost {
  #panel: AssistantPanel | null = null;
  #loading: Promise<void> | null = null;
  /** Who the conversation is with (see `IdentityController.owner`). */
  #owner: string | null = null;
  readonly #o: AssistantHostOptions;

  constructor(options: AssistantHostOptions) {
    this.#o = options;
  }

  /** Starts loading the chunk; resolves once the panel shows. */
  load(): Promise<void> {
    const o = this.#o;
    this.#loading ??= import('./assistant/assistant-panel.js').then((m) => {
      this.#panel = m.createAssistantPanel({
        lit: { html, nothing },
        root: () => o.host.shadowRoot,
        endpoint: () => o.host.endpoint,
        identity: () => o.tickets.identity.token,
        t: () => o.i18n.t,
        lang: () => o.i18n.lang,
        announce: (text) => void o.feedback.announce(text),
        update: () => o.host.requestUpdate(),
        keep: (ticket) => {
          o.tickets.keep(ticket);
        },
      });
      o.host.requestUpdate();
    });
    return this.#loading;
  }

  /**
   * The identity changed: when it is someone else (or nobody), their
   * conversation ends and its log goes. The server keys conversations by
   * who sends them, so it would not take the old one further, and the
   * next requester must not read it. A fresh token of the same user
   * keeps the conversation going, unless `always` (as at sign-out).
   */
  reidentify(always = false): void {
    const owner = this.#o.tickets.identity.owner();
    if (owner === this.#owner && !always) return;
    this.#owner = owner;
    this.#panel?.restart();
  }

  /** The panel, or a loading line while its chunk comes in. */
  render(): TemplateResult {
    if (this.#panel) return this.#panel.render();
    void this.load();
    const { t } = this.#o.i18n;
    return html`<section aria-labelledby="assistant-heading">
      <h2 id="assistant-heading" tabindex="-1">${t.assistant.heading}</h2>
      <p role="status">${t.assistant.loading}</p>
    </section>`;
  }
}
