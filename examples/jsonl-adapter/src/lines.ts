import type {
  AccessToken,
  Agent,
  AuditEvent,
  Credential,
  Requester,
  StoredRecord,
  Team,
  Ticket,
} from '@ticketry/core';
import { z } from 'zod';

/** The file format this code writes; a newer one is refused on open. */
export const FORMAT = 'ticketry-jsonl';
export const FORMAT_VERSION = 1;

/**
 * One line of the file: one write of the store, whole or not at all.
 * Records are kept exactly as the desk gave them.
 */
export type Line =
  | { k: 'header'; format: string; version: number }
  | {
      k: 'create';
      ticket: Ticket;
      event: AuditEvent;
      idempotency?: { key: string; fingerprint: string };
    }
  | { k: 'commit'; ticket: Ticket; event: AuditEvent }
  | { k: 'ref'; siteId: string; value: number }
  | { k: 'requester'; record: Requester }
  | { k: 'agent'; record: Agent }
  | { k: 'team'; record: Team }
  | { k: 'credential'; record: Credential }
  | { k: 'token'; record: AccessToken }
  | { k: 'record'; record: StoredRecord }
  | { k: 'record-delete'; siteId: string; kind: string; key: string };

const text = z.string().min(1);
const keyed = z.looseObject({ siteId: text, id: text });
const ticket = z.looseObject({
  siteId: text,
  id: text,
  ref: text,
  version: z.number().int().positive(),
});
const event = z.looseObject({
  siteId: text,
  id: text,
  ticketId: text,
  version: z.number().int().positive(),
  seq: z.number().int().positive(),
});
const hashed = z.looseObject({ siteId: text, hash: text });
const stored = z.object({
  siteId: text,
  kind: text,
  key: text,
  version: z.number().int().positive(),
  value: z.json(),
  updatedAt: text,
});

/** The envelope of each kind of line, checked on load. */
const lineSchema = z.discriminatedUnion('k', [
  z.object({ k: z.literal('header'), format: text, version: z.number() }),
  z.object({
    k: z.literal('create'),
    ticket,
    event,
    idempotency: z.object({ key: text, fingerprint: text }).optional(),
  }),
  z.object({ k: z.literal('commit'), ticket, event }),
  z.object({ k: z.literal('ref'), siteId: text, value: z.number().int() }),
  z.object({ k: z.literal('requester'), record: keyed }),
  z.object({ k: z.literal('agent'), record: keyed }),
  z.object({ k: z.literal('team'), record: keyed }),
  z.object({ k: z.literal('credential'), record: hashed }),
  z.object({ k: z.literal('token'), record: hashed }),
  z.object({ k: z.literal('record'), record: stored }),
  z.object({
    k: z.literal('record-delete'),
    siteId: text,
    kind: text,
    key: text,
  }),
]);

/**
 * Reads one line of the file. The envelope is checked with zod, but the
 * records answered are the parsed JSON itself, never zod's copy, so no
 * key is added, dropped or reordered on the way.
 */
export function parseLine(raw: string, lineNumber: number): Line {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    throw new Error(`line ${lineNumber} is not JSON`);
  }
  const checked = lineSchema.safeParse(value);
  if (!checked.success) {
    const where = checked.error.issues[0]?.path.join('.') || 'k';
    throw new Error(`line ${lineNumber} is not a store record (at ${where})`);
  }
  return value as Line;
}

/** The first line of a new file. */
export const headerLine = (): Line => ({
  k: 'header',
  format: FORMAT,
  version: FORMAT_VERSION,
});

/** Refuses a file this code does not know how to read. */
export function checkHeader(first: Line | undefined): void {
  if (first?.k !== 'header' || first.format !== FORMAT) {
    throw new Error(`the file does not start with a ${FORMAT} header`);
  }
  if (first.version > FORMAT_VERSION) {
    throw new Error(
      `the file is format version ${first.version}; this code reads up to version ${FORMAT_VERSION}`,
    );
  }
}
