import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
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

const input = (m: FormViewModel, field: FieldName) => (event: Event) =>
  m.onInput(field, (event.target as Control).value);

const a11y = (m: FormViewModel, field: FieldName) => ({
  invalid: m.errors.fields[field] ? 'true' : 'false',
  describedBy: m.errors.fields[field] ? `${field}-error` : undefined,
});

/** The subject and the description, then the suggested answers. */
function upperFields(m: FormViewModel): TemplateResult {
  const subject = a11y(m, 'subject');
  const description = a11y(m, 'description');
  const { t } = m.i18n;
  return html`<div class="field" part="field">
        <label for="subject" part="label">${t.subject}</label>
        <input id="subject" name="subject" part="input" required
          autocomplete="off" .value=${live(m.draft.subject)}
          aria-invalid=${subject.invalid}
          aria-describedby=${ifDefined(subject.describedBy)}
          @input=${input(m, 'subject')} />
        ${fieldError(m.errors, 'subject')}
      </div>
      <div class="field" part="field">
        <label for="description" part="label">${t.description}</label>
        <textarea id="description" name="description" part="textarea"
          required .value=${live(m.draft.description)}
          aria-invalid=${description.invalid}
          aria-describedby=${ifDefined(description.describedBy)}
          @input=${input(m, 'description')}></textarea>
        ${fieldError(m.errors, 'description')}
      </div>
      ${m.suggestions ?? nothing}`;
}

/** The category, email and name, the extras, and the submit button. */
function lowerFields(m: FormViewModel): TemplateResult {
  const category = a11y(m, 'category');
  const email = a11y(m, 'email');
  const name = a11y(m, 'name');
  const { t } = m.i18n;
  // The space sits in the label's text node: Chrome drops a lone one
  // from the accessible name ("Category(optional)").
  const optional = (label: string) => html`${`${label} `}<span
    class="optional" part="optional">${t.optional}</span>`;
  return html`<div class="field" part="field">
        <label for="category" part="label">${optional(t.category)}</label>
        <select id="category" name="category" part="select"
          .value=${live(m.draft.category)}
          aria-invalid=${category.invalid}
          aria-describedby=${ifDefined(category.describedBy)}
          @change=${input(m, 'category')}>
          <option value="" ?selected=${m.draft.category === ''}>
            ${t.notSure}
          </option>
          ${m.categories.map(
            (c) => html`<option .value=${c}
              ?selected=${m.draft.category === c}>${categoryName(c, m)}</option>`,
          )}
        </select>
        ${fieldError(m.errors, 'category')}
      </div>
      ${
        m.requester
          ? filedFor(m.requester, m)
          : html`<div class="field" part="field">
        <label for="email" part="label">${t.email}</label>
        <input id="email" name="email" type="email" part="input" required
          autocomplete="email" .value=${live(m.draft.email)}
          aria-invalid=${email.invalid}
          aria-describedby=${ifDefined(email.describedBy)}
          @input=${input(m, 'email')} />
        ${fieldError(m.errors, 'email')}
      </div>`
      }
      ${
        m.requester?.name
          ? nothing
          : html`<div class="field" part="field">
        <label for="name" part="label">${optional(t.name)}</label>
        <input id="name" name="name" part="input" autocomplete="name"
          .value=${live(m.draft.name)}
          aria-invalid=${name.invalid}
          aria-describedby=${ifDefined(name.describedBy)}
          @input=${input(m, 'name')} />
        ${fieldError(m.errors, 'name')}
      </div>`
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

/** A default category in the requester's language; others as given. */
function categoryName(value: string, m: FormViewModel): string {
  const names: Record<string, string> = m.i18n.t.categories;
  return Object.hasOwn(names, value) ? (names[value] ?? value) : value;
}

function alerts(m: FormViewModel) {
  const messages = [...(m.formError ? [m.formError] : []), ...m.errors.other];
  if (messages.length === 0) return nothing;
  return html`<div class="alert" part="alert" role="alert" id="form-error"
    tabindex="-1">
    ${messages.map((text) => html`<p>${text}</p>`)}
  </div>`;
}

function fieldError(errors: DraftErrors, field: FieldName) {
  const message = errors.fields[field];
  if (!message) return nothing;
  return html`<p class="error" part="error" id="${field}-error">${message}</p>`;
}
