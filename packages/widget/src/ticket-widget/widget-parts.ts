import { html, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { createTicketApi } from './api.js';
import { AssistantHost } from './assistant-host.js';
import { Feedback } from './feedback.js';
import { FirstRender, nextTask } from './first-render.js';
import { FormController } from './form-controller.js';
import type { CaptchaProvider } from './honeypot.js';
import { LocaleController } from './i18n/index.js';
import { LauncherController, type WidgetMode } from './launcher.js';
import { MyTickets } from './my-tickets.js';
import { Screens } from './screens.js';
import { Tracking } from './tracking.js';

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
export interface WidgetParts {
  readonly launcher: LauncherController;
  readonly tracking: Tracking;
  readonly form: FormController;
  readonly first: FirstRender;
  /**
   * What the first render waits for, a task after the one that ran the
   * script (several short tasks instead of one long one): a page in
   * another language, its words (no English, no left-to-right layout,
   * then a swap); then the connection to the endpoint, in a task of its
   * own before the render's.
   */
  prepare(): Promise<void>;
  /**
   * A new endpoint: a client for it, its stored tickets, its form, and
   * what waits offline for it; an open ticket of the old one closes.
   * Nothing for the endpoint already connected.
   */
  connect(): void;
  /** See `TicketWidget.identify`. */
  identify(token: string | null): Promise<void>;
  /** See `TicketWidget.signOut`. */
  signOut(): Promise<void>;
  /** Everything inside the shadow root. */
  render(): TemplateResult;
}

/** Makes the parts of the widget `host`. */
export function createWidgetParts(host: PartsHost): WidgetParts {
  let api = createTicketApi('');
  /** The endpoint connected to. */
  let connected: string | null = null;
  const i18n = new LocaleController(host);
  const feedback = new Feedback(host, i18n);
  const base = { api: () => api, i18n, feedback };
  const tickets = new MyTickets(host, base);
  const { identity } = tickets;
  const common = { ...base, tickets };
  const first = new FirstRender(host);
  const launcher = new LauncherController(host);
  const assistant = new AssistantHost({ host, ...common });
  const tracking = new Tracking(host, {
    ...common,
    pollInterval: () => host.pollInterval,
    back: () => screens.go('list'),
  });
  const form = new FormController(host, {
    ...common,
    endpoint: () => host.endpoint,
    submitted: (ticket) => screens.confirm(ticket),
    suggest: () => !host.noSuggestions,
  });
  const screens = new Screens(host, { ...common, tracking, form, assistant });
  /** Whether the content has been made once. */
  let drawn = false;

  const connect = () => {
    if (connected === host.endpoint) return;
    connected = host.endpoint;
    api = createTicketApi(connected, {
      identity: () => identity.token,
      captcha: () => host.captchaProvider?.(),
      trap: () => form.trap.fields(host.honeypot ?? ''),
    });
    tickets.connect(connected);
    if (screens.view === 'ticket') screens.go('list');
    form.connect();
  };

  return {
    launcher,
    tracking,
    form,
    first,
    connect,

    async prepare() {
      await nextTask();
      await i18n.loading();
      if (host.endpoint) connect();
      await nextTask();
    },

    async identify(token) {
      const before = identity.token;
      tickets.identify(token);
      // A refusal of the old identity is not about the new one.
      if (before !== token) form.clearFailure();
      tracking.reidentify(before, token);
      assistant.reidentify();
      await tickets.refresh();
    },

    async signOut() {
      tickets.signOut();
      assistant.reidentify(true);
      screens.reset();
      await form.clear();
    },

    render: () =>
      launcher.wrap(() => {
        // Made the first time: in steps inline, at once in the panel.
        if (!drawn) first.begin(host.mode !== 'launcher');
        drawn = true;
        return html`<div part="base" class="root" lang=${i18n.lang}
          dir=${i18n.dir} ?hidden=${first.partial}>
          ${feedback.region()}
          ${screens.render(Boolean(host.endpoint), first.step)}
        </div>`;
      }, i18n),
  };
}
