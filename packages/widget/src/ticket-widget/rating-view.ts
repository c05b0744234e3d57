import type { TemplateResult } from 'lit';
import type { Messages } from './i18n/index.js';
import { kit } from './tracking-kit.js';

/** What the rating form shows and whom it tells. */
export interface RatingModel {
  tr: Messages['tracking'];
  /** How the page's language marks an optional field: "(optional)". */
  optional: string;
  format(message: string, values: Record<string, string | number>): string;
  /** The rating the server has, or null before the first one. */
  current: number | null;
  /** The stars chosen on screen (the current rating until changed). */
  chosen: number | null;
  comment: string;
  ratingError: string | null;
  commentError: string | null;
  sending: boolean;
  /** A failure of the rating no field owns. */
  error: string | null;
  onPick(rating: number): void;
  onCommentInput(value: string): void;
  onRate(event: SubmitEvent): void;
}

const STARS = [1, 2, 3, 4, 5] as const;

/**
 * 1 to 5 stars and an optional comment, after resolve or close. The
 * stars are native radio buttons (arrow keys move between them), each
 * with a 44 × 44 px label that names the rating in words.
 */
export function renderRating(m: RatingModel): TemplateResult {
  const { html, ifDefined, live, nothing } = kit();
  const { tr } = m;
  const describedBy = m.ratingError ? 'rating-error' : undefined;
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
      m.error
        ? html`<p class="alert" part="alert" role="alert">${m.error}</p>`
        : nothing
    }
    <form part="rating-form" novalidate @submit=${m.onRate}>
      <fieldset part="stars" class="stars"
        aria-describedby=${ifDefined(describedBy)}>
        <legend part="label">${tr.ratingLegend}</legend>
        ${STARS.map((n) => star(m, n))}
      </fieldset>
      ${
        m.ratingError
          ? html`<p class="error" part="error" id="rating-error">
              ${m.ratingError}
            </p>`
          : nothing
      }
      <div class="field" part="field">
        <label for="rating-comment" part="label">
          ${tr.ratingComment} <span class="optional">${m.optional}</span>
        </label>
        <textarea id="rating-comment" name="comment" part="textarea"
          .value=${live(m.comment)}
          aria-invalid=${m.commentError ? 'true' : 'false'}
          aria-describedby=${ifDefined(
            m.commentError ? 'rating-comment-error' : undefined,
          )}
          @input=${(e: Event) =>
            m.onCommentInput((e.target as HTMLTextAreaElement).value)}
        ></textarea>
        ${
          m.commentError
            ? html`<p class="error" part="error" id="rating-comment-error">
                ${m.commentError}
              </p>`
            : nothing
        }
      </div>
      <div class="actions">
        <button type="submit" class="primary" part="button rate-button"
          ?disabled=${m.sending}>
          ${m.sending ? tr.working : m.current ? tr.rerate : tr.rate}
        </button>
      </div>
    </form>
  </section>`;
}

function star(m: RatingModel, n: number): TemplateResult {
  const { html, live } = kit();
  const on = m.chosen !== null && n <= m.chosen;
  return html`<input type="radio" class="star-input" name="rating"
      id="rating-${n}" value=${n} .checked=${live(m.chosen === n)}
      @change=${() => m.onPick(n)}
    /><label for="rating-${n}" part="star${on ? ' star-on' : ''}"
      class="star${on ? ' on' : ''}"><span aria-hidden="true">★</span
      ><span class="visually-hidden">${m.tr.stars[n - 1]}</span></label>`;
}
