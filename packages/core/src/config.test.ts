import { describe, expect, it } from 'vitest';
import { configureDesk } from './config.js';
import { createDesk } from './desk/desk.js';
import { createMemoryStore } from './store/memory-store.js';

const config = {
  teams: [{ id: 'network', name: 'Network' }],
  agents: [
    { id: 'nia', name: 'Nia', role: 'agent', teamIds: ['network'] },
    {
      id: 'sam',
      name: 'Sam',
      role: 'supervisor',
      teamIds: ['network'],
      active: false,
    },
  ],
};

describe('configuring a desk', () => {
  it('creates teams and agents, and updates them when applied again', async () => {
    const desk = createDesk({ store: createMemoryStore() });
    await configureDesk(desk, config);
    await configureDesk(desk, config);
    expect(await desk.listTeams()).toHaveLength(1);
    expect((await desk.listAgents()).map((a) => [a.id, a.active])).toEqual([
      ['nia', true],
      ['sam', false],
    ]);
  });

  it('names the field of a bad configuration and changes nothing', async () => {
    const desk = createDesk({ store: createMemoryStore() });
    const bad = {
      teams: [{ id: 'x', name: 'X' }],
      agents: [{ id: 'a', name: 'A', role: 'boss' }],
    };
    await expect(configureDesk(desk, bad)).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      issues: [{ path: ['agents', 0, 'role'] }],
    });
    expect(await desk.listTeams()).toHaveLength(0);
  });

  it('refuses an agent of a team that does not exist', async () => {
    const desk = createDesk({ store: createMemoryStore() });
    const orphan = {
      agents: [{ id: 'a', name: 'A', role: 'agent', teamIds: ['nope'] }],
    };
    await expect(configureDesk(desk, orphan)).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});
