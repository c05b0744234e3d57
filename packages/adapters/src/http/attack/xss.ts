import {
  hasControlCharacters,
  hasDirectionControls,
  LIMITS,
  stripDirectionControls,
} from '@ticketry/core';
import { type Answer, send } from './routes.js';
import { createTally, type Leak, type Tally } from './tally.js';
import type { Site, World } from './world.js';

/** At most `max` UTF-16 units, never splitting a character. */
export function clip(text: string, max: number): string {
  let out = '';
  for (const char of text) {
    if (out.length + char.length > max) break;
    out += char;
  }
  return out;
}

/**
 * `clip` for one line of text (subject, name, category), which refuses
 * direction overrides: the payload without them.
 */
export const clipLine = (text: string, max: number): string =>
  clip(stripDirectionControls(text), max);

/**
 * The file name the server keeps, as docs/security.md states it: the
 * last path segment, trimmed, ending in an extension of its type; null
 * when nothing is left (refused).
 */
export function keptName(sent: string): string | null {
  const base = sent.split(/[/\\]/).pop()?.trim() ?? '';
  // Control characters, line breaks and tabs included, are refused.
  const controls = hasControlCharacters(base) || /[\t\n\r]/.test(base);
  const dots = /^\.*$/.test(base); // `.`, `..` and the like name nothing
  if (dots || base.length > 200 || controls || hasDirectionControls(base)) {
    return null;
  }
  return /\.(txt|log)$/i.test(base) ? base : `${base}.txt`;
}

/** Every answer of the API that holds data is JSON that no browser sniffs. */
function isInertJson(answer: Answer): boolean {
  return (
    /^application\/json\b/.test(answer.headers.get('content-type') ?? '') &&
    answer.headers.get('x-content-type-options') === 'nosniff'
  );
}

interface Step {
  tally: Tally;
  what: string;
}

/** Sends one request that must succeed with inert JSON; null on a leak. */
async function ok(site: Site, step: Step, target: Parameters<typeof send>[1]) {
  const answer = await send(site.api, target);
  step.tally.saw(answer.status);
  if (answer.status >= 300) {
    step.tally.leak(
      `${step.what}: ${target.method} ${target.path} → ${answer.status} ${answer.text.slice(0, 120)}`,
      answer.status,
    );
    return null;
  }
  if (answer.status !== 204 && !isInertJson(answer)) {
    step.tally.leak(
      `${step.what}: ${target.path} answered ${answer.headers.get('content-type')} without nosniff`,
    );
    return null;
  }
  step.tally.passed();
  return {
    answer,
    json: answer.text ? JSON.parse(answer.text) : null,
    etag: answer.headers.get('etag') ?? '',
  };
}

/** Compares what came back with what was sent, trimmed as the schema says. */
function same(step: Step, field: string, got: unknown, want: string) {
  if (got === want) step.tally.passed();
  else
    step.tally.leak(
      `${step.what}: ${field} came back as ${JSON.stringify(got)?.slice(0, 80)}`,
    );
}

const json = (headers: Record<string, string>, value: unknown) => ({
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify(value),
});

/** Uploads a file named with the payload; its id, or null when refused. */
async function uploadNamed(site: Site, step: Step, text: string, key: string) {
  const name = clip(text, 200);
  const answer = await send(site.api, {
    method: 'POST',
    path: `/attachments?${new URLSearchParams({ name })}`,
    headers: { 'content-type': 'text/plain', 'idempotency-key': key },
    body: 'attack suite',
  });
  const kept = keptName(name);
  if (kept === null) {
    if (answer.status === 422) step.tally.refused();
    else
      step.tally.leak(
        `${step.what}: file name ${JSON.stringify(name.slice(0, 40))} → ${answer.status}`,
        answer.status,
      );
    return null;
  }
  if (answer.status !== 201 || !isInertJson(answer)) {
    step.tally.leak(`${step.what}: upload → ${answer.status}`, answer.status);
    return null;
  }
  step.tally.passed();
  return { id: (JSON.parse(answer.text) as { id: string }).id, kept };
}

/**
 * Site acme: the payload in the subject, description, category, name,
 * both custom fields, an attachment's name, an agent's reply and note,
 * the requester's reply, the resolution and the rating comment; read
 * back from the store and the API exactly, as inert JSON.
 */
