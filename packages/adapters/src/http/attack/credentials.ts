import { randomBytes } from 'node:crypto';
import { signIdentity } from '../server/identity.js';
import type { Route } from '../server/route.js';
import { mustRefuse } from './judge.js';
import { send, targetsFor, victimIds } from './routes.js';
import { createTally, type Leak, type Tally } from './tally.js';
import type { Site, World } from './world.js';

const random = (prefix: string) =>
  `${prefix}${randomBytes(32).toString('base64url')}`;

/** Which routes a credential case is tried on. */
type Scope = (route: Route) => boolean;

const anyCredential: Scope = (r) => r.access !== 'none';
const needsOne: Scope = (r) => r.access !== 'none' && r.access !== 'public';
const supervisorOnly: Scope = (r) => r.access === 'supervisor';

interface Case {
  what: string;
  authorization?: string;
  scope: Scope;
}

const bearer = (secret: string) => `Bearer ${secret}`;

/** A well-formed identity token naming `site`, signed with someone else's secret. */
async function identitySignedBy(site: Site, secret: string) {
  return signIdentity(
    {
      userId: 'victim',
      email: site.canaries.email,
      site: site.id,
      expiresAt: new Date(Date.now() + 3_600_000),
    },
    secret,
  );
}

async function casesFor(site: Site, other: Site): Promise<Case[]> {
  const claims = (await identitySignedBy(site, site.secret)).split('.')[0];
  const cases: Case[] = [
    { what: 'no credential', scope: needsOne },
    {
      what: 'Basic auth',
      authorization: 'Basic YWRtaW46YWRtaW4=',
      scope: anyCredential,
    },
    { what: 'empty bearer', authorization: 'Bearer', scope: anyCredential },
    {
      what: 'two secrets',
      authorization: `Bearer ${site.keys.agent} x`,
      scope: anyCredential,
    },
    {
      what: 'no scheme',
      authorization: site.keys.supervisor,
      scope: anyCredential,
    },
    {
      what: 'key with a suffix',
      authorization: bearer(`${site.keys.supervisor}x`),
      scope: anyCredential,
    },
    {
      what: 'key cut short',
      authorization: bearer(site.keys.supervisor.slice(0, -1)),
      scope: anyCredential,
    },
    {
      what: 'very long token',
      authorization: bearer(`tkr_${'x'.repeat(4000)}`),
      scope: anyCredential,
    },
    {
      what: 'forged tkr_',
      authorization: bearer(random('tkr_')),
      scope: anyCredential,
    },
    {
      what: 'forged tka_',
      authorization: bearer(random('tka_')),
      scope: anyCredential,
    },
    {
      what: 'forged tks_',
      authorization: bearer(random('tks_')),
      scope: anyCredential,
    },
    {
      what: 'forged tki_ signature',
      authorization: bearer(
        `${claims}.${randomBytes(32).toString('base64url')}`,
      ),
      scope: anyCredential,
    },
    {
      what: 'tki_ signed by the other site',
      authorization: bearer(await identitySignedBy(site, other.secret)),
      scope: anyCredential,
    },
    {
      what: 'unknown prefix',
      authorization: bearer(random('tkx_')),
      scope: anyCredential,
    },
    {
      what: 'another ticket’s token',
      authorization: bearer(site.attacker.token),
      scope: needsOne,
    },
    {
      what: 'another requester’s identity',
      authorization: bearer(site.attacker.identity),
      scope: (r) => needsOne(r) && r.access !== 'identity',
    },
    {
      what: 'agent key on supervisor routes',
      authorization: bearer(site.keys.agent),
      scope: supervisorOnly,
    },
    {
      what: 'agent session on supervisor routes',
      authorization: bearer(site.session),
      scope: supervisorOnly,
    },
  ];
  for (const [what, secret] of Object.entries(site.dead)) {
    cases.push({ what, authorization: bearer(secret), scope: anyCredential });
  }
  const foreign = {
    'other site’s agent key': other.keys.agent,
    'other site’s supervisor key': other.keys.supervisor,
    'other site’s session': other.session,
    'other site’s ticket token': other.victim.token,
    'other site’s identity': other.attacker.identity,
  };
  for (const [what, secret] of Object.entries(foreign)) {
    cases.push({ what, authorization: bearer(secret), scope: anyCredential });
  }
  return cases;
}

