import type { TemplateResult } from 'lit';
import { html, nothing } from 'lit';

/** One labelled text area of the tracking views and what it shows. */
export interface TextFieldModel {
  /** The text area's id; its hint and error are `<id>-hint`, `<id>-error`. */
  id: string;
  name: string;
  /** The label's content (text, or text and an "(optional)" mark). */
  label: unknown;
  value: string;
  required?: boolean;
  /** Said under the field and named by `aria-describedby`, when given. */
  hint?: string | null;
  error?: string | null;
  onInput(value: string): void;
}

/**
 * A labelled text area with its hint and error, both named by
 * `aria-describedby` (error first), and `aria-invalid` while an error
 * shows: the reply, the reason of a reject and the rating's comment.
 */
export function textField(f: TextFieldModel): TemplateResult {
  const { id, hint, error } = f;
  const describedBy = [error && `${id}-error`, hint && `${id}-hint`]
    .filter(Boolean)
    .join(' ');
  return html`<div class="field" part="field">
    <label for=${id} part="label">${f.label}</label>
    <textarea id=${id} name=${f.name} part="textarea"
      ?required=${f.required}
      .value=${f.value}
      aria-invalid=${error ? 'true' : 'false'}
      aria-describedby=${describedBy || nothing}
      @input=${(e: Event) => f.onInput((e.target as HTMLTextAreaElement).value)}
    ></textarea>
    ${hintLine(hint, `${id}-hint`)}${errorLine(error, `${id}-error`)}
  </div>`;
}

/** A field's hint, or nothing. */
export function hintLine(hint: unknown, id: string) {
  return hint
    ? html`<p class="hint" part="hint" id=${id}>${hint}</p>`
    : nothing;
}

/** A field's error under it, or nothing. */
export function errorLine(error: string | null | undefined, id: string) {
  return error
    ? html`<p class="error" part="error" id=${id}>${error}</p>`
    : nothing;
}
