import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIdentity } from './identity.js';
import { startServer, type TestServer } from './test-setup.js';

const SECRET = 'test-identity-secret-0123456789abcdef';

let t: TestServer;
let plain: TestServer;
beforeAll(async () => {
  t = await startServer({ identity: { secret: SECRET } });
  plain = await startServer();
});
afterAll(async () => {
  await t.close();
  await plain.close();
});

const tokenFor = (email: string, secret = SECRET) =>
  signIdentity(
    { userId: 'u-1', email, expiresAt: new Date(Date.now() + 3_600_000) },
    secret,
  );

const answer = async (server: TestServer, path: string, token: string) => {
  const response = await server.call(path, { token });
  const { error } = await response.json();
  return `${response.status} ${error?.code}`;
};

/** An agent route, a supervisor route, and the identity route to agree with. */
const PATHS = ['/tickets', '/agents', '/me/tickets'];

describe('identity tokens on agent and supervisor routes', () => {
  it('answer a malformed or forged token with the same 401 as /me/tickets', async () => {
    const forged = await tokenFor('ada@example.com', 'f'.repeat(40));
    const cases: [string, string][] = [
      ['tki_abc.def.ghi', '401 IDENTITY_MALFORMED'],
      ['tki_nodot', '401 IDENTITY_MALFORMED'],
      [forged, '401 IDENTITY_INVALID'],
    ];
    for (const [token, expected] of cases) {
      for (const path of PATHS) {
        expect(await answer(t, path, token), `${path} ${token}`).toBe(expected);
      }
    }
  });

  it('keep 403 for a valid identity, and 401 on a server that takes none', async () => {
    const valid = await tokenFor('ada@example.com');
    expect(await answer(t, '/tickets', valid)).toBe('403 FORBIDDEN');
    expect(await answer(t, '/agents', valid)).toBe('403 FORBIDDEN');
    for (const path of PATHS) {
      expect(await answer(plain, path, valid), path).toBe(
        '401 UNAUTHENTICATED',
      );
    }
  });
});
