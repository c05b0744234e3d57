import type { Ticket } from '../schemas/ticket.js';
import type { TicketStore } from '../store/types.js';
import { check, checkEqual } from './assert.js';
import { bumped, sampleEvent, sampleTicket } from './fixtures.js';
import type { ConformanceCheck } from './harness.js';

/**
 * Text that stores and drivers have been known to change: each must
 * come back code unit for code unit.
 */
export const UNICODE_SAMPLES: Record<string, string> = {
  'accents and symbols': 'Résumé ✓ — naïve façade € £ ¥ "quotes" \\ \t end',
  emoji: '🚀🎉😀 ❤️ ☕ 🔥',
  'zero-width joiner sequences': '👩‍👩‍👧‍👦 👨🏽‍💻 🏳️‍🌈 🧑‍🤝‍🧑',
  flags: '🇩🇪🇯🇵🇺🇳🇧🇷 🏴󠁧󠁢󠁳󠁣󠁴󠁿',
  'combining marks':
    'e\u0301 a\u0308 n\u0303 Z\u0351\u0352\u0353\u0354 ḁ\u0331',
  'right-to-left text':
    'שָׁלוֹם עִבְרִית مرحبا بالعالم ﷺ \u200fRTL\u200e \u202eevil\u202c',
  'zero-width and invisible characters':
    'a\u200bb\u200cc\u200dd\u2060e\ufefff\u00adg',
  'astral-plane and CJK characters': '𝕳𝖊𝖑𝖑𝖔 𠜎𠜱 漢字 かな 한국어 ⅷ',
  // The desk refuses C0 controls but tab, line feed and carriage return.
  'line ends and separators':
    'crlf\r\nlf\ncr\r tab\t nel\u0085 ls\u2028 ps\u2029 end',
};

// Cuts at code points, so no surrogate pair is split in two.
const head = (text: string, n: number) => Array.from(text).slice(0, n).join('');

async function roundTrip(store: TicketStore, name: string, text: string) {
  const ticket = sampleTicket({
    subject: head(text, 200),
    description: `${text}\n${text}`,
    tags: [head(text, 16)],
    fields: { [head(text, 8)]: text },
  });
  await store.createTicket({ ticket, event: sampleEvent(ticket) });
  const next = bumped(ticket, { subject: head(`${name}: ${text}`, 200) });
  await store.commit({
    ticket: next,
    expectedVersion: 1,
    event: { ...sampleEvent(next), data: { body: text } },
  });
  return next;
}

function same(read: Ticket | null | undefined, want: Ticket, where: string) {
  check(read, `${where}: the ticket is missing`);
  check(
    read.subject === want.subject && read.description === want.description,
    `${where}: text changed to ${JSON.stringify(read.subject)}`,
  );
  checkEqual(read, want, where);
}

/** Unicode: every kind of text, through every read path. */
export const unicodeChecks: ConformanceCheck[] = Object.entries(
  UNICODE_SAMPLES,
).map(([name, text]) => ({
  area: 'unicode',
  name: `a round trip keeps ${name} code unit for code unit`,
  async run({ store }) {
    const ticket = await roundTrip(store, name, text);
    const { siteId, id, ref } = ticket;
    same(await store.getTicket(siteId, id), ticket, 'by id');
    same(await store.getTicketByRef(siteId, ref), ticket, 'by ref');
    const [listed] = (await store.listTickets(siteId, {})).items;
    same(listed, ticket, 'listed');
    const events = await store.listEvents(siteId, id);
    check(events[0]?.changes.description === ticket.description, 'event 1');
    check(events[1]?.data?.body === text, 'the message text changed');
    const feed = await store.readFeed(0, 10);
    check(feed.events[1]?.data?.body === text, 'the feed text changed');
  },
}));

unicodeChecks.push({
  area: 'unicode',
  name: 'composed and decomposed forms stay as written, never normalised',
  async run({ store }) {
    const composed = 'caf\u00e9 \u00c5ngstr\u00f6m';
    const decomposed = composed.normalize('NFD');
    const a = sampleTicket({ subject: composed, description: decomposed });
    const b = sampleTicket({ subject: decomposed, description: composed });
    for (const t of [a, b]) {
      await store.createTicket({ ticket: t, event: sampleEvent(t) });
    }
    const readA = await store.getTicket(a.siteId, a.id);
    const readB = await store.getTicket(b.siteId, b.id);
    check(
      readA?.subject === composed && readA.description === decomposed,
      'a composed (NFC) or decomposed (NFD) text was normalised',
    );
    check(
      readB?.subject === decomposed && readB.description === composed,
      'a decomposed (NFD) subject was normalised',
    );
  },
});