/** `?access_token=` values the stream and download routes must refuse. */
function queryTokens(site: Site, other: Site): Record<string, string> {
  return {
    'agent key in the query': site.keys.supervisor,
    'another ticket’s token in the query': site.attacker.token,
    'expired token in the query': site.dead['expired access token']!,
    'revoked token in the query': site.dead['revoked access token']!,
    'other site’s token in the query': other.victim.token,
    'forged token in the query': random('tkr_'),
  };
}

/**
 * The victim's Idempotency-Key replayed: on the same site with another
 * body (refused), and with the same body on the other site, which must
 * open a ticket of its own there, never hand back the victim's.
 */
async function idempotencyReplays(
  world: World,
  tally: Tally,
  site: Site,
  other: Site,
) {
  const { key, body } = site.victim.sent;
  const headers = {
    'content-type': 'application/json',
    'idempotency-key': key,
  };
  const altered = JSON.stringify({
    ...JSON.parse(body),
    subject: 'Another subject',
    requester: { email: `stranger.${site.id}@example.com`, name: 'Stranger' },
  });
  await mustRefuse(
    world,
    tally,
    site,
    { method: 'POST', path: '/tickets', headers, body: altered },
    'the victim’s Idempotency-Key with another body',
  );
  const answer = await send(other.api, {
    method: 'POST',
    path: '/tickets',
    headers,
    body,
  });
  tally.saw(answer.status);
  const id =
    answer.status < 300
      ? (JSON.parse(answer.text) as { ticket: { id: string } }).ticket.id
      : null;
  if (answer.status >= 500 || id === site.victim.id) {
    tally.leak(
      `the ${site.id} victim's Idempotency-Key on ${other.id} → ${answer.status} ${id}`,
      answer.status,
    );
  } else if (id) tally.passed();
  else tally.refused();
}

/**
 * Missing, malformed, forged, expired, revoked, another ticket's and
 * another site's credentials on every route of both sites; requester
 * tokens in the query of the routes that take one; a site named in the
 * header that the credential does not belong to.
 */
export async function credentialAttacks(world: World, leaks: Leak[]) {
  const tally = createTally('credentials', leaks);
  const [a, b] = world.sites;
  for (const [site, other] of [
    [a, b],
    [b, a],
  ] as const) {
    const targets = targetsFor(victimIds(site));
    for (const c of await casesFor(site, other)) {
      for (const target of targets.filter((t) => c.scope(t.route))) {
        const headers = { ...target.headers };
        if (c.authorization !== undefined)
          headers.authorization = c.authorization;
        // Signing out a session that already ended is a quiet 204 by design.
        const accept =
          target.route.operationId === 'signOut' && /session/.test(c.what)
            ? [204]
            : [];
        await mustRefuse(world, tally, site, { ...target, headers }, c.what, {
          accept,
        });
      }
    }
    for (const target of targets.filter((t) => t.route.queryToken)) {
      for (const [what, token] of Object.entries(queryTokens(site, other))) {
        const path = `${target.path}?access_token=${encodeURIComponent(token)}`;
        await mustRefuse(world, tally, site, { ...target, path }, what);
      }
    }
    // The other site named in the header, this site's key and ids.
    const viaHeader = { ...site, api: `${world.url}/api/v1` };
    for (const target of targets.filter((t) => t.route.access !== 'none')) {
      const headers = {
        ...target.headers,
        authorization: bearer(site.keys.supervisor),
        'x-ticketry-site': other.key,
      };
      await mustRefuse(
        world,
        tally,
        viaHeader,
        { ...target, headers },
        'site named in the header is not the key’s',
      );
    }
    await idempotencyReplays(world, tally, site, other);
  }
  return tally.figures;
}
