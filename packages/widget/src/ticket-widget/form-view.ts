import { html, nothing, type TemplateResult } from 'lit';
import type { FieldName } from './draft.js';
import type { CustomValue } from './form-extras.js';
import type { Requester } from './identity.js';
import type { SubmissionController } from './submission.js';
import { errorLine, hintLine } from './text-field.js';

/** What the form shows besides the draft's own state. */
export interface FormViewModel {
  categories: readonly string[];
  /** Shown after the built-in fields: custom fields, attachments. */
  extra: unknown;
  /** Suggested answers, right after the description. */
  suggestions: unknown;
  /**
   * Only the heading and the first two fields: a step of the first
   * render (see first-render.ts), the rest drawn in the next task.
   */
  partial: boolean;
  /**
   * The identified requester: shown instead of the email field (and of
   * the name field when the identity has a name), as the server files
   * under them.
   */
  requester: Requester | null;
  onInput(field: FieldName, value: string): void;
  onSubmit(event: SubmitEvent): void;
}

/** Where a field finds its error and the words of "(optional)". */
export type FieldState = Pick<SubmissionController, 'errors' | 'i18n'>;

/** A field's frame: its label, hint and error around one control. */
export interface FieldFrame {
  /** The control's id; its hint and error are `<id>-hint`, `<id>-error`. */
  id: string;
  label: string;
  /** `textarea`, `select`, `checkbox`, or the input's type. */
  kind: string;
  required: boolean;
  hint?: string | undefined;
}

/** A field as data: the built-in fields and the desk's custom ones. */
export interface FieldSpec extends FieldFrame {
  value: CustomValue;
  autocomplete?: string;
  /** A select's first option, for no choice. */
  none?: string;
  /** A select's other options: value and words. */
  options?: readonly (readonly [string, string])[] | undefined;
  onInput(value: CustomValue): void;
}

/** What a control says of its field: `aria-invalid`, `aria-describedby`. */
export interface Aria {
  invalid: string;
  describedBy: string | typeof nothing;
}

/**
 * A field: the label (an optional field's ends in "(optional)"), the
 * hint, the control that `control` draws, the error, then `after`. A
 * checkbox sits before its label, on one row. The control is told its
 * hint and error (`aria-describedby`) and whether it is invalid.
 */
export function fieldView(
  f: FieldFrame,
  state: FieldState,
  control: (aria: Aria) => TemplateResult,
  after?: unknown,
): TemplateResult {
  const { id, hint } = f;
  const error = state.errors.fields[id];
  const input = control({
    invalid: error ? 'true' : 'false',
    describedBy:
      [hint && `${id}-hint`, error && `${id}-error`]
        .filter(Boolean)
        .join(' ') || nothing,
  });
  // The space sits in the label's text node: Chrome drops a lone one
  // from the accessible name ("Category(optional)").
  const label = html`<label for=${id} part="label">${
    f.required ? f.label : `${f.label} `
  }${
    f.required
      ? nothing
      : html`<span class="optional" part="optional">${state.i18n.t.optional}</span>`
  }</label>`;
  const check = f.kind === 'checkbox';
  return html`<div class="field" part="field">
    ${check ? html`<div class="check">${input}${label}</div>` : label}${hintLine(
      hint,
      `${id}-hint`,
    )}${check ? nothing : input}${errorLine(error, `${id}-error`)}${after}
  </div>`;
}

/**
 * A field of `s` with its control: a text area, a select, a checkbox or
 * an input. Each control writes the draft on `input` (a select and a
 * checkbox on `change`, a date also on `change`: a date picker may send
 * no `input`) and the host renders again, so a plain `.value` binding
 * keeps the two the same.
 */
