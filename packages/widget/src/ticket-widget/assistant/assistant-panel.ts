/**
 * The conversational mode of `<ticket-widget>`, in a chunk of its own
 * (`ticket-widget-assistant-panel.js`) loaded the first time the
 * requester opens the assistant. It imports nothing at run time that
 * the main file has: Lit's `html` and `nothing` come in as arguments.
 * Every reply is rendered as text; links only with http or https.
 */
import type {
  html as litHtml,
  nothing as litNothing,
  TemplateResult,
} from 'lit';
import { ASSISTANT_TEXT } from '../i18n/assistant-text.js';
import type { Messages } from '../i18n/en.js';
import type { Lang } from '../i18n/locale.js';
import { adoptStyles } from './assistant-styles.js';
import { type Entry, extra, saidText } from './log-view.js';
import { postMessage } from './post.js';
import type { Answer, Reply } from './replies.js';

/** What the panel needs from the widget. */
export interface AssistantDeps {
  lit: { html: typeof litHtml; nothing: typeof litNothing };
  root(): ShadowRoot | null;
  endpoint(): string;
  /** The identity token, when the host identified the requester. */
  identity(): string | null;
  t(): Messages;
  /** The widget's language, sent so the assistant answers in it. @default 'en' */
  lang?(): string;
  announce(text: string): void;
  update(): void;
  /** Keeps a ticket the assistant opened, for My requests. */
  keep(ticket: { id: string; ref: string; token: string }): void;
  /** @default globalThis.fetch */
  fetch?: typeof fetch;
}

/** The panel's state and its calls. */
export class AssistantPanel {
  entries: Entry[] = [];
  conversationId: string | null = null;
  sending = false;
  error = '';
  readonly #d: AssistantDeps;

  constructor(deps: AssistantDeps) {
    this.#d = deps;
  }

