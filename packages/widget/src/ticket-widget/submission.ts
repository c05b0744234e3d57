import type { ReactiveController, ReactiveControllerHost } from 'lit';
import {
  type SubmitResult,
  type TicketApi,
  toWidgetError,
  type WidgetError,
} from './api.js';
import {
  type Draft,
  type DraftErrors,
  emptyDraft,
  type FieldName,
  fingerprint,
  issuesToErrors,
  newIdempotencyKey,
  validateDraft,
} from './draft.js';

const NO_ERRORS: DraftErrors = { fields: {}, other: [] };

/** How one press of the submit button ended. */
export type SubmitOutcome =
  | { kind: 'busy' }
  | { kind: 'invalid' }
  | { kind: 'failed'; error: WidgetError }
  | { kind: 'sent'; result: SubmitResult };

/**
 * The draft of a submission and its life: field edits, validation with
 * the server's schema, one request at a time, and one `Idempotency-Key`
 * per draft. The key is kept for retries and double clicks of the same
 * content, replaced when the content changes, and dropped after a
 * success. The host re-renders on every change.
 */
export class SubmissionController implements ReactiveController {
  draft: Draft = emptyDraft();
  errors: DraftErrors = NO_ERRORS;
  /** A failure no field owns: network, server, storage. */
  formError: string | null = null;
  sending = false;
  #key: { key: string; fingerprint: string } | null = null;
  readonly #host: ReactiveControllerHost;

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
    host.addController(this);
  }

  hostConnected(): void {}

  /** Records a keystroke and clears that field's error. */
  edit(field: FieldName, value: string): void {
    this.draft = { ...this.draft, [field]: value };
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
    const checked = validateDraft(this.draft);
    this.formError = null;
    if (!checked.ok) {
      this.errors = checked.errors;
      this.#host.requestUpdate();
      return { kind: 'invalid' };
    }
    this.errors = NO_ERRORS;
    this.sending = true;
    this.#host.requestUpdate();

    const print = fingerprint(checked.value);
    if (this.#key?.fingerprint !== print) {
      this.#key = { key: newIdempotencyKey(), fingerprint: print };
    }
    try {
      const result = await api.submit(checked.value, this.#key.key);
      this.#key = null;
      // Keep who is asking; the next request is likely theirs too.
      const { email, name } = this.draft;
      this.draft = { ...emptyDraft(), email, name };
      return { kind: 'sent', result };
    } catch (caught) {
      const error = toWidgetError(caught);
      this.formError = error.message;
      if (error.issues.length) this.errors = issuesToErrors(error.issues);
      return { kind: 'failed', error };
    } finally {
      this.sending = false;
      this.#host.requestUpdate();
    }
  }

  /** Forgets the last failure message, as when leaving the form. */
  clearFailure(): void {
    this.formError = null;
    this.#host.requestUpdate();
  }
}
