import { css, html, nothing, type TemplateResult } from 'lit';

/**
 * What a page may give the widget to prove a person is submitting: a
 * function returning a fresh CAPTCHA token (or null for none), called
 * right before each submission is sent.
 */
export type CaptchaProvider = () =>
  | string
  | null
  | undefined
  | Promise<string | null | undefined>;

/**
 * The honeypot's value: a field people never see, so only a bot that
 * fills every input it finds sets it. The server answers such a
 * submission like a success and stores nothing.
 */
export class Honeypot {
  value = '';

  /** The body field to send, only when something filled it. */
  fields(name: string): Record<string, string> | null {
    return name && this.value.trim() ? { [name]: this.value } : null;
  }
}

/**
 * The honeypot input: off-screen, out of the tab order, hidden from
 * assistive technology, never autofilled. Nothing when `name` is empty.
 */
export function renderHoneypot(
  name: string,
  trap: Honeypot,
): TemplateResult | typeof nothing {
  if (!name) return nothing;
  const onInput = (event: Event) => {
    trap.value = (event.target as HTMLInputElement).value;
  };
  return html`<div class="trap" aria-hidden="true">
    <label for="trap">Website</label>
    <input id="trap" name=${name} type="text" tabindex="-1"
      autocomplete="off" .value=${trap.value} @input=${onInput} />
  </div>`;
}

/** Keeps the honeypot off-screen without `display: none`, which bots skip. */
export const honeypotStyles = css`
  .trap {
    position: absolute;
    inset-inline-start: -10000px;
    width: 1px;
    height: 1px;
    overflow: hidden;
  }
`;
