/**
 * Suggested answers under the description, in a chunk of their own
 * (`ticket-widget-suggestions-panel.js`) loaded once the requester has
 * typed a few words. Lit's `html` and `nothing` come in as arguments,
 * so the chunk shares no code with the main file. Titles and texts are
 * rendered as text only.
 */
import type {
  html as litHtml,
  nothing as litNothing,
  TemplateResult,
} from 'lit';
import type { Lang } from '../i18n/locale.js';
import { SUGGESTIONS_TEXT } from '../i18n/suggestions-text.js';
import {
  hasWords,
  type SuggestionItem,
  suggestionsOf,
} from './suggestion-items.js';
import { adoptStyles } from './suggestions-styles.js';

/** What the panel needs from the widget. */
export interface SuggestionsDeps {
  lit: { html: typeof litHtml; nothing: typeof litNothing };
  root(): ShadowRoot | null;
  endpoint(): string;
  lang(): Lang;
  announce(text: string): void;
  update(): void;
  /** Resolves once the widget has rendered the last update. */
  settled(): Promise<unknown>;
  /** Empties the form's draft: the requester needs no ticket. */
  clear(): void;
  /** Milliseconds after the last keystroke. @default 400 */
  delay?: number;
  /** @default globalThis.fetch */
  fetch?: typeof fetch;
}

/** Words needed before the server is asked. */
const MIN_WORDS = 3;
/** Characters of a text shown; the rest is cut with an ellipsis. */
const SHORT = 280;

type State = 'open' | 'dismissed' | 'thanks' | 'off';

const short = (text: string) =>
  text.length > SHORT ? `${text.slice(0, SHORT).trimEnd()}…` : text;

/** The suggestions' state and calls. */
export class SuggestionsPanel {
  items: SuggestionItem[] = [];
  state: State = 'open';
  /** Every suggestion shown for the current draft. */
  readonly offered = new Set<string>();
  #timer: ReturnType<typeof setTimeout> | undefined;
  #pending: AbortController | null = null;
  readonly #d: SuggestionsDeps;

  constructor(deps: SuggestionsDeps) {
    this.#d = deps;
  }

  #url(path: string): string {
    return `${this.#d.endpoint().replace(/\/+$/, '')}${path}`;
  }

  #post(path: string, body: unknown, init: RequestInit = {}) {
    const { headers, ...rest } = init;
    return (this.#d.fetch ?? globalThis.fetch)(this.#url(path), {
      method: 'POST',
      credentials: 'omit',
      ...rest,
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
  }

  /** The draft changed: asks again once typing pauses. */
  typed(subject: string, description: string): void {
    clearTimeout(this.#timer);
    this.#pending?.abort();
    if (this.state === 'off') return;
    if (this.state === 'thanks') this.state = 'open';
    if (!hasWords(`${subject} ${description}`, MIN_WORDS)) {
      this.#show([]);
      return;
    }
    this.#timer = setTimeout(
      () => void this.#ask(subject, description),
      this.#d.delay ?? 400,
    );
  }

  async #ask(subject: string, description: string): Promise<void> {
    const pending = new AbortController();
    this.#pending = pending;
    const locale = this.#d.lang();
    try {
      const response = await this.#post(
        '/kb/suggest',
        { subject, description, locale, limit: 3 },
        { signal: pending.signal },
      );
      // 404: no knowledge base here; the suggestions stay off.
      if (response.status === 404) this.state = 'off';
      const items = response.ok ? suggestionsOf(await response.json()) : [];
      if (!pending.signal.aborted) this.#show(items);
    } catch {
      // Aborted by newer typing, or offline: nothing to show.
    }
  }

  #show(items: SuggestionItem[]): void {
    const before = this.items.length;
    this.items = items;
    const open = this.state === 'open';
    if (open) for (const item of items) this.offered.add(item.id);
    if (open && items.length > 0 && before === 0) {
      const { found } = SUGGESTIONS_TEXT[this.#d.lang()];
      this.#d.announce(found.replace('{n}', String(items.length)));
    }
    this.#d.update();
  }

  /** "This solved it": a deflection, a thank-you, an empty form. */
  async solved(item: SuggestionItem): Promise<void> {
    clearTimeout(this.#timer);
    this.#pending?.abort();
    const d = this.#d;
    const offered = [...this.offered].slice(-20);
    this.offered.clear();
    this.items = [];
    this.state = 'thanks';
    d.clear();
    d.announce(SUGGESTIONS_TEXT[d.lang()].thanks);
    d.update();
    await d.settled();
    d.root()?.querySelector<HTMLElement>('#suggestions-thanks')?.focus();
    const body = { offered, solvedBy: item.id, locale: d.lang() };
    await this.#post('/kb/deflections', body).catch(() => undefined);
  }

  /** "I still need help": hides the suggestions for this draft. */
  dismiss(): void {
    this.state = 'dismissed';
    this.#d.update();
    void this.#d
      .settled()
      .then(() =>
        this.#d.root()?.querySelector<HTMLElement>('#category')?.focus(),
      );
  }

  /** A ticket was submitted: records on it what was offered. */
  async submitted(id: string, token: string): Promise<void> {
    clearTimeout(this.#timer);
    this.#pending?.abort();
    const offered = [...this.offered].slice(-20);
    this.offered.clear();
    this.items = [];
    if (this.state !== 'off') this.state = 'open';
    if (offered.length === 0) return;
    const path = `/tickets/${encodeURIComponent(id)}/kb-offered`;
    await this.#post(
      path,
      { offered },
      { headers: { authorization: `Bearer ${token}` } },
    ).catch(() => undefined);
  }

  /** The suggestions, the thank-you, or nothing. */
  render(): unknown {
    const { html, nothing } = this.#d.lit;
    const t = SUGGESTIONS_TEXT[this.#d.lang()];
    if (this.state === 'thanks') {
      return html`<p id="suggestions-thanks" class="suggestions"
        part="suggestions-thanks" tabindex="-1">${t.thanks}</p>`;
    }
    if (this.state !== 'open' || this.items.length === 0) return nothing;
    adoptStyles(this.#d.root());
    return html`<section class="suggestions" part="suggestions"
      aria-labelledby="suggestions-heading">
      <h3 id="suggestions-heading">${t.heading}</h3>
      <p>${t.intro}</p>
      <ul>${this.items.map((item, i) => this.#item(item, i))}</ul>
      <button type="button" part="button need-help-button"
        @click=${() => this.dismiss()}>${t.needHelp}</button>
    </section>`;
  }

  #item(item: SuggestionItem, i: number): TemplateResult {
    const { html } = this.#d.lit;
    const t = SUGGESTIONS_TEXT[this.#d.lang()];
    const title = item.type === 'article' ? item.title : t.resolution;
    return html`<li part="suggestion">
      <h4 id=${`suggestion-${i}`}>${title}</h4>
      <p>${short(item.text)}</p>
      <button type="button" part="button solved-button"
        aria-describedby=${`suggestion-${i}`}
        @click=${() => void this.solved(item)}>${t.solved}</button>
    </li>`;
  }
}

/** The panel, for the widget's host of it. */
export function createSuggestionsPanel(
  deps: SuggestionsDeps,
): SuggestionsPanel {
  return new SuggestionsPanel(deps);
}
