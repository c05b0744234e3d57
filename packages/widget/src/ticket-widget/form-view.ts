import { html, nothing, type TemplateResult } from 'lit';
import type { Draft, DraftErrors, FieldName } from './draft.js';
import type { Localizer } from './i18n/index.js';
import type { Requester } from './identity.js';

/** What the submission form shows and whom it tells. */
export interface FormViewModel {
  draft: Draft;
  errors: DraftErrors;
  /** A failure no field owns: network, server, storage. */
  formError: string | null;
  sending: boolean;
  categories: readonly string[];
  i18n: Localizer;
  /** Shown after the built-in fields: custom fields, attachments. */
  extra?: unknown;
  /** Suggested answers, right after the description. */
  suggestions?: unknown;
  /**
   * Only the heading and the first two fields: a step of the first
   * render (see first-render.ts), the rest drawn in the next task.
   */
  partial?: boolean;
  /**
   * The identified requester: shown instead of the email field (and of
   * the name field when the identity has a name), as the server files
   * under them.
   */
  requester?: Requester | null;
  onInput(field: FieldName, value: string): void;
  onSubmit(event: SubmitEvent): void;
}

type Control = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

/** The submission form, every control labelled, errors tied to fields. */
export function renderForm(m: FormViewModel): TemplateResult {
  return html`
    <form part="form" novalidate aria-labelledby="form-heading"
      @submit=${m.onSubmit}>
      <h2 id="form-heading" tabindex="-1">${m.i18n.t.askForHelp}</h2>
      ${alerts(m)}${upperFields(m)}${m.partial ? nothing : lowerFields(m)}
    </form>
  `;
}

/**
 * The `aria-invalid` and `aria-describedby` of the control `id`: its
 * hint (`<id>-hint`, when it has one) and its error (`<id>-error`).
 */
export function described(errors: DraftErrors, id: string, hint?: boolean) {
  const invalid = errors.fields[id] !== undefined;
  const ids = [hint && `${id}-hint`, invalid && `${id}-error`].filter(Boolean);
  return {
    invalid: invalid ? 'true' : 'false',
    describedBy: ids.length ? ids.join(' ') : nothing,
  };
}

/** The error of the control `id`, if it has one. */
export function fieldError(errors: DraftErrors, id: string) {
  const message = errors.fields[id];
  if (!message) return nothing;
  return html`<p class="error" part="error" id="${id}-error">${message}</p>`;
}

/**
 * The label of the control `id`; an optional field's ends in
 * "(optional)". The space sits in the label's text node: Chrome drops a
 * lone one from the accessible name ("Category(optional)").
 */
export function fieldLabel(
  id: string,
  text: string,
  optional: boolean,
  i18n: Localizer,
): TemplateResult {
  return html`<label for=${id} part="label">${optional ? `${text} ` : text}${
    optional
      ? html`<span class="optional" part="optional">${i18n.t.optional}</span>`
      : nothing
  }</label>`;
}

/** A control's text input or text area and its options. */
export interface TextInput {
  id: string;
  value: string;
  required: boolean;
  errors: DraftErrors;
  /** Whether a hint (`<id>-hint`) describes it too. */
  hint?: boolean;
  /** `textarea`, or the input's type. @default 'text' */
  type?: string;
  autocomplete?: string;
  onInput(event: Event): void;
  /** Also on `change`: a date picker may send no `input`. */
  onChange?(event: Event): void;
}

/**
 * A text input (or text area), its errors and hint tied to it. Each
 * control writes the draft on `input` (or `change`) and the host renders
 * again, so a plain `.value` binding keeps the two the same.
 */
export function textInput(c: TextInput): TemplateResult {
  const { invalid, describedBy } = described(c.errors, c.id, c.hint);
  return c.type === 'textarea'
    ? html`<textarea id=${c.id} name=${c.id} part="textarea"
        ?required=${c.required}
        .value=${c.value} aria-invalid=${invalid}
        aria-describedby=${describedBy}
        @input=${c.onInput}></textarea>`
    : html`<input id=${c.id} name=${c.id} part="input"
        type=${c.type ?? 'text'}
        ?required=${c.required} autocomplete=${c.autocomplete ?? nothing}
        .value=${c.value} aria-invalid=${invalid}
        aria-describedby=${describedBy} @input=${c.onInput}
        @change=${c.onChange} />`;
}

