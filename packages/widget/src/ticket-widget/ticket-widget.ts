import { LitElement, type PropertyValues, type TemplateResult } from 'lit';
import { extrasStyles } from './extras-view.js';
import { type CaptchaProvider, honeypotStyles } from './honeypot.js';
import { DEFAULT_CATEGORIES, parseCategories } from './labels.js';
import { launcherStyles, type WidgetMode } from './launcher.js';
import type { PrefillValues } from './prefill.js';
import { styles } from './styles.js';
import { trackingStyles } from './tracking-styles.js';
import { createWidgetParts } from './widget-parts.js';

/**
 * A help-desk form for requesters: submit a ticket, then follow it live
 * and reply, against the Ticketry HTTP API at `endpoint`.
 *
 * @summary Submit and track IT support tickets.
 *
 * @fires ticket-submitted - A ticket was created. Detail: `{ id, ref }`.
 * @fires ticket-updated - The ticket on screen changed after it was first
 *   loaded (stream, poll, or the requester's reply, accept, reject or
 *   rating). Detail: the public ticket.
 * @fires ticket-error - A call failed; the widget also shows it. Detail:
 *   `{ code, message }`.
 *
 * @csspart base - The wrapper of everything inside: the visible box, with
 *   the widget's `lang` and `dir`.
 * @csspart nav - The switch between a new request and My requests.
 * @csspart nav-button - Each button of the switch.
 * @csspart form - The submission form.
 * @csspart field - A label, its control and its error.
 * @csspart label - A field's label.
 * @csspart input - A text or email input.
 * @csspart textarea - A multi-line input.
 * @csspart select - The category select.
 * @csspart error - A field's error message.
 * @csspart alert - A message about a failure no field owns.
 * @csspart optional - The "(optional)" after a label.
 * @csspart button - Every button (each also has its own part below).
 * @csspart submit-button - The button that submits the form.
 * @csspart open-button - Confirmation: opens the new request.
 * @csspart new-button - Confirmation: starts another request.
 * @csspart confirmation - What shows after a submission.
 * @csspart reference - The new ticket's reference.
 * @csspart list-view - My requests.
 * @csspart list - The list of the requester's tickets.
 * @csspart list-item - One ticket in that list.
 * @csspart ticket-button - The button that opens a ticket of the list.
 * @csspart ticket - The tracking view of one ticket.
 * @csspart back-button - Back from a ticket to the list.
 * @csspart forget-button - Removes a ticket that no longer opens.
 * @csspart status - The ticket's status.
 * @csspart pending-reason - Why a pending ticket waits.
 * @csspart expectation - A promised date (also `expectation-first-response`,
 *   `expectation-next-response` or `expectation-resolution`).
 * @csspart resolution - The resolution, once resolved.
 * @csspart conversation - The public messages.
 * @csspart message - One message (also `message-agent` or
 *   `message-requester`).
 * @csspart reply-form - The reply box and its button.
 * @csspart hint - What a reply will do to a resolved or closed ticket.
 * @csspart reply-button - The button that sends a reply.
 * @csspart decision - "Did this solve your problem?" on a resolved ticket.
 * @csspart accept-button - Accepts the resolution (closes the ticket).
 * @csspart reject-button - Opens the reason box to reject the resolution.
 * @csspart reject-form - The reason box and its buttons.
 * @csspart reopen-button - Sends the rejection (reopens the ticket).
 * @csspart cancel-button - Closes the reason box unsent.
 * @csspart rating - The rating section after resolve or close.
 * @csspart rating-current - The rating already given.
 * @csspart rating-form - The stars, the comment and the send button.
 * @csspart stars - The group of five star radio buttons.
 * @csspart star - One star's 44 × 44 label (also `star-on` when chosen
 *   or below the chosen one).
 * @csspart rate-button - Sends the rating.
 * @csspart requester - In place of the email field while identified:
 *   whom the request will be filed for.
 * @csspart identity-note - Under My requests: whose requests an
 *   identified list shows, or why they could not be loaded.
 * @csspart checkbox - A custom checkbox field.
 * @csspart file-input - The file picker for attachments.
 * @csspart progress - The upload progress bar.
 * @csspart notice - The form's status: saved offline, sent later.
 * @csspart launcher-button - Launcher mode: the floating button (56 × 56)
 *   that opens and closes the panel.
 * @csspart panel - Launcher mode: the floating panel around everything
 *   else.
 * @csspart close-button - Launcher mode: the panel's close button.
 * @csspart assistant - The assistant's screen (the `assistant` attribute).
 * @csspart assistant-log - The conversation with the assistant.
 * @csspart assistant-message - One message of it.
 * @csspart assistant-form - The message box and its buttons.
 * @csspart assistant-choice - A choice the assistant offers.
 * @csspart assistant-link - A link the assistant gives.
 * @csspart assistant-send - Sends the message.
 * @csspart assistant-restart - Starts a new conversation.
 * @csspart suggestions - The suggested answers under the description.
 * @csspart suggestion - One suggested answer.
 * @csspart solved-button - "This solved it" on a suggested answer.
 * @csspart need-help-button - "I still need help": hides the suggestions.
 * @csspart suggestions-thanks - The thank-you after "This solved it".
 *
 * @cssprop [--ticket-font-family=system-ui, sans-serif] - Font of the
 *   widget.
 * @cssprop [--ticket-font-size=16px] - Base font size; every size inside
 *   follows it. Not `rem`-based, so the page's root size does not leak in.
 * @cssprop [--ticket-color=#1f2328] - Text colour (dark theme `#e6edf3`).
 * @cssprop [--ticket-muted-color=#59636e] - Secondary text colour (dark
 *   `#9198a1`).
 * @cssprop [--ticket-background=#ffffff] - Background of the widget (dark
 *   `#0d1117`).
 * @cssprop [--ticket-input-background=#ffffff] - Background of the
 *   controls (dark `#151b23`).
 * @cssprop [--ticket-border-color=#818b98] - Borders of the widget and
 *   controls (dark `#656c76`).
 * @cssprop [--ticket-accent-color=#0969da] - Buttons and links (dark
 *   `#4493f8`).
 * @cssprop [--ticket-accent-contrast=#ffffff] - Text on the accent colour
 *   (dark `#0d1117`).
 * @cssprop [--ticket-error-color=#cf222e] - Errors and invalid fields
 *   (dark `#f85149`).
 * @cssprop [--ticket-focus-color=#0969da] - The focus ring (dark
 *   `#4493f8`).
 * @cssprop [--ticket-radius=8px] - Corner radius.
 * @cssprop [--ticket-padding=1em] - Space inside the widget.
 * @cssprop [--ticket-max-width=640px] - Widest the widget grows.
 * @cssprop --ticket-launcher-offset - Launcher mode: distance of the
 *   button and panel from the bottom and inline-end edges. Default 16px.
 * @cssprop --ticket-launcher-z-index - Launcher mode: stacking level of
 *   the button and panel. Default 2147483000.
 * @cssprop --ticket-panel-width - Launcher mode: width of the panel,
 *   capped by the viewport. Default 400px.
 *
 * @example
 * <ticket-widget endpoint="https://help.example.com/api/v1"></ticket-widget>
 * <ticket-widget mode="launcher" endpoint="/api/v1"></ticket-widget>
 */
