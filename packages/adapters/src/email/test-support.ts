import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  createDesk,
  createMemoryStore,
  type Desk,
  type TicketStore,
} from '@ticketry/core';
import nodemailer from 'nodemailer';
import { sqliteStore } from '../sqlite/index.js';
import { createMailIntake, type MailIntakeOptions } from './intake.js';
import { createMailNotifier, type MailNotifierOptions } from './notifier.js';
import { createMemoryTransport } from './transports.js';

const here = dirname(fileURLToPath(import.meta.url));

/** A fixture message, `{{name}}` placeholders filled from `vars`. */
export function fixture(name: string, vars: Record<string, string> = {}) {
  let text = readFileSync(join(here, 'fixtures', name), 'utf8');
  for (const [key, value] of Object.entries(vars)) {
    text = text.replaceAll(`{{${key}}}`, value);
  }
  return text;
}

/** The stores the intake runs on in tests: memory and SQLite in memory. */
export const STORES: [string, () => TicketStore][] = [
  ['memory', () => createMemoryStore()],
  ['sqlite', () => sqliteStore({ filename: ':memory:' })],
];

/**
 * A desk with a team, an agent with an address (sam@desk.example),
 * an intake for help@desk.example (alias it@desk.example) and a
 * notifier writing to memory.
 */
export async function mailDesk(
  makeStore: () => TicketStore = () => createMemoryStore(),
  options: {
    intake?: Partial<MailIntakeOptions>;
    notifier?: Partial<MailNotifierOptions>;
    desk?: Partial<Parameters<typeof createDesk>[0]>;
  } = {},
) {
  const desk: Desk = createDesk({ store: makeStore(), ...options.desk });
  await desk.createTeam({ id: 'it', name: 'IT' });
  await desk.createAgent({
    id: 'sam',
    name: 'Sam Agent',
    email: 'sam@desk.example',
    role: 'agent',
    teamIds: ['it'],
  });
  const intake = createMailIntake(desk, {
    address: 'help@desk.example',
    aliases: ['it@desk.example'],
    ...options.intake,
  });
  const outbox = createMemoryTransport();
  const errors: unknown[] = [];
  const notifier = createMailNotifier(desk, {
    transport: outbox,
    from: { address: 'help@desk.example', name: 'Help Desk' },
    ownAddresses: intake.addresses,
    onError: (error) => errors.push(error),
    ...options.notifier,
  });
  const sam = { role: 'agent' as const, id: 'sam' };
  return { desk, intake, outbox, notifier, errors, sam };
}

/** Builds a raw message with nodemailer's composer (encodes as clients do). */
export async function compose(
  message: Parameters<
    ReturnType<typeof nodemailer.createTransport>['sendMail']
  >[0],
): Promise<string> {
  const composer = nodemailer.createTransport({
    streamTransport: true,
    buffer: true,
  });
  const info = await composer.sendMail(message);
  return (info.message as Buffer).toString('utf8');
}
