import { TicketryError } from '../errors.js';
import type { Agent, Credential } from '../schemas/people.js';
import {
  generationOf,
  later,
  recordKey,
  revocationKey,
} from './access-options.js';
import type { AccessContext, RefusedBecause } from './access-tokens.js';
import { createLockout } from './lockout.js';
import {
  hashPassword,
  PASSWORD_LENGTH,
  verifierParams,
  verifyPassword,
} from './passwords.js';
import { createSecret, hashSecret } from './secrets.js';
import { logSecurity } from './security-log.js';

/** The prefix of agents' API keys. */
export const API_KEY_PREFIX = 'tka_';
/** The prefix of console session tokens. */
export const SESSION_PREFIX = 'tks_';

const MAX_SECRET = 256;

/** A console session just opened by {@link SessionMethods.signIn}. */
export interface SignedIn {
  /** The session token (`tks_…`), shown only now. */
  token: string;
  agent: Agent;
  /** When the session ends, however busy. */
  expiresAt: string;
  /** How long it may stay unused before it ends. */
  idleTimeoutMs: number;
}

/** What {@link SessionMethods.authenticateSession} finds. */
export type SessionCheck =
  | { ok: true; agent: Agent; expiresAt: string }
  | { ok: false; reason: RefusedBecause };

const noAgent = (agentId: string) =>
  new TicketryError('NOT_FOUND', `no agent ${agentId}`, {
    details: { agentId },
  });

const wrongPassword = () =>
  new TicketryError('UNAUTHENTICATED', 'wrong email or password');

/** Checks a new password's length; the error names the field. */
function checkPassword(password: unknown): asserts password is string {
  const length = typeof password === 'string' ? password.length : -1;
  if (length < PASSWORD_LENGTH.min || length > PASSWORD_LENGTH.max) {
    throw new TicketryError(
      'VALIDATION_FAILED',
      `a password has ${PASSWORD_LENGTH.min} to ${PASSWORD_LENGTH.max} characters`,
      { details: { path: ['password'] } },
    );
  }
}

/**
 * Agents' credentials: API keys (SHA-256 at rest, no expiry), passwords
 * (scrypt, a salt each) and console sessions (SHA-256 at rest, a
 * lifetime and an idle timeout). Sign-in failures slow the account
 * down ({@link createLockout}).
 */