export class TicketWidget extends LitElement {
  static override styles = [
    styles,
    launcherStyles,
    trackingStyles,
    extrasStyles,
    honeypotStyles,
  ];

  // Properties without a `type` are strings, as their attributes are.
  static override properties = {
    endpoint: {},
    categories: { converter: { fromAttribute: parseCategories } },
    pollInterval: { type: Number, attribute: 'poll-interval' },
    locale: {},
    timeZone: { attribute: 'time-zone' },
    theme: { reflect: true },
    mode: { reflect: true },
    honeypot: {},
    assistant: { type: Boolean, reflect: true },
    noSuggestions: { type: Boolean, attribute: 'no-suggestions' },
  };

  /** Base URL of the Ticketry API, e.g. `https://help.example.com/api/v1`. */
  declare endpoint: string;
  /** Categories offered; the attribute is comma-separated. */
  declare categories: readonly string[];
  /** Milliseconds between polls while the live stream is down. @default 15000 */
  declare pollInterval: number;
  /**
   * Language and locale (BCP 47, e.g. `pt-BR`) to use instead of the one
   * detected from the nearest `lang`, the page and the browser.
   */
  declare locale: string | undefined;
  /** IANA time zone for dates, e.g. `Europe/Berlin`. @default the browser's */
  declare timeZone: string | undefined;
  /** `light` or `dark`; unset follows `prefers-color-scheme`. */
  declare theme: 'light' | 'dark' | undefined;
  /**
   * `inline` sits in the page's flow; `launcher` shows a floating button
   * that opens the widget in a panel. @default 'inline'
   */
  declare mode: WidgetMode;
  /**
   * Name of a hidden field that only bots fill, as the server's
   * `honeypot` option names it; unset renders none.
   */
  declare honeypot: string | undefined;
  /**
   * Offers the support assistant (`POST /assistant/messages`) as a third
   * screen; its code loads only when the requester opens it.
   * @default false
   */
  declare assistant: boolean;
  /**
   * Turns off the suggested answers (`POST /kb/suggest`) offered under
   * the description while the requester types. They are also off when
   * the server has no knowledge base (404). @default false
   */
  declare noSuggestions: boolean;
  /**
   * Returns a fresh CAPTCHA token before each submission (sent as
   * `Ticketry-Captcha`); one that throws stops the submission.
   */
  captchaProvider: CaptchaProvider | null = null;

