import { randomBytes } from 'node:crypto';
import type { Desk } from '@ticketry/core';

/** A demo account of the agents' console and its one-time password. */
export interface ConsoleAccount {
  id: string;
  email: string;
  role: 'agent' | 'supervisor';
  /** Shown once, on the start that made the account. */
  password: string;
}

/** The console's demo accounts: an agent and a supervisor. */
export const CONSOLE_ACCOUNTS = [
  { id: 'console-agent', email: 'agent@example.com', role: 'agent' },
  {
    id: 'console-supervisor',
    email: 'supervisor@example.com',
    role: 'supervisor',
  },
] as const;

/** 18 random bytes: a 24-character password, base64url. */
const newPassword = () => randomBytes(18).toString('base64url');

/**
 * Makes the console's demo accounts that do not exist yet, each with a
 * password generated now; answers only the new ones, so the caller
 * prints each password once. Existing accounts keep theirs.
 */
export async function demoConsoleAccounts(
  desk: Desk,
  teamId: string,
): Promise<ConsoleAccount[]> {
  const made: ConsoleAccount[] = [];
  for (const account of CONSOLE_ACCOUNTS) {
    if (await desk.getAgent(account.id)) continue;
    await desk.createAgent({
      id: account.id,
      name: account.role === 'agent' ? 'Console agent' : 'Console supervisor',
      email: account.email,
      role: account.role,
      teamIds: [teamId],
    });
    const password = newPassword();
    await desk.setAgentPassword(account.id, password);
    made.push({ ...account, password });
  }
  return made;
}