export function createSessionMethods(ctx: AccessContext) {
  const { store, siteId, clock, settings } = ctx;
  const now = () => clock.now().toISOString();
  const lockout = createLockout(settings.lockout, () => clock.now().getTime());
  const passwordKey = (agentId: string) =>
    recordKey('password', siteId, agentId);
  const touchEvery = Math.min(60_000, Math.floor(settings.sessionIdleMs / 4));
  let decoy: Promise<string> | undefined;

  async function activeAgent(agentId: string): Promise<Agent | null> {
    const agent = await store.getAgent(siteId, agentId);
    return agent?.active ? agent : null;
  }

  async function savePassword(agent: Agent, password: string, at: string) {
    await store.putCredential({
      siteId,
      agentId: agent.id,
      hash: passwordKey(agent.id),
      createdAt: at,
      kind: 'password',
      verifier: await hashPassword(password, settings.passwordHashing),
    });
  }

  /** Ends every session of an agent; later sign-ins work. */
  async function revokeSessions(agentId: string): Promise<void> {
    const key = revocationKey('agent', siteId, agentId);
    const previous = await store.findCredential(key);
    const at = now();
    await store.putCredential({
      siteId,
      agentId,
      hash: key,
      createdAt: previous?.createdAt ?? at,
      kind: 'revocation',
      revokedAt: at,
      generation: generationOf(previous, siteId) + 1,
    });
    await logSecurity(store, siteId, { type: 'sessions.revoked', agentId, at });
  }

  /** The one active agent with this email, or null (none, or several). */
  async function agentByEmail(email: string): Promise<Agent | null> {
    const wanted = email.toLowerCase();
    const found = (await store.listAgents(siteId)).filter(
      (a) => a.active && a.email?.toLowerCase() === wanted,
    );
    return found.length === 1 ? found[0]! : null;
  }

  /** The password record of an agent, checked against `password`. */
  async function passwordMatches(agent: Agent | null, password: string) {
    const record = agent && (await store.findCredential(passwordKey(agent.id)));
    const real =
      record?.kind === 'password' &&
      record.siteId === siteId &&
      record.agentId === agent?.id
        ? record
        : null;
    // An unknown account costs the same scrypt as a known one.
    decoy ??= hashPassword(createSecret(''), settings.passwordHashing);
    const verifier = real?.verifier ?? (await decoy);
    const ok = (await verifyPassword(password, verifier)) && real !== null;
    return { ok, record: real };
  }

  async function openSession(agent: Agent): Promise<SignedIn> {
    const token = createSecret(SESSION_PREFIX);
    const at = now();
    const revocations = await store.findCredential(
      revocationKey('agent', siteId, agent.id),
    );
    const generation = generationOf(revocations, siteId);
    const expiresAt = later(at, settings.sessionLifetimeMs);
    await store.putCredential({
      siteId,
      agentId: agent.id,
      hash: hashSecret(token),
      createdAt: at,
      kind: 'session',
      expiresAt,
      lastUsedAt: at,
      ...(generation > 0 && { generation }),
    });
    return { token, agent, expiresAt, idleTimeoutMs: settings.sessionIdleMs };
  }

  async function sessionRecord(token: string): Promise<Credential | null> {
    if (!token.startsWith(SESSION_PREFIX) || token.length > MAX_SECRET) {
      return null;
    }
    const found = await store.findCredential(hashSecret(token));
    return found?.kind === 'session' && found.siteId === siteId ? found : null;
  }

  async function authenticateSession(token: string): Promise<SessionCheck> {
    const refused = (reason: RefusedBecause) =>
      ({ ok: false, reason }) as const;
    const session = await sessionRecord(token);
    if (!session) return refused('unknown');
    const at = now();
    const idleUntil = later(session.lastUsedAt ?? at, settings.sessionIdleMs);
    const expiresAt = session.expiresAt ?? at;
    if (at >= expiresAt || at >= idleUntil) return refused('expired');
    const [signedOut, revocations, agent] = await Promise.all([
      store.findCredential(revocationKey('session', siteId, session.hash)),
      store.findCredential(revocationKey('agent', siteId, session.agentId)),
      activeAgent(session.agentId),
    ]);
    if (generationOf(signedOut, siteId) > 0) return refused('revoked');
    const current = generationOf(revocations, siteId);
    if ((session.generation ?? 0) < current) return refused('revoked');
    if (!agent) return refused('unknown');
    const last = Date.parse(session.lastUsedAt ?? at);
    if (Date.parse(at) - last >= touchEvery) {
      await store.putCredential({ ...session, lastUsedAt: at });
    }
    return { ok: true, agent, expiresAt };
  }

  return {
    /** Makes an API key for an agent; only its hash is stored. */
    async createApiKey(agentId: string): Promise<string> {
      if (!(await store.getAgent(siteId, agentId))) throw noAgent(agentId);
      const key = createSecret(API_KEY_PREFIX);
      await store.putCredential({
        siteId,
        agentId,
        hash: hashSecret(key),
        createdAt: now(),
      });
      return key;
    },
    /** The active agent an API key belongs to, or null. */
    async authenticateAgent(key: string): Promise<Agent | null> {
      if (!key.startsWith(API_KEY_PREFIX) || key.length > MAX_SECRET) {
        return null;
      }
      const found = await store.findCredential(hashSecret(key));
      const isKey = !found?.kind || found.kind === 'api_key';
      if (!found || !isKey || found.siteId !== siteId) return null;
      if (found.expiresAt && now() >= found.expiresAt) return null;
      return activeAgent(found.agentId);
    },

    /**
     * Sets an agent's console password (12 to 256 characters), hashed
     * with scrypt, and ends the agent's sessions.
     */
    async setAgentPassword(agentId: string, password: string): Promise<void> {
      checkPassword(password);
      const agent = await store.getAgent(siteId, agentId);
      if (!agent) throw noAgent(agentId);
      await savePassword(agent, password, now());
      await revokeSessions(agentId);
    },

    /**
     * Opens a console session for the active agent with this email and
     * password. Wrong either way: UNAUTHENTICATED, the same answer for
     * both. After `lockout.freeAttempts` failures in a row the account
     * is refused with RATE_LIMITED (`details.retryAfterSeconds`) until
     * its lock ends, even with the right password.
     */
    async signIn(email: string, password: string): Promise<SignedIn> {
      const account = `${siteId}\n${email.toLowerCase()}`;
      const wait = lockout.waitFor(account);
      if (wait > 0) {
        const retryAfterSeconds = Math.ceil(wait / 1000);
        throw new TicketryError(
          'RATE_LIMITED',
          `too many failed sign-ins; try again in ${retryAfterSeconds} s`,
          { details: { retryAfterSeconds } },
        );
      }
      const agent = await agentByEmail(email);
      const { ok, record } = await passwordMatches(agent, password);
      if (!ok || !agent || !record?.verifier) {
        lockout.fail(account);
        throw wrongPassword();
      }
      lockout.succeed(account);
      const params = verifierParams(record.verifier);
      const wanted = settings.passwordHashing;
      const same =
        params?.ln === wanted.ln &&
        params.r === wanted.r &&
        params.p === wanted.p;
      if (!same) {
        // Hashed with other parameters: rehash while the password is known.
        await savePassword(agent, password, record.createdAt);
      }
      return openSession(agent);
    },
    /** Whether a session token is live, and its agent. Refreshes its last use. */
    authenticateSession,
    /** Ends one session. Answers false for a token the desk does not know. */
    async signOut(token: string): Promise<boolean> {
      const session = await sessionRecord(token);
      if (!session) return false;
      const at = now();
      // A record of its own, which nothing else writes: a refresh of the
      // session's last use in flight cannot undo the sign-out.
      await store.putCredential({
        siteId,
        agentId: session.agentId,
        hash: revocationKey('session', siteId, session.hash),
        createdAt: at,
        kind: 'revocation',
        revokedAt: at,
        generation: 1,
      });
      const { agentId } = session;
      await logSecurity(store, siteId, {
        type: 'session.signed_out',
        agentId,
        at,
      });
      return true;
    },
    revokeSessions,
  };
}