  #parts = createWidgetParts(this);

  constructor() {
    super();
    this.endpoint = '';
    this.categories = DEFAULT_CATEGORIES;
    this.pollInterval = 15_000;
    this.mode = 'inline';
    this.assistant = false;
    this.noSuggestions = false;
  }

  protected override async scheduleUpdate(): Promise<unknown> {
    if (!this.hasUpdated) await this.#parts.prepare();
    return super.scheduleUpdate();
  }

  /** Settles once a staged first render has drawn all of its steps. */
  protected override async getUpdateComplete(): Promise<boolean> {
    const done = await super.getUpdateComplete();
    const { pending } = this.#parts.first;
    if (!pending) return done;
    await pending;
    return super.getUpdateComplete();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('endpoint')) this.#parts.connect();
    if (changed.has('pollInterval') && this.#parts.tracking.current) {
      this.#parts.tracking.follow();
    }
  }

  /**
   * Opens the panel (launcher mode) and moves focus into it; inline,
   * scrolls the widget into view and focuses its heading.
   */
  open(): Promise<void> {
    return this.#parts.launcher.open();
  }

  /** Closes the panel (launcher mode); focus returns to the button. */
  close(): Promise<void> {
    return this.#parts.launcher.close();
  }

  /**
   * Fills form fields the requester has not edited: built-in ones by
   * name, custom ones under `fields`. What they typed is never
   * overwritten; values for custom fields wait for the form to load,
   * and a fresh form after a submission is filled again.
   *
   * @example
   * widget.prefill({ email: user.email, fields: { asset: 'PC-0042' } });
   */
  prefill(values: PrefillValues): void {
    this.#parts.form.prefill(values);
  }

  /**
   * Identifies the signed-in requester with a token your server signs
   * (`signIdentity` from `@ticketry/adapters/http/server`): My requests
   * then lists all of their tickets, and submissions are filed under
   * them. `null` signs out and forgets those tickets. The token stays in
   * memory only; call again with a fresh one before it expires.
   */
  identify(token: string | null): Promise<void> {
    return this.#parts.identify(token);
  }

  /**
   * Signs the requester out on this device: forgets the identity, the
   * stored ticket tokens, the offline queue and the draft, so whoever
   * uses the browser next finds nothing of theirs. Focus stays put.
   */
  signOut(): Promise<void> {
    return this.#parts.signOut();
  }

  protected override render(): TemplateResult {
    return this.#parts.render();
  }
}
