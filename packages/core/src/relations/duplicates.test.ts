import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DUPLICATE_DEFAULTS } from './duplicates.js';
import { shapeOf, similarity, subjectTokens } from './similarity.js';
import { ada, relationsDesk } from './test-support.js';

const CSV = new URL(
  '../../../../data/it-service-tickets-text/it_service_tickets_sample_250_per_class.csv',
  import.meta.url,
);

/**
 * Rows of the IT service ticket texts (no quotes or commas inside a
 * field). The texts have no subject of their own: each opens with its
 * mail's subject line, so the first six words stand for it.
 */
function readTickets() {
  const [, ...lines] = readFileSync(CSV, 'utf8').trim().split('\n');
  return lines.map((line) => {
    const [row, text, label] = line.split(',');
    const subject = text!.split(' ').slice(0, 6).join(' ');
    return { row: Number(row), subject, text: text!, label: label! };
  });
}

const tickets = readTickets();
const byRow = (row: number) => tickets.find((t) => t.row === row)!;

describe('subject similarity', () => {
  it('normalizes case, accents, reply prefixes and ticket refs', () => {
    expect(subjectTokens('RE: Fwd: Écran noir [T-42] au démarrage')).toEqual([
      'ecran',
      'noir',
      'au',
      'demarrage',
    ]);
  });

  it('flags few pairs of real tickets, and those mostly share a topic', () => {
    // 100 tickets per label: 800 tickets, 319,600 pairs.
    const sample = [...new Set(tickets.map((t) => t.label))].flatMap((label) =>
      tickets.filter((t) => t.label === label).slice(0, 100),
    );
    const shapes = sample.map((t) => shapeOf(t.subject));
    let pairs = 0;
    let flagged = 0;
    let sameTopic = 0;
    let distinct = 0;
    let distinctSame = 0;
    for (let i = 0; i < sample.length; i++) {
      for (let j = i + 1; j < sample.length; j++) {
        pairs++;
        if (similarity(shapes[i]!, shapes[j]!) < DUPLICATE_DEFAULTS.threshold) {
          continue;
        }
        const same = sample[i]!.label === sample[j]!.label;
        flagged++;
        if (same) sameTopic++;
        // Identical subjects are easy; count the others apart too.
        if (sample[i]!.subject === sample[j]!.subject) continue;
        distinct++;
        if (same) distinctSame++;
      }
    }
    // Measured here: 0.87% flagged, 99.6% on one topic, 98.4% of the
    // 692 pairs whose subjects differ.
    expect(flagged / pairs).toBeLessThan(0.02);
    expect(sameTopic / flagged).toBeGreaterThan(0.95);
    expect(distinct).toBeGreaterThan(100);
    expect(distinctSame / distinct).toBeGreaterThan(0.95);
  });
});

describe('duplicate detection at intake', () => {
  // Two real tickets that ask the same thing, and one that does not.
  const first = byRow(167);
  const again = byRow(741);
  const unrelated = byRow(2096);

  async function arrive() {
    const offers: string[][] = [];
    const env = await relationsDesk({
      duplicates: {},
      onDuplicates: (_t, found) => offers.push(found.map((s) => s.ref)),
    });
    const send = async (t: typeof first, email = 'grace@example.com') => {
      env.clock.advance(3_600_000);
      const { ticket } = await env.desk.submit({
        subject: t.subject,
        description: t.text,
        requester: { email },
      });
      await env.relations.idle();
      return ticket;
    };
    return { ...env, offers, send };
  }

  it("offers the requester's open look-alike ticket, stored and on demand", async () => {
    const { relations, offers, send } = await arrive();
    expect(first.subject).not.toBe(again.subject);
    const a = await send(first);
    await send(unrelated);
    const b = await send(again);
    expect(offers).toEqual([[a.ref]]);
    const offered = await relations.offered(b.id);
    expect(offered?.suggestions.map((s) => s.ticketId)).toEqual([a.id]);
    expect(offered?.suggestions[0]?.score).toBeGreaterThanOrEqual(0.5);
    expect((await relations.duplicates(b.id)).map((s) => s.ref)).toEqual([
      a.ref,
    ]);
  });

  it('never merges or links by itself', async () => {
    const { desk, send } = await arrive();
    const a = await send(first);
    const b = await send(again);
    expect((await desk.get(a.id))?.links).toEqual([]);
    expect((await desk.get(b.id))?.status).toBe('new');
  });

  it('offers nothing across requesters, after the window, or for finished tickets', async () => {
    const { desk, clock, offers, send } = await arrive();
    await send(first, 'alan@example.com');
    await send(again);
    const old = await send(first, 'joan@example.com');
    clock.advance(8 * 86_400_000);
    await send(again, 'joan@example.com');
    const done = await send(first, 'hedy@example.com');
    await desk.resolve(
      done.id,
      { code: 'fixed', note: 'Reset.' },
      { actor: ada },
    );
    await send(again, 'hedy@example.com');
    expect(offers).toEqual([]);
    expect(old.status).toBe('new');
  });
});
