/**
 * One message of the assistant's log, as text: who said it, what, and
 * a reply's link, articles or choices. Lit's tags come in as `lit`.
 */
import type {
  html as litHtml,
  nothing as litNothing,
  TemplateResult,
} from 'lit';
import { quoteParts, type Reply } from './replies.js';

/** Lit's tags, from the widget. */
export interface LogLit {
  html: typeof litHtml;
  nothing: typeof litNothing;
}

/** One message of the log. */
export interface Entry {
  from: 'you' | 'bot';
  reply: Reply;
}

/**
 * What was said: the requester's words in a `<bdi>`, and so are the
 * words a reply quotes, so a direction override in them reorders
 * nothing around them.
 */
export function saidText({ html }: LogLit, e: Entry): TemplateResult {
  const text = e.reply.text;
  if (e.from === 'you') return html`<bdi class="said">${text}</bdi>`;
  const parts = quoteParts(text).map((p, i) =>
    i % 2 ? html`<bdi>${p}</bdi>` : p,
  );
  return html`<p class="said" dir="auto">${parts}</p>`;
}

/** How the choices of the latest reply behave. */
export interface ChoiceState {
  latest: boolean;
  sending: boolean;
  choose(label: string, value: string): void;
}

/** A reply's link, articles or (on the latest reply) choices. */
export function extra({ html, nothing }: LogLit, r: Reply, c: ChoiceState) {
  switch (r.type) {
    case 'link':
      return html`<p><a part="assistant-link" href=${r.href} target="_blank" rel="noopener noreferrer">${r.label}</a></p>`;
    case 'articles':
      return html`<ul class="articles">${r.articles.map(
        (a) =>
          html`<li><strong dir="auto">${a.title}</strong>${a.snippet ? html`<br /><span dir="auto">${a.snippet}</span>` : nothing}</li>`,
      )}</ul>`;
    case 'choices':
      return c.latest
        ? html`<div class="choices" role="group" aria-label=${r.text}>${r.choices.map(
            (
              x,
            ) => html`<button type="button" part="button assistant-choice" ?disabled=${c.sending}
              @click=${() => c.choose(x.label, x.value)}>${x.label}</button>`,
          )}</div>`
        : nothing;
    default:
      return nothing;
  }
}
