import {
  ATTACHMENT_TYPES,
  type AttachmentRules,
  type FormField,
} from '@ticketry/core/public';
import { css, html, noChange, nothing } from 'lit';
import type { FormExtras } from './form-extras.js';
import { type FieldState, fieldView, renderField } from './form-view.js';
import { formatBytes } from './i18n/index.js';
import type { SubmissionController } from './submission.js';

/** A custom field of the desk's form; `cf-<name>` is its control's id. */
function customField(form: SubmissionController, f: FormField) {
  const { name } = f;
  return renderField(
    {
      id: `cf-${name}`,
      label: f.label,
      kind: f.kind === 'longText' ? 'textarea' : f.kind,
      value: form.extras.values[name] ?? '',
      required: f.required,
      hint: f.hint,
      none: form.i18n.t.submitting.choose,
      options: f.kind === 'select' ? f.options.map((o) => [o, o]) : undefined,
      onInput: (value) => form.editCustom(name, value),
    },
    form,
  );
}

let noFiles: FileList | undefined;

/**
 * The picker's `files`: left alone while the draft has files (the
 * requester chose them there), else an empty list, which empties the
 * picker when the draft starts over. An object, so Lit sets it on every
 * render.
 */
function chosen(files: readonly File[]) {
  if (files.length) return noChange;
  noFiles ??= new DataTransfer().files;
  return noFiles;
}

/** What a file picker shows and changes: the form's, or a reply's. */
export interface FilePickerState extends FieldState {
  readonly extras: FormExtras;
  /** Takes the chosen files and checks them against the form's rules. */
  setFiles(files: File[]): void;
}

/**
 * The file picker `id` (`<id>-hint`, `<id>-error`), the form's rules as
 * its hint, and the upload's progress bar: the submission's and a
 * reply's. Its error is `state.errors.fields[id]`.
 */
export function filePicker(
  state: FilePickerState,
  rules: AttachmentRules,
  id = 'attachments',
) {
  const { i18n, extras } = state;
  const words = i18n.t.submitting;
  const types = rules.types as (keyof typeof ATTACHMENT_TYPES)[];
  const { progress } = extras;
  const frame = {
    id,
    label: words.attachments,
    kind: 'file',
    required: false,
    hint: i18n.format(words.attachHint, {
      count: rules.maxFiles,
      size: formatBytes(rules.maxBytes, i18n),
      // Isolated left to right: in Arabic the dot of `.png` stays put.
      types: `\u2066${types.map((t) => ATTACHMENT_TYPES[t][0]).join(' ')}\u2069`,
    }),
  };
  return fieldView(
    frame,
    state,
    ({ invalid, describedBy }) => html`<input id=${id} type="file"
      part="file-input" multiple
      accept=${types.flatMap((t) => [t, ...ATTACHMENT_TYPES[t]]).join(',')}
      aria-invalid=${invalid} aria-describedby=${describedBy}
      .files=${chosen(extras.files)}
      @change=${(event: Event) =>
        state.setFiles([
          ...((event.target as HTMLInputElement).files ?? []),
        ])} />`,
    progress === null
      ? nothing
      : html`<progress part="progress" max="100"
          value=${Math.round(progress * 100)}
          aria-label=${words.uploading}></progress>`,
  );
}

/**
 * The desk's custom fields, then the file picker with its progress bar,
 * then the offline status: rendered after the built-in fields. Every
 * control has a label, its hint and error tied by `aria-describedby`.
 */
export function renderExtras(form: SubmissionController): unknown[] {
  const desk = form.extras.form;
  return [
    desk?.fields.map((f) => customField(form, f)),
    desk?.attachments ? filePicker(form, desk.attachments) : nothing,
    form.notice
      ? html`<p class="notice" part="notice" id="form-notice">${form.notice}</p>`
      : nothing,
  ];
}

/** Styles of the extras: checkbox rows, the progress bar, the notice. */
export const extrasStyles = css`
  .check {
    display: flex;
    align-items: center;
    gap: 0.5em;
  }
  /* The box itself is a 44 px target too, not only its label. */
  .check > input[type='checkbox'] {
    flex: none;
    width: 44px;
    height: 44px;
  }
  /* The label is the checkbox's 44 px target: a click on it ticks. */
  .check > label {
    display: flex;
    align-items: center;
    flex: 1;
    min-height: 44px;
    cursor: pointer;
  }
  progress {
    width: 100%;
    height: 0.75em;
    accent-color: var(--ticket-accent-color, var(--_ticket-accent));
  }
  .notice {
    padding: 0.625em 0.75em;
    border: 1px solid currentColor;
    border-radius: var(--ticket-radius, 8px);
  }
`;
