/**
 * Helpers for the console's XSS suite: seed tickets whose every
 * agent-visible field holds a payload (through the real API), and
 * check a rendered view against an allow-list of element and
 * attribute names.
 */
import { LIMITS } from '@ticketry/core/public';
import { endpoint, ok } from './browser-kit.js';
import { callAs } from './console-kit.js';

/**
 * One-line fields (subject, name, category) refuse direction overrides
 * and mail drops them, so payloads go there without them; descriptions,
 * replies and field values keep them.
 */
const oneLine = (text: string) =>
  text.replace(/[\u202a-\u202e\u2066-\u2069]/g, '');

/** At most `max` UTF-16 units, never splitting a character. */
export function clip(text: string, max: number): string {
  let out = '';
  for (const char of oneLine(text)) {
    if (out.length + char.length > max) break;
    out += char;
  }
  return out;
}

/** A label (category, tag) the server keeps: clipped, never blank. */
export function label(text: string): string {
  const kept = clip(text, LIMITS.label).trim();
  return kept || 'blank';
}

/** One seeded ticket and the payload in its fields. */
export interface ConsoleSeed {
  id: string;
  ref: string;
  text: string;
}

async function must(
  answer: Promise<{ status: number; body: unknown }>,
  what: string,
) {
  const { status, body } = await answer;
  ok(status < 300, `${what}: ${status} ${JSON.stringify(body).slice(0, 300)}`);
  return body as Record<string, never>;
}

/**
 * Files a ticket with `text` as subject, description, category, tag
 * and requester name, then, as the agent behind `token`: a public
 * reply, an internal note and an `update` (tags, a custom field named
 * and valued after the payload, priority with the payload as reason),
 * so the audit timeline carries it too.
 */
export async function seedTicket(
  token: string,
  text: string,
  n: number,
): Promise<ConsoleSeed> {
  const response = await fetch(`${endpoint}/tickets`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      subject: clip(text, LIMITS.subject),
      description: text,
      category: label(text),
      requester: {
        email: `console-xss-${n}@example.com`,
        name: clip(text, LIMITS.name),
      },
    }),
  });
  const created = await response.json();
  ok(response.status === 201, `submit ${n}: ${JSON.stringify(created)}`);
  const { id, ref } = created.ticket;
  const path = `/tickets/${id}`;
  await must(
    callAs(token, `${path}/messages`, { body: { body: text } }),
    'reply',
  );
  const noted = await must(
    callAs(token, `${path}/messages`, {
      body: { body: text, visibility: 'internal' },
    }),
    'note',
  );
  const version = (noted.ticket as unknown as { version: number }).version;
  await must(
    callAs(token, `${path}/commands`, {
      headers: { 'if-match': `"${version}"` },
      body: {
        type: 'update',
        tags: [label(text)],
        fields: { [label(text)]: clip(text, 500) },
        priority: 'high',
        priorityReason: text,
      },
    }),
    'update',
  );
  return { id, ref, text };
}

/** Seeds every text with a few workers at once, in order. */
export async function seedAll(
  texts: readonly string[],
  seed: (text: string, n: number) => Promise<ConsoleSeed>,
  workers = 6,
): Promise<ConsoleSeed[]> {
  const out: ConsoleSeed[] = new Array(texts.length);
  let next = 0;
  const work = async () => {
    while (next < texts.length) {
      const i = next++;
      out[i] = await seed(texts[i]!, i);
    }
  };
  await Promise.all(Array.from({ length: workers }, work));
  return out;
}

/** Every element the console's templates write, and nothing else. */
export const ALLOWED_ELEMENTS = new Set(
  `article button caption dd desc details dialog div dl dt figcaption figure
  form h1 h2 h3 header input kbd label li main nav ol option p polyline rect
  section select span strong summary svg table tbody td text textarea th
  thead time tr ul`.split(/\s+/),
);

/** Every attribute the console's templates write, and nothing else. */
export const ALLOWED_ATTRIBUTES = new Set(
  `class id part type role tabindex for name value datetime rows required
  disabled checked selected open scope data-id data-command data-chart
  viewbox x y width height fill text-anchor points stroke stroke-width
  stroke-dasharray style aria-label aria-labelledby aria-current
  aria-pressed aria-selected aria-expanded aria-haspopup aria-live
  aria-describedby aria-modal`.split(/\s+/),
);

/** What in `root` the allow-lists do not hold, one line each. */
export function foreignNodes(root: ParentNode): string[] {
  const found: string[] = [];
  for (const el of root.querySelectorAll('*')) {
    const name = el.localName.toLowerCase();
    if (!ALLOWED_ELEMENTS.has(name)) found.push(`<${name}>`);
    for (const attr of el.attributes) {
      const at = attr.name.toLowerCase();
      if (!ALLOWED_ATTRIBUTES.has(at)) found.push(`<${name} ${at}>`);
    }
    if (el.localName === 'a') {
      const href = el.getAttribute('href') ?? '';
      if (!/^https?:\/\//.test(href)) found.push(`<a href=${href}>`);
    }
  }
  return found;
}

/** How many elements of each tag name are under `root`. */
export function tagCounts(root: ParentNode): string {
  const count = new Map<string, number>();
  for (const el of root.querySelectorAll('*')) {
    count.set(el.localName, (count.get(el.localName) ?? 0) + 1);
  }
  return [...count]
    .sort()
    .map(([t, n]) => `${t}:${n}`)
    .join(' ');
}

/** Like `waitFor`, checking every 2 ms: hundreds of screens to go. */
export async function until<T>(
  probe: () => T,
  what: string,
  ms = 5_000,
): Promise<NonNullable<T>> {
  const end = Date.now() + ms;
  for (;;) {
    const value = probe();
    if (value) return value as NonNullable<T>;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 2));
  }
}
