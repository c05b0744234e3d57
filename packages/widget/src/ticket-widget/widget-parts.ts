import { html, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { createTicketApi, type TicketApi } from './api.js';
import { AssistantHost } from './assistant-host.js';
import { Feedback } from './feedback.js';
import { FirstRender, nextTask } from './first-render.js';
import { FormController } from './form-controller.js';
import type { CaptchaProvider } from './honeypot.js';
import { LocaleController } from './i18n/index.js';
import { LauncherController, type WidgetMode } from './launcher.js';
import { LazyTracking } from './lazy-tracking.js';
import { MyTickets } from './my-tickets.js';
import { Screens } from './screens.js';

/** The element's properties the parts read. */
export interface PartsHost extends ReactiveControllerHost, HTMLElement {
  endpoint: string;
  categories: readonly string[];
  pollInterval: number;
  locale: string | undefined;
  timeZone: string | undefined;
  mode: WidgetMode;
  honeypot: string | undefined;
  captchaProvider: CaptchaProvider | null;
  assistant: boolean;
  noSuggestions: boolean;
}

/**
 * The widget's features, wired to each other and to their element:
 * language, launcher, feedback, My requests, the form, one ticket, and
 * the screens between them. The element only forwards its properties,
 * methods and render here.
 */
export class WidgetParts {
  readonly launcher: LauncherController;
  readonly tracking: LazyTracking;
  readonly form: FormController;
  readonly first: FirstRender;
  #api: TicketApi = createTicketApi('');
  readonly #i18n: LocaleController;
  readonly #feedback: Feedback;
  readonly #tickets: MyTickets;
  readonly #screens: Screens;
  readonly #host: PartsHost;
  readonly #assistant: AssistantHost;
  /** The endpoint connected to; `connect` for the same one does nothing. */
  #connected: string | null = null;

  constructor(host: PartsHost) {
    this.#host = host;
    const api = () => this.#api;
    const i18n = new LocaleController(host);
    const feedback = new Feedback(host, i18n);
    const tickets = new MyTickets(host, api, feedback, i18n);
    const common = { api, i18n, feedback, tickets };
    this.#i18n = i18n;
    this.first = new FirstRender(host);
    this.launcher = new LauncherController(host);
    this.#feedback = feedback;
    this.#tickets = tickets;
    const assistant = new AssistantHost({
      host,
      endpoint: () => host.endpoint,
      i18n,
      feedback,
      tickets,
    });
    this.#assistant = assistant;
    this.#screens = new Screens(host, {
      ...common,
      assistant: () => (host.assistant ? assistant : null),
      tracking: () => this.tracking,
      form: () => this.form,
      categories: () => host.categories,
      honeypot: () => host.honeypot ?? '',
    });
    this.tracking = new LazyTracking(host, {
      ...common,
      pollInterval: () => host.pollInterval,
      back: () => this.#screens.go('list'),
    });
    this.form = new FormController(host, {
      ...common,
      endpoint: () => host.endpoint,
      submitted: (ticket) => this.#screens.confirm(ticket),
      suggest: () => !host.noSuggestions,
    });
  }

  /**
   * What the first render waits for, a task after the one that ran the
   * script (several short tasks instead of one long one): a page in
   * another language, its words (no English, no left-to-right layout,
   * then a swap); then the connection to the endpoint, in a task of its
   * own before the render's.
   */
  async prepare(): Promise<void> {
    await nextTask();
    await this.#i18n.loading();
    if (this.#host.endpoint) this.connect();
    await nextTask();
  }

  /**
   * A new endpoint: a client for it, its stored tickets, its form, and
   * what waits offline for it; an open ticket of the old one closes.
   * Nothing for the endpoint already connected.
   */
  connect(): void {
    const host = this.#host;
    if (this.#connected === host.endpoint) return;
    this.#connected = host.endpoint;
    this.#api = createTicketApi(host.endpoint, {
      identity: () => this.#tickets.identity.token,
      captcha: () => host.captchaProvider?.(),
      trap: () => this.form.trap.fields(host.honeypot ?? ''),
    });
    this.#tickets.connect(host.endpoint);
    if (this.#screens.view === 'ticket') this.#screens.go('list');
    this.form.connect();
  }

  /** See `TicketWidget.identify`. */
  async identify(token: string | null): Promise<void> {
    const before = this.#tickets.identity.token;
    this.#tickets.identify(token);
    this.tracking.reidentify(before, token);
    this.#assistant.reidentify();
    await this.#tickets.refresh();
  }

  /** See `TicketWidget.signOut`. */
  async signOut(): Promise<void> {
    this.#tickets.signOut();
    this.#assistant.clear();
    this.#screens.reset();
    await this.form.clear();
  }

  /** Everything inside the shadow root. */
  render(): TemplateResult {
    const { lang, dir, t } = this.#i18n;
    const { first } = this;
    return this.launcher.wrap(
      (fresh) => {
        if (fresh) first.begin(this.#host.mode !== 'launcher');
        return html`<div part="base" class="root" lang=${lang} dir=${dir}
          ?hidden=${first.partial}>
          ${this.#feedback.region()}
          ${this.#screens.render(Boolean(this.#host.endpoint), first.step)}
        </div>`;
      },
      { lang, dir, t },
    );
  }
}
