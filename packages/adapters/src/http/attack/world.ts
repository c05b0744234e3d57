import { createDesk, type Desk, type TicketStore } from '@ticketry/core';
import Database from 'better-sqlite3';
import { sqliteStore } from '../../sqlite/index.js';
import type { AttachmentStore } from '../server/attachments/store.js';
import { signIdentity } from '../server/identity.js';
import { type NodeServer, serveNode } from '../server/node.js';
import { createMultiSiteHandler, type SiteOptions } from '../server/sites.js';
import {
  cachedChecksum,
  countedAttachments,
  offsetClock,
} from './world-state.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const PASSWORD = 'attack-suite-password';

/** A ticket on a site, with the secrets that open it. */
export interface SeededTicket {
  id: string;
  ref: string;
  token: string;
  requesterId: string;
  attachmentId: string;
  /** The submission as sent: its Idempotency-Key and JSON body. */
  sent: { key: string; body: string };
}

/** Text that only agents may read; a requester view that holds it leaks. */
export interface Canaries {
  note: string;
  email: string;
  name: string;
  tag: string;
  priorityReason: string;
  assignee: string;
  team: string;
}

/** One site of the world: its desk, its people and their secrets. */
export interface Site {
  id: string;
  key: string;
  origin: string;
  secret: string;
  desk: Desk;
  /** The site's API root on the server. */
  api: string;
  keys: { agent: string; supervisor: string };
  session: string;
  /** A ticket of someone else: the target. */
  victim: SeededTicket;
  /** The attacker's own ticket and identity on this site. */
  attacker: SeededTicket & { identity: string };
  /** A ticket for the malformed-input group to change. */
  scratch: SeededTicket;
  canaries: Canaries;
  /** Credentials that must all be refused on this site. */
  dead: Record<string, string>;
}

/** The attack suite's server: two sites on one SQLite database. */
export interface World {
  url: string;
  sites: [Site, Site];
  server: NodeServer;
  /** SHA-256 of every row of every table, and the row counts. */
  snapshot(): { sum: string; tickets: number; events: number };
  /** Uploads kept by the attachment stores (puts and claims). */
  attachmentWrites(): number;
  close(): Promise<void>;
}

const FORM = {
  fields: [
    { name: 'asset', kind: 'text', label: 'Asset tag' },
    { name: 'steps', kind: 'longText', label: 'Steps' },
  ],
  attachments: { types: ['text/plain', 'image/png'], maxBytes: 64 * 1024 },
} as const;

async function upload(api: string, key: string, name: string) {
  const response = await fetch(
    `${api}/attachments?name=${encodeURIComponent(name)}`,
    {
      method: 'POST',
      headers: { 'idempotency-key': key, 'content-type': 'text/plain' },
      body: `notes for ${name}`,
    },
  );
  if (response.status !== 201) throw new Error(`upload: ${response.status}`);
  return ((await response.json()) as { id: string }).id;
}

/** Submits over HTTP, with one attachment, so the ticket is what a requester makes. */
async function submitted(
  api: string,
  requester: { email: string; name: string },
  text: string,
  withFile: boolean,
): Promise<SeededTicket> {
  const key = `seed-${crypto.randomUUID()}`;
  const attachmentId = withFile ? await upload(api, key, `${text}.txt`) : '';
  const sent = JSON.stringify({
    subject: `${text} subject`,
    description: `${text} description`,
    requester,
    fields: { asset: `${text} asset` },
    ...(withFile && { attachments: [attachmentId] }),
  });
  const response = await fetch(`${api}/tickets`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': key },
    body: sent,
  });
  if (response.status !== 201) throw new Error(`submit: ${response.status}`);
  const body = (await response.json()) as {
    ticket: { id: string; ref: string };
    accessToken: string;
  };
  return {
    id: body.ticket.id,
    ref: body.ticket.ref,
    token: body.accessToken,
    requesterId: '',
    attachmentId,
    sent: { key, body: sent },
  };
}

async function makeDesk(store: TicketStore, id: string) {
  const time = offsetClock();
  const desk = createDesk({
    store,
    siteId: id,
    clock: time.clock,
    access: { passwordHashing: { ln: 10, r: 8, p: 1 } },
  });
  const team = `team-${id}-canary`;
  await desk.createTeam({ id: team, name: 'Second line' });
  const assignee = `agent-${id}-canary`;
  await desk.createAgent({ id: 'sam', name: 'Sam', role: 'supervisor' });
  await desk.createAgent({
    id: assignee,
    name: 'Ada',
    email: `ada@${id}.example`,
    role: 'agent',
    teamIds: [team],
  });
  await desk.setAgentPassword(assignee, PASSWORD);
  return { desk, time, team, assignee };
}

/** Everything an agent adds that the requester must never see. */
async function agentWork(site: Site, ticketId: string) {
  const { desk, canaries } = site;
  const actor = { role: 'agent' as const, id: canaries.assignee };
  const run = async (command: Parameters<Desk['execute']>[1]) => {
    const ticket = await desk.get(ticketId);
    await desk.execute(ticketId, command, {
      actor,
      expectedVersion: ticket!.version,
    });
  };
  await run({
    type: 'triage',
    impact: 'high',
    urgency: 'low',
    teamId: canaries.team,
  });
  await run({ type: 'assign', assigneeId: canaries.assignee });
  await run({ type: 'note', body: canaries.note });
  await run({
    type: 'update',
    tags: [canaries.tag],
    priority: 'critical',
    priorityReason: canaries.priorityReason,
  });
  await run({ type: 'reply', body: 'We are looking into it.' });
}

