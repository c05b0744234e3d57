import type { Alert } from '../api-types.js';
import type { LitTags } from './charts.js';

/**
 * The dashboard's count of possible incidents (groups of tickets
 * arriving faster than forecast) and, with `show`, a button to the
 * alerts view that lists them.
 */
export function alertsFigure(
  lit: LitTags,
  alerts: readonly Alert[],
  show: (() => void) | null,
) {
  const { html, nothing } = lit;
  const n = alerts.length;
  return html`<figure class="chart" data-chart="alerts">
    <figcaption>Possible incidents</figcaption>
    <p class="figure"><strong>${n}</strong></p>
    <p>
      ${n === 1 ? 'group' : 'groups'} of tickets arriving faster than
      forecast.
    </p>
    ${
      show
        ? html`<button type="button" class="show-alerts" @click=${show}>
            Show the possible incidents</button>`
        : nothing
    }
  </figure>`;
}
