import { LIMITS } from '@ticketry/core';
import { Parser } from 'htmlparser2';
import { splitBody } from '../../email/long-body.js';
import { cleanText, oneLine } from '../../email/parse.js';
import { trimQuotes } from '../../email/quotes.js';
import { compose } from '../../email/test-support.js';
import {
  DESK_ADDRESS,
  headerNames,
  MAIL_SECRET,
  type MailSide,
  type SentMail,
} from './mail-world.js';
import { send } from './routes.js';
import { createTally, type Leak, type Tally } from './tally.js';
import type { Site, World } from './world.js';

/** Tags, attribute names and risky attribute values of an HTML text. */
export function markupOf(html: string) {
  const tags: string[] = [];
  const attributes = new Set<string>();
  const hrefs: string[] = [];
  let text = '';
  const parser = new Parser({
    onopentag(name, attribs) {
      tags.push(name);
      for (const [key, value] of Object.entries(attribs)) {
        attributes.add(key);
        if (key === 'href' || key === 'src') hrefs.push(value);
      }
    },
    ontext(data) {
      text += data;
    },
  });
  parser.write(html);
  parser.end();
  return { tags: tags.sort().join(' '), attributes, hrefs, text };
}

/** What a notification must look like: the same as for plain words. */
interface Baseline {
  tags: string;
  attributes: string;
  headers: string;
}

function shapeOf(sent: SentMail): Baseline {
  const markup = markupOf(sent.mail.html);
  return {
    tags: markup.tags,
    attributes: [...markup.attributes].sort().join(' '),
    headers: [...new Set(headerNames(sent.raw))].sort().join(' '),
  };
}

interface Step {
  tally: Tally;
  what: string;
  site: Site;
  mail: MailSide;
  baseline: { acknowledgement: Baseline; reply: Baseline };
}

const inbound = (raw: string) => ({
  method: 'POST',
  path: '/mail/inbound',
  headers: {
    'content-type': 'message/rfc822',
    'x-ticketry-mail-secret': MAIL_SECRET,
  },
  body: raw,
});

function expect(step: Step, held: boolean, what: string) {
  if (held) step.tally.passed();
  else step.tally.leak(`${step.what}: ${what}`);
}

/** Posts a raw message; the ticket it made, or null (counted as a leak). */
async function deliver(step: Step, raw: string) {
  const answer = await send(step.mail.api, inbound(raw));
  step.tally.saw(answer.status);
  const inert =
    /^application\/json\b/.test(answer.headers.get('content-type') ?? '') &&
    answer.headers.get('x-content-type-options') === 'nosniff';
  if (answer.status !== 201 || !inert) {
    step.tally.leak(
      `${step.what}: mail → ${answer.status} ${answer.text.slice(0, 120)}`,
      answer.status,
    );
    return null;
  }
  step.tally.passed();
  return JSON.parse(answer.text) as { ticket: { id: string }; cc: string[] };
}

/**
 * (c): a notification has only tags, attributes and headers that the
 * same notification for plain words has: ours.
 */
function notificationIsInert(step: Step, sent: SentMail | undefined) {
  if (!sent) return expect(step, false, 'no notification was sent');
  if (!step.baseline) return; // the control itself
  const kind = sent.mail.kind as 'acknowledgement' | 'reply';
  const want = step.baseline[kind];
  const markup = markupOf(sent.mail.html);
  const ours = (list: string, allowed: string) =>
    list.split(' ').every((x) => !x || allowed.split(' ').includes(x));
  const got = shapeOf(sent);
  expect(step, ours(got.tags, want.tags), `${kind} HTML tags ${got.tags}`);
  expect(
    step,
    ours(got.attributes, want.attributes) &&
      markup.hrefs.every((h) => /^https?:/i.test(h)),
    `${kind} HTML attributes ${got.attributes}`,
  );
  expect(step, got.headers === want.headers, `${kind} headers ${got.headers}`);
}

/** (b): the requester's view answers the stored text, as inert JSON. */
async function viewIsText(step: Step, id: string) {
  const stored = (await step.site.desk.get(id))!;
  const token = await step.site.desk.createAccessToken(id);
  const answer = await send(step.site.api, {
    method: 'GET',
    path: `/tickets/${id}`,
    headers: { authorization: `Bearer ${token}` },
  });
  step.tally.saw(answer.status);
  const inert =
    answer.status === 200 &&
    /^application\/json\b/.test(answer.headers.get('content-type') ?? '') &&
    answer.headers.get('x-content-type-options') === 'nosniff';
  const view = inert ? JSON.parse(answer.text) : null;
  expect(
    step,
    view?.subject === stored.subject &&
      view?.messages?.[0]?.body === stored.description,
    `public view → ${answer.status}, not the stored text`,
  );
  return stored;
}

const sentFor = (mail: MailSide, id: string, kind: string) =>
  mail.sent.find((s) => s.mail.ticketId === id && s.mail.kind === kind);