async function buildSite(
  url: string,
  id: string,
  key: string,
  made: Awaited<ReturnType<typeof makeDesk>>,
  files: boolean,
): Promise<Site> {
  const { desk, time } = made;
  const api = `${url}/api/v1/sites/${key}`;
  const secret = `${id}-identity-secret-for-the-attack-suite`;
  const canaries: Canaries = {
    note: `internal-note-canary-${id}`,
    email: `victim-canary.${id}@example.com`,
    name: `Victim Canary ${id}`,
    tag: `tag-canary-${id}`,
    priorityReason: `reason-canary-${id}`,
    assignee: made.assignee,
    team: made.team,
  };
  const site = { id, key, secret, desk, api, canaries } as Site;
  site.origin = `https://${id}.example`;
  site.keys = {
    agent: await desk.createApiKey(made.assignee),
    supervisor: await desk.createApiKey('sam'),
  };
  const email = `ada@${id}.example`;
  site.victim = await submitted(
    api,
    { email: canaries.email, name: canaries.name },
    `victim-${id}`,
    files,
  );
  const attackerEmail = `mallory.${id}@example.com`;
  const attacker = await submitted(
    api,
    { email: attackerEmail, name: 'Mallory' },
    `mallory-${id}`,
    files,
  );
  site.scratch = await submitted(
    api,
    { email: attackerEmail, name: 'Mallory' },
    `scratch-${id}`,
    files,
  );
  for (const t of [site.victim, attacker, site.scratch]) {
    t.requesterId = (await desk.get(t.id))!.requesterId;
  }
  await agentWork(site, site.victim.id);
  const identityFor = (mail: string, ms = HOUR, at = Date.now()) =>
    signIdentity(
      {
        userId: mail,
        email: mail,
        site: id,
        issuedAt: new Date(at),
        expiresAt: new Date(at + ms),
      },
      secret,
    );
  site.attacker = { ...attacker, identity: await identityFor(attackerEmail) };

  // Secrets that worked once, or never: each must be refused on every route.
  const revoked = await desk.createAccessToken(site.victim.id);
  await desk.revokeAccessTokens(site.victim.id);
  site.victim.token = await desk.createAccessToken(site.victim.id);
  const signedOut = (await desk.signIn(email, PASSWORD)).token;
  await desk.signOut(signedOut);
  site.dead = {
    'expired access token': await time.back(91 * DAY, () =>
      desk.createAccessToken(site.victim.id),
    ),
    'revoked access token': revoked,
    'expired session': await time.back(
      13 * HOUR,
      async () => (await desk.signIn(email, PASSWORD)).token,
    ),
    'signed-out session': signedOut,
    'expired identity': await identityFor(
      canaries.email,
      HOUR,
      Date.now() - 3 * HOUR,
    ),
    'too long identity': await identityFor(canaries.email, 40 * DAY),
    'future identity': await identityFor(
      canaries.email,
      HOUR,
      Date.now() + DAY,
    ),
  };
  site.session = (await desk.signIn(email, PASSWORD)).token;
  return site;
}

function siteOptions(
  id: string,
  key: string,
  desk: Desk,
  attachmentStore: AttachmentStore | null,
): SiteOptions {
  return {
    id,
    publicKey: key,
    desk,
    allowedOrigins: [`https://${id}.example`],
    identity: { secret: `${id}-identity-secret-for-the-attack-suite` },
    heartbeatMs: 200,
    maxBodyBytes: 64 * 1024,
    ...(attachmentStore && { form: FORM as never, attachmentStore }),
  };
}

/**
 * Starts the world: one in-memory SQLite database behind two sites
 * (`acme`, with a form with custom fields and attachments; `globex`,
 * free-form custom fields) served by `createMultiSiteHandler` and
 * `serveNode` on 127.0.0.1, an ephemeral port.
 */
export async function startWorld(): Promise<World> {
  const db = new Database(':memory:');
  const store = sqliteStore({ database: db });
  const a = await makeDesk(store, 'acme');
  const b = await makeDesk(store, 'globex');
  const counted = countedAttachments();
  const handler = createMultiSiteHandler({
    sites: [
      siteOptions('acme', 'pk_acme', a.desk, counted.store),
      siteOptions('globex', 'pk_globex', b.desk, null),
    ],
  });
  const server = await serveNode(handler, { host: '127.0.0.1', port: 0 });
  const sites: [Site, Site] = [
    await buildSite(server.url, 'acme', 'pk_acme', a, true),
    await buildSite(server.url, 'globex', 'pk_globex', b, false),
  ];
  return {
    url: server.url,
    sites,
    server,
    snapshot: cachedChecksum(db),
    attachmentWrites: counted.writes,
    close: async () => {
      await server.close();
      await store.close();
      db.close();
    },
  };
}
