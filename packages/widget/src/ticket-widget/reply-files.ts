import type { ReactiveControllerHost } from 'lit';
import { nothing } from 'lit';
import { type TicketApi, toWidgetError } from './api.js';
import { newIdempotencyKey } from './draft.js';
import { filePicker } from './extras-view.js';
import { FormExtras } from './form-extras.js';
import type { Localizer } from './i18n/index.js';
import { uploadAll } from './upload.js';

/** The picker's id; its hint and error are `reply-files-hint`, `-error`. */
const ID = 'reply-files';

/**
 * The files of a reply: the submission form's picker under the reply
 * box, with the rules the desk's form publishes (types, size, count),
 * the same checks and progress bar, and their upload before the reply.
 * Each try uploads under a new Idempotency-Key, which the reply sends
 * too: the server takes only files uploaded under it, and replays no
 * reply, so a retry goes as a new one.
 */
export class ReplyFiles {
  /** The desk's form, the chosen files and the upload's progress. */
  readonly extras: FormExtras;
  readonly i18n: Localizer;
  /** The picker's error, as `fields['reply-files']`. */
  errors = { fields: {} as Partial<Record<string, string>>, other: [] };
  /** The name of the file going up, kept when its upload fails. */
  #failed: string | null = null;
  #api: TicketApi | null = null;
  readonly #changed: () => void;

  constructor(host: ReactiveControllerHost, i18n: Localizer) {
    this.i18n = i18n;
    this.extras = new FormExtras(i18n);
    this.#changed = () => host.requestUpdate();
  }

  /** Reads the desk's form (its attachment rules) once per client. */
  load(api: TicketApi): void {
    if (this.#api === api) return;
    this.#api = api;
    void this.extras.load(api).then(this.#changed);
  }

  /** Takes the chosen files and checks them against the form's rules. */
  setFiles(files: File[]): void {
    this.extras.files = files;
    this.show(this.extras.fileError());
  }

  /** Shows `error` under the picker, or clears it. */
  show(error: string | null): void {
    this.errors.fields[ID] = error ?? undefined;
    this.#changed();
  }

  /** Why the chosen files cannot go (shown), or null. */
  check(): string | null {
    const error = this.extras.fileError();
    this.show(error);
    return error;
  }

  /** The picker, when the desk's form takes files. */
  render() {
    const rules = this.extras.form?.attachments;
    return rules ? filePicker(this, rules, ID) : nothing;
  }

  /**
   * Uploads the chosen files, the progress bar following. Resolves to
   * their ids and the key they went up under (none without files).
   */
  async upload(api: TicketApi) {
    const { extras } = this;
    const files = extras.uploads();
    this.#failed = null;
    if (!files.length) return { ids: [] };
    const key = newIdempotencyKey();
    try {
      const ids = await uploadAll(api, files, key, (share, file) => {
        this.#failed = file.name;
        extras.progress = share;
        this.#changed();
      });
      this.#failed = null;
      return { ids, key };
    } finally {
      extras.progress = null;
      this.#changed();
    }
  }

  /**
   * Shows a failed reply's `message` under the picker when the failure
   * is the files': an upload (the words name the file), or ids the
   * server refused. False when it belongs to the reply box.
   */
  took(error: unknown, message: string): boolean {
    const name = this.#failed;
    const { code, issues } = toWidgetError(error);
    if (!name && issues[0]?.path[0] !== 'attachments') return false;
    this.show(name ? this.extras.uploadError(name, code, message) : message);
    return true;
  }

  /** Empties the picker and forgets errors, as after a sent reply. */
  clear(): void {
    this.extras.reset();
    this.#failed = null;
    this.show(null);
  }
}
