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
  issuesToErrors,
  newIdempotencyKey,
  validateDraft,
} from './draft.js';
import { type CustomValue, FormExtras } from './form-extras.js';
import { describeIssue, type Localizer } from './i18n/index.js';
import type { Requester } from './identity.js';
import type { OutboxController } from './outbox-controller.js';
import { applyPrefill, type PrefillValues } from './prefill.js';
import { uploadAll } from './upload.js';

/** No errors: a new object each time, as fields edit theirs in place. */
const noErrors = (): DraftErrors => ({ fields: {}, other: [] });

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
  /** Words for a failure, in the widget's language. */
  describe(error: WidgetError): string;
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
  errors: DraftErrors = noErrors();
  /** A failure no field owns: network, server, storage. */
  formError: string | null = null;
  /** A status about the form: saved offline, sent later. */
  notice: string | null = null;
  sending = false;
  /** Custom fields, files and upload progress. */
  readonly extras: FormExtras;
  /** The widget's words, for the form's view too. */
  readonly i18n: Localizer;
  /** Controls the requester edited: `prefill` leaves them alone. */
  #touched = new Set<string>();
  #prefill: PrefillValues = {};
  /** The draft's key and the content it was made for. */
  #key: { key: string; content: string } | null = null;
  readonly #o: SubmissionOptions;
  /** Asks the host to render again. */
  readonly #changed: () => void;

  constructor(
    host: ReactiveControllerHost,
    i18n: Localizer,
    options: SubmissionOptions,
  ) {
    this.i18n = i18n;
    this.extras = new FormExtras(i18n);
    this.#o = options;
    this.#changed = () => host.requestUpdate();
  }

  /** Records a keystroke and clears that field's error. */
  edit(field: FieldName, value: string): void {
    this.draft[field] = value;
    this.#clear(field);
  }

  /** Records a custom field's value (`cf-<name>` is its control id). */
  editCustom(name: string, value: CustomValue): void {
    this.extras.values[name] = value;
    this.#clear(`cf-${name}`);
  }

  /** Takes the chosen files and checks them against the form's rules. */
  setFiles(files: File[]): void {
    this.extras.files = files;
    this.#clear('attachments');
    const problem = this.extras.fileError();
    if (problem) this.errors.fields.attachments = problem;
  }

  /**
   * Fills fields the requester has not edited; see {@link applyPrefill}.
   * Kept, so fields of a form loaded later and the next draft get them.
   */
  prefill(values: PrefillValues): void {
    Object.assign(this.#prefill, values);
    this.#refill();
  }

  /** Applies the kept prefill again, as when the form arrives. */
  #refill(): void {
    applyPrefill(this.draft, this.extras, this.#prefill, this.#touched);
    this.#changed();
  }

  /** Loads the desk's form, then fills its fields from the prefill. */
  async loadForm(api: TicketApi): Promise<void> {
    await this.extras.load(api);
    this.#refill();
  }

  #clear(field: string): void {
    this.#touched.add(field);
    delete this.errors.fields[field];
    this.#changed();
  }

  /**
   * Validates and sends the draft. A call while one is in flight does
   * nothing (`busy`): the flag is set before the first `await`, so a
   * double click cannot send twice.
   */
  async submit(api: TicketApi): Promise<SubmitOutcome> {
    if (this.sending) return { kind: 'busy' };
    const { extras } = this;
    const { describe, outbox } = this.#o;
    const { t, format } = this.i18n;
    const issue: DescribeIssue = (i) => describeIssue(i, t, format);
    const checked = validateDraft(
      this.#filed(),
      issue,
      extras.schema,
      extras.fields(),
    );
    const fileError = extras.fileError();
    this.errors = checked.ok ? noErrors() : checked.errors;
    if (fileError) this.errors.fields.attachments = fileError;
    this.formError = this.notice = null;
    // The host renders a microtask later, so it sees `sending` too.
    this.#changed();
    if (!checked.ok || fileError) return { kind: 'invalid' };
    this.sending = true;

    const submission = checked.value;
    const files = extras.uploads();
    const content = JSON.stringify([submission, files]);
    if (this.#key?.content !== content) {
      this.#key = { key: newIdempotencyKey(), content };
    }
    const { key } = this.#key;
    // The file going up, so that a refused upload can be named.
    let uploading: string | null = null;
    try {
      const ids = await uploadAll(api, files, key, (share, { name }) => {
        uploading = name;
        extras.progress = share;
        this.#changed();
      });
      uploading = null;
      const attachments = ids.length ? ids : undefined;
      const result = await api.submit({ ...submission, attachments }, key);
      this.#fresh();
      return { kind: 'sent', result };
    } catch (caught) {
      const error = toWidgetError(caught);
      const saved =
        error.code === 'NETWORK_ERROR' &&
        (await outbox.save({ key, submission, files }));
      if (saved) {
        this.#fresh();
        return { kind: 'queued' };
      }
      const message = describe(error);
      this.formError = message;
      if (error.issues.length) {
        this.errors = issuesToErrors(error.issues, issue);
      }
      if (uploading) {
        // The picker says which file, and takes the focus.
        this.errors.fields.attachments = extras.uploadError(
          uploading,
          error.code,
          message,
        );
      }
      return { kind: 'failed', error };
    } finally {
      extras.progress = null;
      this.sending = false;
      this.#changed();
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
    this.errors = noErrors();
    this.formError = this.notice = null;
    this.#fresh();
  }

  /** Forgets the last failure message, as when leaving the form. */
  clearFailure(): void {
    this.formError = null;
    this.#changed();
  }
}
