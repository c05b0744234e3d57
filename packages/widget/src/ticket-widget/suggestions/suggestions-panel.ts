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
import type { ArticleView } from './article-blocks.js';
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
/** What `POST /kb/suggest` reads at most; longer text is cut here. */
const MAX_SUBJECT = 500;
const MAX_DESCRIPTION = 20_000;
/** Characters of a text shown; the rest is cut with an ellipsis. */
const SHORT = 280;

type State = 'open' | 'dismissed' | 'thanks' | 'off';
type ArticleModule = typeof import('./article-view.js');

/** The article open in the panel. */
interface Reading {
  item: SuggestionItem;
  article: ArticleView | null;
  failed: boolean;
}

const short = (text: string) =>
  text.length > SHORT ? `${text.slice(0, SHORT).trimEnd()}…` : text;

/** The suggestions' state and calls. */
export class SuggestionsPanel {
  items: SuggestionItem[] = [];
  state: State = 'open';
  /** The article shown in place of the list, if any. */
  reading: Reading | null = null;
  /** Every suggestion shown for the current draft. */
  readonly offered = new Set<string>();
  #timer: ReturnType<typeof setTimeout> | undefined;
  #pending: AbortController | null = null;
  /** The article view's chunk, once asked for. */
  #view: Promise<ArticleModule> | null = null;
  #module: ArticleModule | null = null;
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
        {
          subject: subject.slice(0, MAX_SUBJECT),
          description: description.slice(0, MAX_DESCRIPTION),
          locale,
          limit: 3,
        },
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
      const words = SUGGESTIONS_TEXT[this.#d.lang()];
      const n = items.length;
      const said = n === 1 ? words.foundOne : n === 2 ? words.foundTwo : null;
      this.#d.announce(said ?? words.found.replace('{n}', String(n)));
    }
    this.#d.update();
  }

  /** "This solved it": a deflection, a thank-you, an empty form. */
  async solved(item: SuggestionItem): Promise<void> {
    clearTimeout(this.#timer);
    this.#pending?.abort();
    const d = this.#d;
    // The server counts it only when `solvedBy` is among `offered`.
    const others = [...this.offered].filter((id) => id !== item.id);
    const offered = [...others.slice(-19), item.id];
    this.offered.clear();
    this.items = [];
    this.reading = null;
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
    this.reading = null;
    this.#d.update();
    this.#focus('#category');
  }

  #focus(selector: string): void {
    void this.#d
      .settled()
      .then(() =>
        this.#d.root()?.querySelector<HTMLElement>(selector)?.focus(),
      );
  }

  /**
   * Opens an article in place of the list, its title focused: the
   * article view's chunk and the article's blocks load together.
   */
  async read(item: SuggestionItem): Promise<void> {
    const id = encodeURIComponent(item.articleId ?? '');
    const fetch_ = this.#d.fetch ?? globalThis.fetch;
    const answer = fetch_(this.#url(`/kb/articles/${id}/blocks`), {
      credentials: 'omit',
    })
      .then((r) => (r.ok ? r.json() : null))
      .catch(() => null);
    this.#view ??= import('./article-view.js');
    const reading: Reading = { item, article: null, failed: false };
    try {
      this.#module = await this.#view;
    } catch {
      // The chunk did not load (offline): the list stays.
      this.#view = null;
      return;
    }
    this.reading = reading;
    this.#d.update();
    this.#focus('#article-title');
    reading.article = this.#module.articleOf(await answer);
    reading.failed = !reading.article;
    if (this.reading === reading) this.#d.update();
  }

  /** Back to the list, focus on the article's "Read" button. */
  back(): void {
    const id = this.reading?.item.id;
    this.reading = null;
    this.#d.update();
    const i = this.items.findIndex((item) => item.id === id);
    this.#focus(i < 0 ? '#suggestions-heading' : `#suggestion-read-${i}`);
  }

  /** A ticket was submitted: records on it what was offered. */
  async submitted(id: string, token: string): Promise<void> {
    clearTimeout(this.#timer);
    this.#pending?.abort();
    const offered = [...this.offered].slice(-20);
    this.offered.clear();
    this.items = [];
    this.reading = null;
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
    const r = this.reading;
    if (this.state !== 'open' || (!r && !this.items.length)) return nothing;
    adoptStyles(this.#d.root());
    if (r && this.#module) {
      return this.#module.articleSection(html, {
        ...r,
        title: r.item.title,
        lang: this.#d.lang(),
        words: t,
        root: this.#d.root(),
        back: () => this.back(),
        solved: () => void this.solved(r.item),
        needHelp: () => this.dismiss(),
      });
    }
    return html`<section class="suggestions" part="suggestions"
      aria-labelledby="suggestions-heading">
      <h3 id="suggestions-heading" tabindex="-1">${t.heading}</h3>
      <p>${t.intro}</p>
      <ul>${this.items.map((item, i) => this.#item(item, i))}</ul>
      <button type="button" part="button need-help-button"
        @click=${() => this.dismiss()}>${t.needHelp}</button>
    </section>`;
  }

  #item(item: SuggestionItem, i: number): TemplateResult {
    const { html, nothing } = this.#d.lit;
    const t = SUGGESTIONS_TEXT[this.#d.lang()];
    const title = item.type === 'article' ? item.title : t.resolution;
    return html`<li part="suggestion">
      <h4 id=${`suggestion-${i}`}>${title}</h4>
      <p>${short(item.text)}</p>
      <button type="button" part="button solved-button"
        aria-describedby=${`suggestion-${i}`}
        @click=${() => void this.solved(item)}>${t.solved}</button>
      ${
        item.articleId
          ? html`<button type="button" part="button read-button"
        id=${`suggestion-read-${i}`} aria-describedby=${`suggestion-${i}`}
        @click=${() => void this.read(item)}>${t.read}</button>`
          : nothing
      }
    </li>`;
  }
}

/** The panel, for the widget's host of it. */
export function createSuggestionsPanel(
  deps: SuggestionsDeps,
): SuggestionsPanel {
  return new SuggestionsPanel(deps);
}
