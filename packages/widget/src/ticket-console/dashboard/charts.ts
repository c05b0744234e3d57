import type { nothing, TemplateResult } from 'lit';
import type { Datum } from './chart-data.js';

/** Lit's template tags, handed in by the console (see dashboard-host.ts). */
export interface LitTags {
  html: (s: TemplateStringsArray, ...v: unknown[]) => TemplateResult;
  svg: (s: TemplateStringsArray, ...v: unknown[]) => TemplateResult;
  nothing: typeof nothing;
}

/** Size of every chart's drawing area, in SVG units. */
const W = 480;
const H = 200;
const PAD = 28;

/**
 * Series colours with at least 3:1 contrast on white (WCAG 1.4.11);
 * the legends' `.series-0` and `.series-1` classes (view-styles.ts)
 * repeat them, as no chart sets an inline style.
 */
export const SERIES = ['#0969da', '#bc4c00'] as const;

const max = (values: number[]) => Math.max(1, ...values);

/** A data table for a chart, for screen readers and anyone who reads. */
export function dataTable(
  { html }: LitTags,
  caption: string,
  head: string[],
  rows: (string | number | null)[][],
) {
  return html`<details>
    <summary>${caption} as a table</summary>
    <table>
      <caption>${caption}</caption>
      <thead><tr>${head.map((h) => html`<th scope="col">${h}</th>`)}</tr></thead>
      <tbody>
        ${rows.map((r) => html`<tr>${r.map((c) => html`<td>${c ?? '–'}</td>`)}</tr>`)}
      </tbody>
    </table>
  </details>`;
}

/**
 * Vertical bars, one per datum, labelled under each bar and valued
 * above it. The SVG is an image with a text alternative; the table
 * beside it holds the same figures.
 */
export function barChart(
  lit: LitTags,
  id: string,
  title: string,
  data: Datum[],
  summary: string,
) {
  const { html, svg } = lit;
  const top = max(data.map((d) => d.value));
  const step = (W - PAD) / Math.max(1, data.length);
  const bars = data.map((d, i) => {
    const h = ((H - 2 * PAD) * d.value) / top;
    const x = PAD / 2 + i * step + step * 0.15;
    const y = H - PAD - h;
    return svg`<rect x=${x} y=${y} width=${step * 0.7} height=${h} fill=${SERIES[0]}></rect>
      <text x=${x + step * 0.35} y=${y - 4} text-anchor="middle">${d.value}</text>
      <text x=${x + step * 0.35} y=${H - PAD + 16} text-anchor="middle">${d.label}</text>`;
  });
  return html`<figure class="chart" data-chart=${id}>
    <figcaption id=${`${id}-title`}>${title}</figcaption>
    <svg viewBox="0 0 ${W} ${H}" role="img" aria-labelledby=${`${id}-title ${id}-desc`}>
      <desc id=${`${id}-desc`}>${summary}</desc>
      ${bars}
    </svg>
    ${dataTable(
      lit,
      title,
      ['', 'value'],
      data.map((d) => [d.label, d.value]),
    )}
  </figure>`;
}

/** Two lines over the same buckets (created and resolved per week). */
export function lineChart(
  lit: LitTags,
  id: string,
  title: string,
  points: { label: string; a: number; b: number }[],
  names: [string, string],
  summary: string,
) {
  const { html, svg } = lit;
  const top = max(points.flatMap((p) => [p.a, p.b]));
  const x = (i: number) =>
    PAD + (i * (W - 2 * PAD)) / Math.max(1, points.length - 1);
  const y = (v: number) => H - PAD - ((H - 2 * PAD) * v) / top;
  const line = (pick: (p: { a: number; b: number }) => number) =>
    points
      .map((p, i) => `${x(i).toFixed(1)},${y(pick(p)).toFixed(1)}`)
      .join(' ');
  const first = points[0]?.label ?? '';
  const last = points[points.length - 1]?.label ?? '';
  return html`<figure class="chart" data-chart=${id}>
    <figcaption id=${`${id}-title`}>
      ${title}:
      <span class="series-0">━ ${names[0]}</span>
      <span class="series-1">┅ ${names[1]}</span>
    </figcaption>
    <svg viewBox="0 0 ${W} ${H}" role="img" aria-labelledby=${`${id}-title ${id}-desc`}>
      <desc id=${`${id}-desc`}>${summary}</desc>
      <polyline points=${line((p) => p.a)} fill="none" stroke=${SERIES[0]} stroke-width="2"></polyline>
      <polyline points=${line((p) => p.b)} fill="none" stroke=${SERIES[1]} stroke-width="2" stroke-dasharray="5 3"></polyline>
      ${svg`<text x=${PAD} y=${H - 6}>${first}</text>
        <text x=${W - PAD} y=${H - 6} text-anchor="end">${last}</text>
        <text x=${4} y=${PAD - 8}>${top}</text>`}
    </svg>
    ${dataTable(
      lit,
      title,
      ['week', names[0], names[1]],
      points.map((p) => [p.label, p.a, p.b]),
    )}
  </figure>`;
}
