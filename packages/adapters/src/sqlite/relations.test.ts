import { createDesk, createRelations } from '@ticketry/core';
import { RELATION_FLOWS } from '@ticketry/core/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { sqliteStore } from './index.js';
import { sqliteProbe, tempFiles } from './test-support.js';

const files = tempFiles();
afterAll(() => files.remove());

describe('relations on the sqlite store', () => {
  for (const flow of RELATION_FLOWS) {
    it(flow.name, async () => {
      const store = sqliteStore({ filename: files.file('relations') });
      try {
        await flow.run(store);
      } finally {
        await store.close();
      }
    });
  }

  it('keeps both sides of a link in the file, across a reopen', async () => {
    const filename = files.file('links');
    const store = sqliteStore({ filename });
    const desk = createDesk({ store });
    await desk.createTeam({ id: 'desk', name: 'Desk' });
    await desk.createAgent({
      id: 'ada',
      name: 'Ada',
      role: 'agent',
      teamIds: ['desk'],
    });
    const relations = createRelations(desk, { duplicates: false });
    const submission = (subject: string) => ({
      subject,
      description: `${subject}.`,
      requester: { email: 'grace@example.com' },
    });
    const a = (await desk.submit(submission('Printer'))).ticket;
    const b = (await desk.submit(submission('Toner'))).ticket;
    await relations.link(
      a.id,
      { type: 'depends_on', ticketId: b.id },
      { role: 'agent', id: 'ada' },
    );
    await store.close();

    const probe = sqliteProbe(filename);
    try {
      const rawA = await probe.readTicket('default', a.id);
      const rawB = await probe.readTicket('default', b.id);
      expect(rawA?.links).toEqual([{ type: 'depends_on', ticketId: b.id }]);
      expect(rawB?.links).toEqual([{ type: 'blocks', ticketId: a.id }]);
      expect(await probe.countEvents('default', b.id)).toBe(2);
    } finally {
      probe.close();
    }
  });
});
