const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  '`': '&#96;',
  '=': '&#61;',
};

/** Text made safe to place in HTML content or a quoted attribute. */
export function escapeHtml(text: string): string {
  return String(text).replace(/[&<>"'`=]/g, (c) => ESCAPES[c]!);
}

const SAFE = Symbol('SafeHtml');

/**
 * HTML whose every interpolated value was escaped; made only by
 * {@link html} and {@link paragraphs}, so a template cannot hand the
 * notifier ticket text that was not escaped.
 */
export interface SafeHtml {
  readonly [SAFE]: true;
  readonly value: string;
}

const safe = (value: string): SafeHtml => ({ [SAFE]: true, value });

const isSafe = (value: unknown): value is SafeHtml =>
  typeof value === 'object' && value !== null && SAFE in value;

function part(value: unknown): string {
  if (isSafe(value)) return value.value;
  if (Array.isArray(value)) return value.map(part).join('');
  if (value === null || value === undefined || value === false) return '';
  return escapeHtml(String(value));
}

/**
 * A tagged template for mail HTML: every `${value}` is escaped unless
 * it is itself `SafeHtml`; arrays are joined; null, undefined and
 * false are left out.
 *
 * @example
 * html`<p>Hello ${name}</p>`; // name '<b>' becomes &lt;b&gt;
 */
export function html(
  strings: TemplateStringsArray,
  ...values: unknown[]
): SafeHtml {
  let out = strings[0] ?? '';
  values.forEach((value, i) => {
    out += part(value) + (strings[i + 1] ?? '');
  });
  return safe(out);
}

/** Plain text as escaped HTML paragraphs, line breaks kept. */
export function paragraphs(text: string): SafeHtml {
  const blocks = text.split(/\n{2,}/).filter((b) => b.trim());
  return safe(
    blocks
      .map((b) => `<p>${b.split('\n').map(escapeHtml).join('<br>')}</p>`)
      .join('\n'),
  );
}

/**
 * A link whose address is http(s) only; anything else (javascript:,
 * data:) is refused with null.
 */
export function safeUrl(url: string): string | null {
  try {
    const parsed = new URL(url);
    return ['http:', 'https:'].includes(parsed.protocol) ? parsed.href : null;
  } catch {
    return null;
  }
}
