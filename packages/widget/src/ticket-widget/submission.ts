import type { ReactiveControllerHost } from 'lit';
import {
  type SubmitResult,
  type TicketApi,
  toWidgetError,
  type WidgetError,
} from './api.js';
import {
  type DescribeIssue,
  type Draft,
  type DraftErrors,
  emptyDraft,
  type FieldName,
  fingerprint,
  issuesToErrors,
  newIdempotencyKey,
  validateDraft,
} from './draft.js';
import { type CustomValue, FormExtras } from './form-extras.js';
import type { Localizer } from './i18n/index.js';
import type { Requester } from './identity.js';
import type { OutboxController } from './outbox-controller.js';
import { applyPrefill, type PrefillValues } from './prefill.js';

const NO_ERRORS: DraftErrors = { fields: {}, other: [] };

/** How one press of the submit button ended. */
export type SubmitOutcome =
  | { kind: 'busy' }
  | { kind: 'invalid' }
  | { kind: 'failed'; error: WidgetError }
  /** No connection: saved in the offline queue, sent when back online. */
  | { kind: 'queued' }
  | { kind: 'sent'; result: SubmitResult };

/** What {@link SubmissionController} needs from the form. */
export interface SubmissionOptions {
  /** Words for failures and field issues, in the widget's language. */
  describe: { error(error: WidgetError): string; issue: DescribeIssue };
  /** Where a submission waits when there is no connection. */
  outbox: OutboxController;
  /** The identified requester: submissions carry their address (and name). */
  requester(): Requester | null;
}

/**
 * The draft of a submission and its life: field edits, validation with
 * the server's schema, one request at a time, and one `Idempotency-Key`
 * per draft. The key is kept for retries and double clicks of the same
 * content, replaced when the content changes, and dropped after a
 * success. The host re-renders on every change.
 */
export class SubmissionController {
  draft: Draft = emptyDraft();
  errors: DraftErrors = NO_ERRORS;
  /** A failure no field owns: network, server, storage. */
  formError: string | null = null;
  /** A status about the form: saved offline, sent later. */
  notice: string | null = null;
  sending = false;
  /** Custom fields, files and upload progress. */
  readonly extras: FormExtras;
  /** Controls the requester edited: `prefill` leaves them alone. */
  #touched = new Set<string>();
  #prefill: PrefillValues = {};
  #key: { key: string; fingerprint: string } | null = null;
  readonly #host: ReactiveControllerHost;
  readonly #o: SubmissionOptions;

  constructor(
    host: ReactiveControllerHost,
    i18n: Localizer,
    options: SubmissionOptions,
  ) {
    this.extras = new FormExtras(i18n);
    this.#host = host;
    this.#o = options;
  }

  /** Records a keystroke and clears that field's error. */
  edit(field: FieldName, value: string): void {
    this.draft = { ...this.draft, [field]: value };
    this.#clear(field);
  }

  /** Records a custom field's value (`cf-<name>` is its control id). */
  editCustom(name: string, value: CustomValue): void {
    this.extras.values = { ...this.extras.values, [name]: value };
    this.#clear(`cf-${name}`);
  }

  /** Takes the chosen files and checks them against the form's rules. */
  setFiles(files: File[]): void {
    this.extras.files = files;
    this.#clear('attachments');
    const problem = this.extras.fileError();
    if (problem) {
      const fields = { ...this.errors.fields, attachments: problem };
      this.errors = { ...this.errors, fields };
    }
  }

  /**
   * Fills fields the requester has not edited; see {@link applyPrefill}.
   * Kept, so fields of a form loaded later and the next draft get them.
   */
  prefill(values: PrefillValues): void {
    this.#prefill = { ...this.#prefill, ...values };
    this.#refill();
  }

