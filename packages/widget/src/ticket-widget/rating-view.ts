import type { TemplateResult } from 'lit';
import { html, nothing } from 'lit';
import { errorLine, textField } from './text-field.js';
import { type ActionsModel, alert, box } from './ticket-actions-view.js';
import { bar, button, form } from './ticket-view.js';

/**
 * 1 to 5 stars and an optional comment, after resolve or close. The
 * stars are native radio buttons (arrow keys move between them), each
 * with a 44 × 44 px label that names the rating in words.
 */
export function renderRating(m: ActionsModel): TemplateResult {
  const { t, format } = m.i18n;
  const tr = t.tracking;
  const { errors } = m;
  // The rating the server has, none before the first one.
  const current = m.ticket.satisfaction?.rating;
  const sending = m.sending === 'rate';
  return box('rating', tr.ratingHeading, [
    current
      ? html`<p id="rating-current" part="rating-current" tabindex="-1">
          ${format(tr.rated, { rating: current })}
        </p>`
      : nothing,
    alert(errors.rate, 'rate-error'),
    form('rating', m.onRate, [
      html`<fieldset part="stars" class="stars"
        aria-describedby=${errors.rating ? 'rating-error' : nothing}>
        <legend part="label">${tr.ratingLegend}</legend>
        ${tr.stars.map((words, i) => star(m, i + 1, words))}
      </fieldset>`,
      errorLine(errors.rating, 'rating-error'),
      textField({
        id: 'rating-comment',
        name: 'comment',
        label: html`${tr.ratingComment}
          <span class="optional">${t.optional}</span>`,
        value: m.comment,
        error: errors.comment,
        onInput: m.onCommentInput,
      }),
      bar(
        button(
          'rate',
          sending ? tr.working : current ? tr.rerate : tr.rate,
          sending,
        ),
      ),
    ]),
  ]);
}

/** The star of rating `n`, named by `words` ("4 stars: good"). */
function star(m: ActionsModel, n: number, words: string): TemplateResult {
  // No star is on before a choice: null compares as 0.
  const on = n <= m.chosen!;
  return html`<input type="radio" class="star-input" name="rating"
      id="rating-${n}" value=${n} .checked=${m.chosen === n}
      @change=${() => m.onPick(n)}
    /><label for="rating-${n}" part="star${on ? ' star-on' : ''}"
      class="star${on ? ' on' : ''}"><span aria-hidden="true">★</span
      ><span class="visually-hidden">${words}</span></label>`;
}
