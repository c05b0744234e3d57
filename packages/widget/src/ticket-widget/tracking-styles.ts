import { css } from 'lit';

/**
 * Styles of the tracking actions: the answer to a resolution and the
 * star rating. Sizes in `px` and `em` like the rest of the widget; each
 * star is a 44 × 44 px target whose radio stays focusable (the ring is
 * drawn on its label).
 */
export const trackingStyles = css`
  .decision,
  .rating {
    margin: 0 0 1em;
    padding: 0.75em;
    border: 1px solid var(--ticket-border-color, var(--_ticket-border));
    border-radius: var(--ticket-radius, 8px);
  }

  .stars {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25em;
    margin: 0 0 0.5em;
    padding: 0;
    border: 0;
  }

  .stars legend {
    margin-block-end: 0.25em;
    padding: 0;
    font-weight: 600;
  }

  /* Invisible but focusable; its size and margin are those of every
     radio (styles.ts). */
  .star-input {
    position: absolute;
    opacity: 0;
    /* All five sit where the first star is: a click goes to the label
       under the pointer, never to a radio stacked on top of it. */
    pointer-events: none;
  }

  /* Stars and file links (below): 44 px targets. */
  .star,
  .files a {
    display: inline-flex;
    align-items: center;
    min-width: 44px;
    min-height: 44px;
  }

  .star {
    justify-content: center;
    font-size: 1.75em;
    line-height: 1;
    font-weight: 400;
    cursor: pointer;
    color: var(--ticket-muted-color, var(--_ticket-muted));
    border: 1px solid transparent;
    border-radius: var(--ticket-radius, 8px);
  }

  .star.on {
    color: var(--ticket-accent-color, var(--_ticket-accent));
  }

  .star-input:focus-visible + .star {
    outline: 3px solid var(--ticket-focus-color, var(--_ticket-accent));
    outline-offset: 2px;
  }

  .star-input:checked + .star {
    border-color: currentColor;
  }

  /* A message's files: no gap below. */
  .files {
    margin: 0;
  }

  #rating-current:focus {
    outline: none;
  }
`;
