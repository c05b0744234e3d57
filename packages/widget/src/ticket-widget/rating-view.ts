import type { TemplateResult } from 'lit';
import { errorLine, textField } from './text-field.js';
import type { ActionsModel } from './ticket-actions-view.js';
import { html, nothing } from './tracking-kit.js';

const STARS = [1, 2, 3, 4, 5] as const;

/**
 * 1 to 5 stars and an optional comment, after resolve or close. The
 * stars are native radio buttons (arrow keys move between them), each
 * with a 44 × 44 px label that names the rating in words.
 */
export function renderRating(m: ActionsModel): TemplateResult {
  const tr = m.t.tracking;
  const { errors } = m;
  const sending = m.sending === 'rate';
  return html`<section part="rating" class="rating"
    aria-labelledby="rating-heading">
    <h3 id="rating-heading" tabindex="-1">${tr.ratingHeading}</h3>
    ${
      m.current
        ? html`<p id="rating-current" part="rating-current" tabindex="-1">
            ${m.format(tr.rated, { rating: m.current })}
          </p>`
        : nothing
    }
    ${
      errors.rate
        ? html`<p class="alert" part="alert" role="alert">${errors.rate}</p>`
        : nothing
    }
    <form part="rating-form" novalidate @submit=${m.onRate}>
      <fieldset part="stars" class="stars"
        aria-describedby=${errors.rating ? 'rating-error' : nothing}>
        <legend part="label">${tr.ratingLegend}</legend>
        ${STARS.map((n) => star(m, n))}
      </fieldset>
      ${errorLine(errors.rating, 'rating-error')}
      ${textField({
        id: 'rating-comment',
        name: 'comment',
        label: html`${tr.ratingComment}
          <span class="optional">${m.t.optional}</span>`,
        value: m.comment,
        error: errors.comment,
        onInput: m.onCommentInput,
      })}
      <div class="actions">
        <button type="submit" class="primary" part="button rate-button"
          ?disabled=${sending}>
          ${sending ? tr.working : m.current ? tr.rerate : tr.rate}
        </button>
      </div>
    </form>
  </section>`;
}

function star(m: ActionsModel, n: number): TemplateResult {
  const on = m.chosen !== null && n <= m.chosen;
  return html`<input type="radio" class="star-input" name="rating"
      id="rating-${n}" value=${n} .checked=${m.chosen === n}
      @change=${() => m.onPick(n)}
    /><label for="rating-${n}" part="star${on ? ' star-on' : ''}"
      class="star${on ? ' on' : ''}"><span aria-hidden="true">★</span
      ><span class="visually-hidden">${m.t.tracking.stars[n - 1]}</span></label>`;
}
