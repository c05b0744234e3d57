/**
 * The server side of the fault suite, run in its own process so the
 * client under test and the server do not share one event loop: a
 * memory desk behind the HTTP handler, wrapped by {@link withFaults},
 * on 127.0.0.1. It tells its parent its URL, answers `report` with its
 * figures and every ticket's id and subject, and stops on `stop`.
 */
import { createDesk, createMemoryStore, type Ticket } from '@ticketry/core';
import { createHttpHandler, serveNode } from '../server/index.js';
import { type FaultStats, withFaults } from './fault-handler.js';

/** What the server process sends its parent. */
export type FaultServerMessage =
  | { type: 'ready'; url: string }
  | {
      type: 'report';
      stats: FaultStats;
      tickets: { id: string; subject: string }[];
    };

const seed = process.argv[2] ?? 'faults';
const desk = createDesk({ store: createMemoryStore() });
const faulty = withFaults(createHttpHandler({ desk }), seed);
const server = await serveNode(faulty.handler, { host: '127.0.0.1' });
const tell = (message: FaultServerMessage) => process.send?.(message);

async function allTickets(): Promise<Ticket[]> {
  const tickets: Ticket[] = [];
  let cursor: string | null | undefined;
  do {
    const page = await desk.list({ limit: 500, sort: 'createdAt', cursor });
    tickets.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return tickets;
}

process.on('message', async (message) => {
  if (message === 'report') {
    const tickets = (await allTickets()).map(({ id, subject }) => ({
      id,
      subject,
    }));
    tell({ type: 'report', stats: faulty.stats, tickets });
  }
  if (message === 'stop') {
    await server.close();
    process.exit(0);
  }
});
process.on('disconnect', () => process.exit(0));
tell({ type: 'ready', url: server.url });