  #post(message: { text: string; choice?: string }): Promise<Answer> {
    const d = this.#d;
    return postMessage(
      {
        endpoint: d.endpoint(),
        token: d.identity(),
        conversationId: this.conversationId,
        locale: d.lang?.() ?? 'en',
        fetch: d.fetch ?? globalThis.fetch,
      },
      message,
    );
  }

  /** Sends a message (or a choice) and shows the replies. */
  async send(text: string, choice?: string): Promise<void> {
    const said = text.trim();
    if (this.sending || (!said && !choice)) return;
    const d = this.#d;
    const mine: Entry = {
      from: 'you',
      reply: { type: 'text', text: said || (choice ?? '') },
    };
    this.entries = [...this.entries, mine];
    this.sending = true;
    this.error = '';
    d.update();
    try {
      const message = { text: said, ...(choice && { choice }) };
      const answer = await this.#post(message).catch((e: { code?: string }) => {
        // An expired conversation starts again with the same message.
        if (e.code !== 'NOT_FOUND' || !this.conversationId) throw e;
        this.conversationId = null;
        return this.#post(message);
      });
      this.conversationId = answer.conversationId;
      this.#heard(answer.replies);
    } catch (e) {
      const code = (e as { code?: string }).code ?? 'UNEXPECTED';
      if (code === 'CONVERSATION_TOO_LONG') return this.#tooLong(mine, said);
      const errors = d.t().errors as Record<string, string>;
      this.error = errors[code] ?? errors.UNEXPECTED ?? '';
      d.announce(this.error);
    } finally {
      this.sending = false;
      d.update();
    }
  }

  /**
   * The server takes no more messages here: the unsent one leaves the
   * log for the message box, and "Start over" gets the focus.
   */
  #tooLong(mine: Entry, said: string): void {
    this.entries = this.entries.filter((e) => e !== mine);
    this.error = this.#words().tooLong;
    this.#d.announce(this.error);
    const input = this.#input();
    if (input && !input.value) input.value = said;
    void Promise.resolve().then(() =>
      this.#d
        .root()
        ?.querySelector<HTMLElement>('[part~="assistant-restart"]')
        ?.focus(),
    );
  }

  #heard(replies: Reply[]): void {
    const d = this.#d;
    this.entries = [
      ...this.entries,
      ...replies.map((reply) => ({ from: 'bot' as const, reply })),
    ];
    for (const r of replies) {
      if (r.type === 'ticket' && r.ticket.accessToken) {
        d.keep({
          id: r.ticket.id,
          ref: r.ticket.ref,
          token: r.ticket.accessToken,
        });
      }
    }
    d.announce(replies.map((r) => r.text).join(' '));
  }

  /** Starts a new conversation. */
  restart(): void {
    this.entries = [];
    this.conversationId = null;
    this.error = '';
    this.#d.update();
  }

  /** The screen's words in the widget's language; the heading is `t`'s. */
  #words() {
    const lang = (this.#d.lang?.() ?? 'en') as Lang;
    const own = ASSISTANT_TEXT[lang] ?? ASSISTANT_TEXT.en;
    return { heading: this.#d.t().assistant.heading, ...own };
  }

  /** The panel. */
  render(): TemplateResult {
    const d = this.#d;
    const { html, nothing } = d.lit;
    const t = this.#words();
    adoptStyles(d.root());
    const last = this.entries.at(-1);
    return html`<section part="assistant" class="assistant" aria-labelledby="assistant-heading">
      <h2 id="assistant-heading" tabindex="-1">${t.heading}</h2>
      <ol part="assistant-log" class="log" aria-label=${t.log}>
        <li class="bot"><span class="who">${t.name}</span><p class="said" dir="auto">${t.greeting}</p></li>
        ${this.entries.map((e) => this.#entry(e, e === last))}
      </ol>
      ${this.sending ? html`<p class="meta">${t.thinking}</p>` : nothing}
      ${this.error ? html`<p class="alert" part="alert" role="alert">${this.error}</p>` : nothing}
      <form part="assistant-form" novalidate @submit=${(ev: Event) => this.#submit(ev)}>
        <label for="assistant-input">${t.yourMessage}</label>
        <textarea id="assistant-input" part="textarea" rows="2" maxlength="2000"
          @keydown=${(ev: KeyboardEvent) => this.#key(ev)}></textarea>
        <div class="actions">
          <button type="submit" class="primary" part="button assistant-send" ?disabled=${this.sending}>${t.send}</button>
          <button type="button" part="button assistant-restart" @click=${() => this.restart()}>${t.restart}</button>
        </div>
      </form>
    </section>`;
  }

  #entry(e: Entry, latest: boolean): TemplateResult {
    const { html } = this.#d.lit;
    const t = this.#words();
    return html`<li part="assistant-message" class=${e.from}>
      <span class="who">${e.from === 'you' ? t.you : t.name}</span>
      ${saidText(this.#d.lit, e)}
      ${extra(this.#d.lit, e.reply, {
        latest,
        sending: this.sending,
        choose: (label, value) => this.#choose(label, value),
      })}
    </li>`;
  }

  #choose(label: string, value: string): void {
    void this.send(label, value);
    this.#focusInput();
  }

  #input(): HTMLTextAreaElement | null | undefined {
    return this.#d
      .root()
      ?.querySelector<HTMLTextAreaElement>('#assistant-input');
  }

  #focusInput(): void {
    this.#input()?.focus();
  }

  #key(ev: KeyboardEvent): void {
    if (ev.key !== 'Enter' || ev.shiftKey || ev.isComposing) return;
    ev.preventDefault();
    (ev.target as HTMLTextAreaElement).form?.requestSubmit();
  }

  #submit(ev: Event): void {
    ev.preventDefault();
    const input = (ev.target as HTMLFormElement).querySelector('textarea');
    if (!input) return;
    const text = input.value;
    input.value = '';
    void this.send(text);
  }
}

/** Makes the panel; the widget calls this once the chunk is in. */
export function createAssistantPanel(deps: AssistantDeps): AssistantPanel {
  return new AssistantPanel(deps);
}