/** A select of `options` (value and words), "none" first. */
export function selectInput(
  c: Omit<TextInput, 'type' | 'autocomplete'>,
  none: string,
  options: readonly (readonly [string, string])[],
): TemplateResult {
  const { invalid, describedBy } = described(c.errors, c.id, c.hint);
  return html`<select id=${c.id} name=${c.id} part="select"
    ?required=${c.required}
    .value=${c.value} aria-invalid=${invalid}
    aria-describedby=${describedBy} @change=${c.onInput}>
    <option value="" ?selected=${c.value === ''}>${none}</option>
    ${options.map(
      ([value, words]) =>
        html`<option .value=${value} ?selected=${c.value === value}>${words}</option>`,
    )}
  </select>`;
}

/** A label, a control and its error, in one field. */
export const field = (
  errors: DraftErrors,
  id: string,
  label: TemplateResult,
  control: TemplateResult,
): TemplateResult =>
  html`<div class="field" part="field">
    ${label}${control}${fieldError(errors, id)}
  </div>`;

/** A built-in text field of the draft. */
function draftField(
  m: FormViewModel,
  id: FieldName,
  label: string,
  options: Partial<TextInput> = {},
): TemplateResult {
  const required = id !== 'name';
  return field(
    m.errors,
    id,
    fieldLabel(id, label, !required, m.i18n),
    textInput({
      id,
      value: m.draft[id],
      required,
      errors: m.errors,
      onInput: (event) => m.onInput(id, (event.target as Control).value),
      ...options,
    }),
  );
}

/** The subject and the description, then the suggested answers. */
function upperFields(m: FormViewModel): TemplateResult {
  const { t } = m.i18n;
  return html`${draftField(m, 'subject', t.subject, { autocomplete: 'off' })}
    ${draftField(m, 'description', t.description, { type: 'textarea' })}
    ${m.suggestions ?? nothing}`;
}

/** The category, email and name, the extras, and the submit button. */
function lowerFields(m: FormViewModel): TemplateResult {
  const { t } = m.i18n;
  const { draft, errors, requester } = m;
  const names: Record<string, string> = t.categories;
  // A default category in the requester's language; others as given.
  const options = m.categories.map(
    (c) => [c, Object.hasOwn(names, c) ? (names[c] ?? c) : c] as const,
  );
  const category = selectInput(
    {
      id: 'category',
      value: draft.category,
      required: false,
      errors,
      onInput: (event) =>
        m.onInput('category', (event.target as Control).value),
    },
    t.notSure,
    options,
  );
  return html`${field(
    errors,
    'category',
    fieldLabel('category', t.category, true, m.i18n),
    category,
  )}
      ${
        requester
          ? filedFor(requester, m)
          : draftField(m, 'email', t.email, {
              type: 'email',
              autocomplete: 'email',
            })
      }
      ${
        requester?.name
          ? nothing
          : draftField(m, 'name', t.name, { autocomplete: 'name' })
      }
      ${m.extra ?? nothing}
      <div class="actions">
        <button type="submit" class="primary" part="button submit-button"
          ?disabled=${m.sending}>
          ${m.sending ? t.sending : t.submit}
        </button>
      </div>`;
}

/**
 * Whom an identified request is filed for, in place of the email field:
 * the identity's name and address, in <bdi> so that either keeps its
 * own direction in a sentence of the other.
 */
function filedFor(who: Requester, m: FormViewModel): TemplateResult {
  const [before = '', after = ''] = m.i18n.t.filedFor.split('{who}');
  const shown = who.name ? `${who.name} (${who.email})` : who.email;
  return html`<p part="requester" id="requester">
    ${before}<bdi>${shown}</bdi>${after}
  </p>`;
}

function alerts(m: FormViewModel) {
  const messages = [...(m.formError ? [m.formError] : []), ...m.errors.other];
  if (messages.length === 0) return nothing;
  return html`<div class="alert" part="alert" role="alert" id="form-error"
    tabindex="-1">
    ${messages.map((text) => html`<p>${text}</p>`)}
  </div>`;
}