/** The text body as stored: as sent, or its first part when split. */
function keptBody(sent: string, stored: string): boolean {
  const body = trimQuotes(cleanText(sent)) || '(no text)';
  return stored.length <= LIMITS.body && stored === splitBody(body)[0];
}

/**
 * The payload as subject, text body, From name, CC name and attachment
 * name of one message: stored as plain text, shown as text, and mailed
 * back escaped, in an acknowledgement and in an agent's reply.
 */
async function asTextMail(step: Step, text: string, n: number) {
  const from = `mx${n}@example.com`;
  const cc = `cc${n}@example.com`;
  const raw = await compose({
    from: { name: text, address: from },
    to: DESK_ADDRESS,
    cc: [{ name: text, address: cc }],
    subject: text,
    text,
    attachments: [
      { filename: text, content: 'attack suite', contentType: 'text/plain' },
    ],
    messageId: `<mail-xss-text-${n}@example.com>`,
  });
  const made = await deliver(step, raw);
  if (!made) return null;
  const id = made.ticket.id;
  expect(step, made.cc.join() === cc, `CC became ${made.cc.join()}`);
  const stored = await viewIsText(step, id);
  const requester = await step.site.desk.store.getRequester(
    step.site.id,
    stored.requesterId,
  );
  expect(step, requester?.email === from, `sender became ${requester?.email}`);
  const subject = oneLine(text, LIMITS.subject) || '(no subject)';
  expect(step, stored.subject === subject, 'subject not kept as text');
  expect(step, keptBody(text, stored.description), 'body not kept as text');

  const actor = { role: 'agent' as const, id: step.site.canaries.assignee };
  await step.site.desk.reply(id, { body: text }, { actor });
  await step.mail.idle();
  notificationIsInert(step, sentFor(step.mail, id, 'acknowledgement'));
  notificationIsInert(step, sentFor(step.mail, id, 'reply'));
  return id;
}

/** Element names the payload makes as HTML, minus those in its own text. */
function elementsOf(html: string): string[] {
  const { tags, text } = markupOf(html);
  return [...new Set(tags.split(' ').filter(Boolean))].filter(
    (tag) => !new RegExp(`<${tag}[\\s/>]`, 'i').test(text),
  );
}

/** (a) for HTML: the payload as markup of an HTML-only body leaves text only. */
async function asHtmlMail(step: Step, text: string, n: number) {
  const html = `<p>Before</p>${text}<p>After</p>`;
  const raw = await compose({
    from: `mh${n}@example.com`,
    to: DESK_ADDRESS,
    subject: `HTML ${n}`,
    html,
    messageId: `<mail-xss-html-${n}@example.com>`,
  });
  const made = await deliver(step, raw);
  if (!made) return;
  const stored = await viewIsText(step, made.ticket.id);
  const left = elementsOf(html).filter((tag) =>
    new RegExp(`<${tag}[\\s/>]`, 'i').test(stored.description),
  );
  expect(
    step,
    left.length === 0 && stored.description.startsWith('Before'),
    `HTML body kept markup: ${left.join()}`,
  );
  await step.mail.idle();
  notificationIsInert(
    step,
    sentFor(step.mail, made.ticket.id, 'acknowledgement'),
  );
}

/** A ticket of plain words, mailed the same way: the notifications' shape. */
async function baselineOf(site: Site, mail: MailSide) {
  const step = { tally: createTally('baseline', []), what: 'control', site };
  const full = { ...step, mail, baseline: null as never };
  const id = await asTextMail(full, 'Plain words\nabout a printer', -1).catch(
    () => null,
  );
  const ack = id && sentFor(mail, id, 'acknowledgement');
  const reply = id && sentFor(mail, id, 'reply');
  if (!ack || !reply) throw new Error('the control mail sent no notification');
  return { acknowledgement: shapeOf(ack), reply: shapeOf(reply) };
}

/**
 * Every payload of the corpus through `POST /mail/inbound` on acme:
 * (a) stored as plain text, (b) answered as text by the public view,
 * (c) mailed back with our markup and headers only. `workers` at once.
 */
export async function mailXssAttacks(
  world: World,
  mail: MailSide,
  leaks: Leak[],
  payloads: readonly string[],
  workers = 3,
) {
  const tally = createTally('XSS through email', leaks);
  const site = world.sites[0];
  const baseline = await baselineOf(site, mail);
  let next = 0;
  const worker = async () => {
    while (next < payloads.length) {
      const n = next++;
      const text = payloads[n]!;
      const what = `mail payload ${n} ${JSON.stringify(text.slice(0, 40))}`;
      const step = { tally, what, site, mail, baseline };
      await asTextMail(step, text, n);
      await asHtmlMail(step, text, n);
    }
  };
  await Promise.all(Array.from({ length: workers }, worker));
  return tally.figures;
}
