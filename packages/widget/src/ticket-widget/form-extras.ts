import {
  ATTACHMENT_TYPES,
  type FieldValue,
  type Form,
  hasControlCharacters,
  hasDirectionControls,
  type Submission,
  stripDirectionControls,
} from '@ticketry/core/public';
import type { TicketApi } from './api.js';
import type { Validator } from './check/rules.js';
import { submissionCheckFor } from './check/submission-check.js';
import { formatBytes, type Localizer } from './i18n/index.js';
import type { UploadInput } from './upload.js';

/**
 * True when the server would refuse this file name (trimmed): core's
 * `fileNameProblem` without its reasons, whose words the widget does
 * not ship (form-extras.test.ts holds the two to the same answers).
 */
export const badFileName = (base: string): boolean =>
  /^\.*$/.test(base) ||
  base.length > 200 ||
  hasControlCharacters(base) ||
  /[\t\n\r]/.test(base) ||
  hasDirectionControls(base);

/** A custom field's value as typed: text, or a checkbox's state. */
export type CustomValue = string | boolean;

/**
 * The desk's form beyond the built-in fields: custom field values,
 * chosen files and upload progress. The check comes from the form the
 * server publishes: `submissionCheckFor(form)`, the server's
 * `submissionSchemaFor(form)` rules (check/agree.test.ts holds the two
 * to the same results).
 */
export class FormExtras {
  form: Form | null = null;
  values: Record<string, CustomValue> = {};
  files: File[] = [];
  /** Share of the files' bytes sent, 0 to 1; null when nothing uploads. */
  progress: number | null = null;
  /**
   * The check of a submission: `submissionCheckFor(form)`, the server's
   * `submissionSchemaFor(form)` rules.
   */
  schema: Validator<Submission> = submissionCheckFor(null);
  readonly #i18n: Localizer;

  /** `i18n` words the file errors in the requester's language. */
  constructor(i18n: Localizer) {
    this.#i18n = i18n;
  }

  /** Fetches the form; without one (old server, offline) none is shown. */
  async load(api: TicketApi): Promise<void> {
    const form = await api.form().catch(() => null);
    this.form = form;
    this.schema = submissionCheckFor(form);
  }

  /**
   * The `fields` of the submission: typed text as is (the schema trims),
   * a checked box as `true`; empty optional values left out. A required
   * box left unchecked is sent as `false`, so its error shows.
   */
  fields(): Record<string, FieldValue> | undefined {
    if (!this.form) return undefined;
    const out: Record<string, FieldValue> = {};
    for (const field of this.form.fields) {
      const value = this.values[field.name];
      if (field.kind === 'checkbox') {
        if (value === true || field.required) out[field.name] = value === true;
      } else if (typeof value === 'string' && value.trim()) {
        out[field.name] = value;
      }
    }
    return out;
  }

  /** The type the form accepts a file as, from its type or its name. */
  typeOf(file: File): string | null {
    const allowed: readonly string[] = this.form?.attachments?.types ?? [];
    if (allowed.includes(file.type)) return file.type;
    const name = file.name.toLowerCase();
    return (
      allowed.find((type) =>
        (ATTACHMENT_TYPES as Record<string, readonly string[]>)[type]?.some(
          (ending) => name.endsWith(ending),
        ),
      ) ?? null
    );
  }

  /** Why the chosen files cannot go, checked before any upload. */
  fileError(): string | null {
    const { files } = this;
    const rules = this.form?.attachments;
    const i18n = this.#i18n;
    const words = i18n.t.submitting;
    if (!files.length) return null;
    if (!rules || files.length > rules.maxFiles) {
      return i18n.format(words.tooMany, { count: rules?.maxFiles ?? 0 });
    }
    for (const file of files) {
      const { name } = file;
      if (badFileName(name.trim())) {
        return i18n.format(words.badName, {
          name: stripDirectionControls(name),
        });
      }
      if (!this.typeOf(file)) return i18n.format(words.badType, { name });
      if (!file.size) return i18n.format(words.empty, { name });
      if (file.size > rules.maxBytes) {
        const size = formatBytes(rules.maxBytes, i18n);
        return i18n.format(words.tooBig, { name, size });
      }
    }
    return null;
  }

  /**
   * Why the upload of `name` failed: a 422 is the server finding that
   * its bytes are not of a type the form takes (names, sizes and empty
   * files are caught before), anything else is said as `message`.
   */
  uploadError(name: string, code: string, message: string): string {
    const { t, format } = this.#i18n;
    return code === 'VALIDATION_FAILED'
      ? format(t.submitting.badType, { name })
      : format(t.submitting.uploadFailed, { name, message });
  }

  /** The chosen files as uploads, typed as the form accepts them. */
  uploads(): UploadInput[] {
    return this.files.map((file) => ({
      file,
      name: file.name,
      type: this.typeOf(file) ?? file.type,
    }));
  }

  /** Forgets typed values and files, as after a submission. */
  reset(): void {
    this.values = {};
    this.files = [];
  }
}
