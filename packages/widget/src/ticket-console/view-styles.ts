import { css } from 'lit';

/**
 * Styles of the console's wide content: tables that scroll in a
 * focusable region of their own on narrow screens, the queue's
 * reference buttons, and the dashboard's charts. No view sets an
 * inline style (a strict `style-src` policy would drop it): colours
 * and layout are classes here.
 */
export const viewStyles = css`
  .scroll {
    overflow-x: auto;
    max-width: 100%;
    margin-block-end: 0.75em;
  }
  .scroll > table {
    min-width: 36em;
  }
  button.open {
    white-space: nowrap;
  }
  .charts {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(20em, 100%), 1fr));
    gap: 1.5em;
  }
  figure {
    margin: 0;
    min-width: 0;
  }
  /* The at-risk table reads best across the whole width. */
  figure[data-chart='at-risk'] {
    grid-column: 1 / -1;
  }
  figcaption {
    font-weight: 600;
  }
  .series-0 {
    color: #0969da;
  }
  .series-1 {
    color: #bc4c00;
  }
  svg {
    width: 100%;
    height: auto;
  }
  svg text {
    font-size: 12px;
    fill: currentColor;
  }
  .guess .applied {
    font-weight: 600;
  }
`;