export function renderField(s: FieldSpec, state: FieldState): TemplateResult {
  const { id, kind, value } = s;
  const on = (event: Event) => {
    const target = event.target as HTMLInputElement;
    s.onInput(kind === 'checkbox' ? target.checked : target.value);
  };
  return fieldView(s, state, ({ invalid, describedBy }) => {
    switch (kind) {
      case 'textarea':
        return html`<textarea id=${id} name=${id} part="textarea"
          ?required=${s.required} .value=${value} aria-invalid=${invalid}
          aria-describedby=${describedBy} @input=${on}></textarea>`;
      case 'select':
        return html`<select id=${id} name=${id} part="select"
          ?required=${s.required} .value=${value} aria-invalid=${invalid}
          aria-describedby=${describedBy} @change=${on}>
          <option value="" ?selected=${value === ''}>${s.none}</option>
          ${s.options?.map(
            ([option, words]) =>
              html`<option .value=${option} ?selected=${value === option}>${words}</option>`,
          )}
        </select>`;
      case 'checkbox':
        return html`<input id=${id} type="checkbox" part="checkbox"
          ?required=${s.required} .checked=${value === true}
          aria-invalid=${invalid} aria-describedby=${describedBy}
          @change=${on} />`;
      default:
        return html`<input id=${id} name=${id} part="input" type=${kind}
          ?required=${s.required} autocomplete=${s.autocomplete ?? nothing}
          .value=${value} aria-invalid=${invalid}
          aria-describedby=${describedBy} @input=${on}
          @change=${kind === 'date' ? on : nothing} />`;
    }
  });
}

/**
 * The submission form of `form`: every control labelled, errors tied
 * to fields, the failures no field owns in an alert above them.
 */
export function renderForm(
  form: SubmissionController,
  m: FormViewModel,
): TemplateResult {
  const { i18n, draft, errors } = form;
  const { t } = i18n;
  const who = m.requester;
  // An input's autocomplete token is its field's name (`email`, `name`);
  // none for the subject.
  const own = (id: FieldName, kind = 'text', more?: Partial<FieldSpec>) =>
    renderField(
      {
        id,
        label: t[id],
        kind,
        value: draft[id],
        required: id !== 'name',
        autocomplete: id === 'subject' ? 'off' : id,
        onInput: (value) => m.onInput(id, value as string),
        ...more,
      },
      form,
    );
  const names: Record<string, string> = t.categories;
  const messages = form.formError
    ? [form.formError, ...errors.other]
    : errors.other;
  return html`<form part="form" novalidate aria-labelledby="form-heading"
      @submit=${m.onSubmit}>
      <h2 id="form-heading" tabindex="-1">${t.askForHelp}</h2>
      ${
        messages.length
          ? html`<div class="alert" part="alert" role="alert" id="form-error"
              tabindex="-1">${messages.map((text) => html`<p>${text}</p>`)}</div>`
          : nothing
      }${own('subject')}${own('description', 'textarea')}${m.suggestions}${
        m.partial
          ? nothing
          : html`${own('category', 'select', {
              required: false,
              none: t.notSure,
              // A default category in the requester's language.
              options: m.categories.map((c) => [
                c,
                (Object.hasOwn(names, c) && names[c]) || c,
              ]),
            })}${who ? filedFor(who, t.filedFor) : own('email', 'email')}${
              who?.name ? nothing : own('name')
            }${m.extra}
            <div class="actions">
              <button type="submit" class="primary"
                part="button submit-button" ?disabled=${form.sending}>
                ${form.sending ? t.sending : t.submit}
              </button>
            </div>`
      }
    </form>`;
}

/**
 * Whom an identified request is filed for, in place of the email field:
 * the identity's name and address, in <bdi> so that either keeps its
 * own direction in a sentence of the other.
 */
function filedFor(who: Requester, sentence: string): TemplateResult {
  const [before = '', after = ''] = sentence.split('{who}');
  const shown = who.name ? `${who.name} (${who.email})` : who.email;
  return html`<p part="requester" id="requester">
    ${before}<bdi>${shown}</bdi>${after}
  </p>`;
}