async function throughEveryField(
  site: Site,
  step: Step,
  text: string,
  n: number,
) {
  const agent = { authorization: `Bearer ${site.keys.agent}` };
  const key = `xss-${n}-${crypto.randomUUID()}`;
  const file = await uploadNamed(site, step, text, key);
  const sent = {
    subject: clipLine(text, LIMITS.subject),
    description: clip(text, LIMITS.body),
    category: clipLine(text, LIMITS.label),
    requester: {
      email: `xss${n}@example.com`,
      name: clipLine(text, LIMITS.name),
    },
    fields: {
      asset: clip(text, LIMITS.subject),
      steps: clip(text, LIMITS.fieldValue),
    },
    ...(file && { attachments: [file.id] }),
  };
  const made = await ok(site, step, {
    method: 'POST',
    path: '/tickets',
    ...json({ 'idempotency-key': key }, sent),
  });
  if (!made) return;
  const id: string = made.json.ticket.id;
  const token: string = made.json.accessToken;
  const body = clip(text, LIMITS.body);
  const reply = { method: 'POST', path: `/tickets/${id}/messages` };
  if (!(await ok(site, step, { ...reply, ...json(agent, { body }) }))) return;
  if (
    !(await ok(site, step, {
      ...reply,
      ...json(agent, { body, visibility: 'internal' }),
    }))
  )
    return;
  if (
    !(await ok(site, step, {
      ...reply,
      ...json({ authorization: `Bearer ${token}` }, { body }),
    }))
  )
    return;
  const code = clip(text, LIMITS.label);
  const read = await ok(site, step, {
    method: 'GET',
    path: `/tickets/${id}`,
    headers: agent,
  });
  const resolved = await ok(site, step, {
    method: 'POST',
    path: `/tickets/${id}/commands`,
    ...json(
      { ...agent, 'if-match': read?.etag ?? '' },
      { type: 'resolve', code, note: body },
    ),
  });
  if (!resolved) return;
  const rated = await ok(site, step, {
    method: 'POST',
    path: `/tickets/${id}/commands`,
    ...json(
      { authorization: `Bearer ${token}`, 'if-match': resolved.etag },
      { type: 'rate', rating: 2, comment: body },
    ),
  });
  if (!rated) return;

  // Stored byte for byte (after the documented trim), in the store itself.
  const stored = (await site.desk.get(id))!;
  const requester = await site.desk.store.getRequester(
    site.id,
    stored.requesterId,
  );
  const trimmed = body.trim();
  same(step, 'subject', stored.subject, sent.subject.trim());
  same(step, 'description', stored.description, trimmed);
  same(step, 'category', stored.category, sent.category.trim());
  same(step, 'name', requester?.name, sent.requester.name.trim());
  same(step, 'text field', stored.fields.asset, sent.fields.asset.trim());
  same(step, 'long text field', stored.fields.steps, sent.fields.steps.trim());
  same(step, 'resolution code', stored.resolution?.code, code.trim());
  same(step, 'resolution note', stored.resolution?.note, trimmed);
  same(step, 'rating comment', stored.satisfaction?.comment, trimmed);
  const events = JSON.stringify(await site.desk.events(id));
  same(
    step,
    'internal note',
    events.includes(JSON.stringify(trimmed)) ? trimmed : 'missing',
    trimmed,
  );

  // And the same strings back through the API, as JSON.
  const full = await ok(site, step, {
    method: 'GET',
    path: `/tickets/${id}`,
    headers: agent,
  });
  same(step, 'subject (agent API)', full?.json.subject, sent.subject.trim());
  same(
    step,
    'text field (agent API)',
    full?.json.fields.asset,
    sent.fields.asset.trim(),
  );
  const who = await ok(site, step, {
    method: 'GET',
    path: `/requesters/${stored.requesterId}`,
    headers: agent,
  });
  same(step, 'name (agent API)', who?.json.name, sent.requester.name.trim());
  const view = await ok(site, step, {
    method: 'GET',
    path: `/tickets/${id}`,
    headers: { authorization: `Bearer ${token}` },
  });
  const messages = (view?.json.messages ?? []) as {
    body: string;
    attachments?: { id: string; name: string }[];
  }[];
  same(
    step,
    'messages (requester API)',
    messages.map((m) => m.body).join('|'),
    [trimmed, trimmed, trimmed].join('|'),
  );
  same(
    step,
    'rating comment (requester API)',
    view?.json.satisfaction?.comment,
    trimmed,
  );
  if (file) {
    same(
      step,
      'attachment name',
      messages[0]?.attachments?.[0]?.name,
      file.kept,
    );
    await downloadIsInert(site, step, id, file.id, token);
  }
}

/** A file is only ever a download: attachment, nosniff, a sandboxing CSP. */
async function downloadIsInert(
  site: Site,
  step: Step,
  id: string,
  fileId: string,
  token: string,
) {
  const answer = await send(site.api, {
    method: 'GET',
    path: `/tickets/${id}/attachments/${fileId}?access_token=${token}`,
    headers: {},
  });
  const h = answer.headers;
  if (
    answer.status === 200 &&
    /^attachment;/.test(h.get('content-disposition') ?? '') &&
    h.get('x-content-type-options') === 'nosniff' &&
    /sandbox/.test(h.get('content-security-policy') ?? '') &&
    /^text\/plain\b/.test(h.get('content-type') ?? '')
  ) {
    step.tally.passed();
  } else
    step.tally.leak(
      `${step.what}: download ${answer.status} ${h.get('content-type')} ${h.get('content-disposition')}`,
      answer.status,
    );
}

/** Site globex (no form): the payload as a custom field's name and value. */
async function asFreeField(site: Site, step: Step, text: string, n: number) {
  const name = clip(text, LIMITS.label);
  const value = clip(text, LIMITS.fieldValue);
  const made = await ok(site, step, {
    method: 'POST',
    path: '/tickets',
    ...json(
      {},
      {
        subject: 'Free field',
        description: 'The field name and value are a payload',
        requester: { email: `free${n}@example.com` },
        fields: { [name]: value },
      },
    ),
  });
  if (!made) return;
  const stored = (await site.desk.get(made.json.ticket.id))!;
  same(
    step,
    'free field',
    Object.hasOwn(stored.fields, name) ? stored.fields[name] : 'missing',
    value,
  );
}

/**
 * Every payload through the API into every text field, stored exactly
 * and answered as JSON with nosniff. `workers` payloads at a time.
 */
export async function xssAttacks(
  world: World,
  leaks: Leak[],
  payloads: readonly string[],
  workers = 4,
) {
  const tally = createTally('XSS payloads', leaks);
  const [acme, globex] = world.sites;
  let next = 0;
  const worker = async () => {
    while (next < payloads.length) {
      const n = next++;
      const text = payloads[n]!;
      const step = {
        tally,
        what: `payload ${n} ${JSON.stringify(text.slice(0, 40))}`,
      };
      await throughEveryField(acme, step, text, n);
      await asFreeField(globex, step, text, n);
    }
  };
  await Promise.all(Array.from({ length: workers }, worker));
  return tally.figures;
}
