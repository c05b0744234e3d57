import { html, nothing } from 'lit';
import type { Localizer } from './i18n/index.js';
import type { SuggestionsPanel } from './suggestions/suggestions-panel.js';

/** What the suggestions' host reads from the widget. */
export interface SuggestionsHostOptions {
  host: HTMLElement & {
    requestUpdate(): void;
    updateComplete: Promise<unknown>;
  };
  endpoint(): string;
  i18n: Localizer;
  announce(text: string): void;
  /** Empties the draft after "This solved it". */
  clear(): void;
  /** False with the `no-suggestions` attribute. */
  enabled(): boolean;
}

/** Three words, as the panel asks for before it calls the server. */
const THREE_WORDS = /\S\s+\S+\s+\S/u;

/**
 * Suggested answers while the requester types: loads the chunk
 * `ticket-widget-suggestions-panel.js` once the subject and description
 * hold three words, and hands it every change of them. Lit comes in as
 * an argument, so the chunk shares no code with the main file.
 */
export class SuggestionsHost {
  #panel: SuggestionsPanel | null = null;
  #loading: Promise<SuggestionsPanel> | null = null;
  readonly #o: SuggestionsHostOptions;

  constructor(options: SuggestionsHostOptions) {
    this.#o = options;
  }

  /** The subject or description changed. */
  typed(subject: string, description: string): void {
    const o = this.#o;
    if (!o.enabled()) return;
    if (!this.#panel && !THREE_WORDS.test(`${subject} ${description}`)) return;
    this.#loading ??= import('./suggestions/suggestions-panel.js').then(
      (m) =>
        (this.#panel = m.createSuggestionsPanel({
          lit: { html, nothing },
          root: () => o.host.shadowRoot,
          endpoint: o.endpoint,
          lang: () => o.i18n.lang,
          announce: o.announce,
          update: () => o.host.requestUpdate(),
          settled: () => o.host.updateComplete,
          clear: o.clear,
        })),
    );
    void this.#loading.then((p) => p.typed(subject, description));
  }

  /** The suggestions, once loaded and while there are some. */
  render(): unknown {
    return this.#panel && this.#o.enabled() ? this.#panel.render() : nothing;
  }

  /** A ticket was created: records what it was offered. */
  submitted(id: string, token: string): void {
    void this.#panel?.submitted(id, token);
  }
}
