import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import type { Draft, DraftErrors, FieldName } from './draft.js';
import type { Localizer } from './i18n/index.js';

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
  onInput(field: FieldName, value: string): void;
  onSubmit(event: SubmitEvent): void;
}

type Control = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

/** The submission form, every control labelled, errors tied to fields. */
export function renderForm(m: FormViewModel): TemplateResult {
  const input = (field: FieldName) => (event: Event) =>
    m.onInput(field, (event.target as Control).value);
  const a11y = (field: FieldName) => ({
    invalid: m.errors.fields[field] ? 'true' : 'false',
    describedBy: m.errors.fields[field] ? `${field}-error` : undefined,
  });
  const subject = a11y('subject');
  const description = a11y('description');
  const category = a11y('category');
  const email = a11y('email');
  const name = a11y('name');
  const { t } = m.i18n;
  // The space sits in the label's text node: Chrome drops a lone one
  // from the accessible name ("Category(optional)").
  const optional = (label: string) => html`${`${label} `}<span
    class="optional" part="optional">${t.optional}</span>`;

  return html`
    <form part="form" novalidate aria-labelledby="form-heading"
      @submit=${m.onSubmit}>
      <h2 id="form-heading" tabindex="-1">${t.askForHelp}</h2>
      ${alerts(m)}
      <div class="field" part="field">
        <label for="subject" part="label">${t.subject}</label>
        <input id="subject" name="subject" part="input" required
          autocomplete="off" .value=${live(m.draft.subject)}
          aria-invalid=${subject.invalid}
          aria-describedby=${ifDefined(subject.describedBy)}
          @input=${input('subject')} />
        ${fieldError(m.errors, 'subject')}
      </div>
      <div class="field" part="field">
        <label for="description" part="label">${t.description}</label>
        <textarea id="description" name="description" part="textarea"
          required .value=${live(m.draft.description)}
          aria-invalid=${description.invalid}
          aria-describedby=${ifDefined(description.describedBy)}
          @input=${input('description')}></textarea>
        ${fieldError(m.errors, 'description')}
      </div>
      ${m.suggestions ?? nothing}
      <div class="field" part="field">
        <label for="category" part="label">${optional(t.category)}</label>
        <select id="category" name="category" part="select"
          .value=${live(m.draft.category)}
          aria-invalid=${category.invalid}
          aria-describedby=${ifDefined(category.describedBy)}
          @change=${input('category')}>
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
      <div class="field" part="field">
        <label for="email" part="label">${t.email}</label>
        <input id="email" name="email" type="email" part="input" required
          autocomplete="email" .value=${live(m.draft.email)}
          aria-invalid=${email.invalid}
          aria-describedby=${ifDefined(email.describedBy)}
          @input=${input('email')} />
        ${fieldError(m.errors, 'email')}
      </div>
      <div class="field" part="field">
        <label for="name" part="label">${optional(t.name)}</label>
        <input id="name" name="name" part="input" autocomplete="name"
          .value=${live(m.draft.name)}
          aria-invalid=${name.invalid}
          aria-describedby=${ifDefined(name.describedBy)}
          @input=${input('name')} />
        ${fieldError(m.errors, 'name')}
      </div>
      ${m.extra ?? nothing}
      <div class="actions">
        <button type="submit" class="primary" part="button submit-button"
          ?disabled=${m.sending}>
          ${m.sending ? t.sending : t.submit}
        </button>
      </div>
    </form>
  `;
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
