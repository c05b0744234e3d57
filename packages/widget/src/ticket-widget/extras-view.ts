import {
  ATTACHMENT_TYPES,
  type AttachmentRules,
  type FormField,
} from '@ticketry/core/public';
import { css, html, noChange, nothing, type TemplateResult } from 'lit';
import type { DraftErrors } from './draft.js';
import type { CustomValue, FormExtras } from './form-extras.js';
import {
  described,
  fieldError,
  fieldLabel,
  selectInput,
  textInput,
} from './form-view.js';
import { formatBytes, type Localizer } from './i18n/index.js';

/** What the custom fields, the file picker and the status show. */
export interface ExtrasViewModel {
  extras: FormExtras;
  errors: DraftErrors;
  notice: string | null;
  i18n: Localizer;
  onCustom(name: string, value: CustomValue): void;
  onFiles(files: File[]): void;
}

function control(m: ExtrasViewModel, field: FormField): TemplateResult {
  const id = `cf-${field.name}`;
  const value = m.extras.values[field.name];
  const onInput = (event: Event) => {
    const target = event.target as HTMLInputElement;
    m.onCustom(
      field.name,
      field.kind === 'checkbox' ? target.checked : target.value,
    );
  };
  const text = {
    id,
    value: typeof value === 'string' ? value : '',
    required: field.required,
    errors: m.errors,
    hint: !!field.hint,
    onInput,
  };
  switch (field.kind) {
    case 'longText':
      return textInput({ ...text, type: 'textarea' });
    case 'select':
      return selectInput(
        text,
        m.i18n.t.submitting.choose,
        field.options.map((o) => [o, o]),
      );
    case 'checkbox': {
      const { invalid, describedBy } = described(m.errors, id, !!field.hint);
      return html`<input id=${id} type="checkbox" part="checkbox"
        ?required=${field.required} .checked=${value === true}
        aria-invalid=${invalid} aria-describedby=${describedBy}
        @change=${onInput} />`;
    }
    default:
      return textInput({
        ...text,
        type: field.kind === 'date' ? 'date' : 'text',
        onChange: onInput,
      });
  }
}

function customField(m: ExtrasViewModel, field: FormField) {
  const id = `cf-${field.name}`;
  const hint = field.hint
    ? html`<p class="hint" part="hint" id="${id}-hint">${field.hint}</p>`
    : nothing;
  const caption = fieldLabel(id, field.label, !field.required, m.i18n);
  return field.kind === 'checkbox'
    ? html`<div class="field" part="field">
        <div class="check">${control(m, field)}${caption}</div>
        ${hint}${fieldError(m.errors, id)}
      </div>`
    : html`<div class="field" part="field">
        ${caption}${hint}${control(m, field)}${fieldError(m.errors, id)}
      </div>`;
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

function attachments(m: ExtrasViewModel, rules: AttachmentRules) {
  const { invalid, describedBy } = described(m.errors, 'attachments', true);
  const types = rules.types as (keyof typeof ATTACHMENT_TYPES)[];
  const accept = types.flatMap((t) => [t, ...ATTACHMENT_TYPES[t]]).join(',');
  const words = m.i18n.t.submitting;
  const hint = m.i18n.format(words.attachHint, {
    count: rules.maxFiles,
    size: formatBytes(rules.maxBytes, m.i18n),
    // Isolated left to right: in Arabic the dot of `.png` stays put.
    types: `\u2066${types.map((t) => ATTACHMENT_TYPES[t][0]).join(' ')}\u2069`,
  });
  const { progress } = m.extras;
  return html`<div class="field" part="field">
    ${fieldLabel('attachments', words.attachments, true, m.i18n)}
    <p class="hint" part="hint" id="attachments-hint">${hint}</p>
    <input id="attachments" type="file" part="file-input" multiple
      accept=${accept} aria-invalid=${invalid}
      aria-describedby=${describedBy} .files=${chosen(m.extras.files)}
      @change=${(event: Event) =>
        m.onFiles([...((event.target as HTMLInputElement).files ?? [])])} />
    ${fieldError(m.errors, 'attachments')}
    ${
      progress === null
        ? nothing
        : html`<progress part="progress" max="100"
          value=${Math.round(progress * 100)}
          aria-label=${words.uploading}></progress>`
    }
  </div>`;
}

/**
 * The desk's custom fields, then the file picker with its progress bar,
 * then the offline status: rendered after the built-in fields. Every
 * control has a label, its hint and error tied by `aria-describedby`.
 */
export function renderExtras(m: ExtrasViewModel): TemplateResult {
  const form = m.extras.form;
  return html`${form?.fields.map((f) => customField(m, f))}
    ${form?.attachments ? attachments(m, form.attachments) : nothing}
    ${
      m.notice
        ? html`<p class="notice" part="notice" id="form-notice">${m.notice}</p>`
        : nothing
    }`;
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
    min-height: 44px;
    margin: 0;
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
