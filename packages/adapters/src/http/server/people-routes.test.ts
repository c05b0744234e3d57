import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from './test-setup.js';

let t: TestServer;
beforeAll(async () => {
  t = await startServer();
});
afterAll(() => t.close());

describe('POST /agents and POST /teams', () => {
  it('answer an id that is taken with 409 ALREADY_EXISTS, as organizations do, and keep the original', async () => {
    const cases: [string, Record<string, unknown>, string][] = [
      ['/agents', { id: 'ada', name: 'Ada again', role: 'supervisor' }, 'ada'],
      ['/teams', { id: 'network', name: 'Network again' }, 'network'],
    ];
    for (const [path, body, id] of cases) {
      const response = await t.call(path, { body, token: t.keys.supervisor });
      expect(response.status, path).toBe(409);
      const { error } = await response.json();
      expect(error.code, path).toBe('ALREADY_EXISTS');
      expect(error.message, path).toMatch(new RegExp(`${id} already exists`));
      expect(error.issues[0].path, path).toEqual(['id']);
    }
    expect((await t.desk.getAgent('ada'))?.role).toBe('agent');
    const teams = await t.desk.listTeams();
    expect(teams.find((x) => x.id === 'network')?.name).toBe('Network');
  });
});