  /** Applies the kept prefill again, as when the form arrives. */
  #refill(): void {
    this.draft = applyPrefill(
      this.draft,
      this.extras,
      this.#prefill,
      this.#touched,
    );
    this.#host.requestUpdate();
  }

  /** Loads the desk's form, then fills its fields from the prefill. */
  async loadForm(api: TicketApi): Promise<void> {
    await this.extras.load(api);
    this.#refill();
  }

  #clear(field: string): void {
    this.#touched.add(field);
    if (this.errors.fields[field]) {
      const fields = { ...this.errors.fields };
      delete fields[field];
      this.errors = { ...this.errors, fields };
    }
    this.#host.requestUpdate();
  }

  /**
   * Validates and sends the draft. A call while one is in flight does
   * nothing (`busy`): the flag is set before the first `await`, so a
   * double click cannot send twice.
   */
  async submit(api: TicketApi): Promise<SubmitOutcome> {
    if (this.sending) return { kind: 'busy' };
    const { extras } = this;
    const checked = validateDraft(this.#filed(), this.#o.describe.issue, {
      schema: extras.schema(),
      fields: extras.fields(),
    });
    const fileError = extras.fileError();
    this.formError = null;
    this.notice = null;
    if (!checked.ok || fileError) {
      const errors = checked.ok ? { fields: {}, other: [] } : checked.errors;
      if (fileError) errors.fields.attachments = fileError;
      this.errors = errors;
      this.#host.requestUpdate();
      return { kind: 'invalid' };
    }
    this.errors = NO_ERRORS;
    this.sending = true;
    this.#host.requestUpdate();

    const files = extras.uploads();
    const print = fingerprint(checked.value) + JSON.stringify(files);
    if (this.#key?.fingerprint !== print) {
      this.#key = { key: newIdempotencyKey(), fingerprint: print };
    }
    const { key } = this.#key;
    const changed = () => this.#host.requestUpdate();
    try {
      const ids = await extras.upload(api, files, key, changed);
      const submission = ids.length
        ? { ...checked.value, attachments: ids }
        : checked.value;
      const result = await api.submit(submission, key);
      this.#fresh();
      return { kind: 'sent', result };
    } catch (caught) {
      const error = toWidgetError(caught);
      const saved =
        error.code === 'NETWORK_ERROR' &&
        (await this.#o.outbox.save({ key, submission: checked.value, files }));
      if (saved) {
        this.#fresh();
        return { kind: 'queued' };
      }
      this.formError = this.#o.describe.error(error);
      if (error.issues.length) {
        this.errors = issuesToErrors(error.issues, this.#o.describe.issue);
      }
      return { kind: 'failed', error };
    } finally {
      this.sending = false;
      this.#host.requestUpdate();
    }
  }

  /** The draft as sent: the identity's address and name win. */
  #filed(): Draft {
    const who = this.#o.requester();
    const name = who?.name ?? this.draft.name;
    return who ? { ...this.draft, email: who.email, name } : this.draft;
  }

  /** A suggested answer solved it: a new draft, as after a submission. */
  restart(): void {
    this.#fresh();
    this.#host.requestUpdate();
  }

  /** A new draft: who is asking stays, the rest empties and refills. */
  #fresh(): void {
    this.#key = null;
    const { email, name } = this.draft;
    this.draft = { ...emptyDraft(), email, name };
    this.extras.reset();
    this.#touched = new Set(
      ['email', 'name'].filter((f) => this.#touched.has(f)),
    );
    this.#refill();
  }

  /**
   * Empties everything the form holds, the requester's address and name
   * and the host's prefill included, as at sign-out.
   */
  clear(): void {
    this.#prefill = {};
    this.#touched = new Set();
    this.draft = emptyDraft();
    this.errors = NO_ERRORS;
    this.formError = null;
    this.notice = null;
    this.#fresh();
  }

  /** Forgets the last failure message, as when leaving the form. */
  clearFailure(): void {
    this.formError = null;
    this.#host.requestUpdate();
  }
}
