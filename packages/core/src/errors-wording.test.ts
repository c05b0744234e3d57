import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { staffedDesk } from '../test/desk-fixture.js';
import { ConflictError, ERROR_CODES, validationError } from './errors.js';
import { createOrganizations } from './people/organizations.js';
import { EMAIL_PATTERN } from './public/text.js';
import { createMemoryStore } from './store/memory-store.js';

const at = '2026-12-04T10:00:00.000Z';

describe('error wording', () => {
  it('names a record, not a ticket, in a record conflict; class and code stay', async () => {
    const store = createMemoryStore();
    const write = {
      siteId: 's',
      kind: 'org',
      key: 'acme',
      value: { n: 1 },
      at,
    };
    await store.putRecord({ ...write, expectedVersion: 0 });
    const error = await store
      .putRecord({ ...write, expectedVersion: 0 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConflictError);
    expect(error).toMatchObject({
      code: 'VERSION_CONFLICT',
      message: 'record org/acme is at version 1, not 0',
      details: { record: 'org/acme', expected: 0, actual: 1 },
    });
    const ghost = await store
      .putRecord({ ...write, key: 'ghost', expectedVersion: 2 })
      .catch((e: unknown) => e);
    expect((ghost as Error).message).toBe('record org/ghost is missing, not 2');
    expect(new ConflictError('t1', 3, 4).message).toBe(
      'ticket t1 is at version 4, not 3',
    );
  });

  it('answers 409 ALREADY_EXISTS for an organization id that is taken', async () => {
    const env = await staffedDesk();
    const orgs = createOrganizations(env.desk);
    const acme = { id: 'acme', name: 'Acme', domains: [], shareTickets: false };
    await orgs.createOrganization(acme, env.staff.supervisor);
    const again = orgs.createOrganization(
      { ...acme, name: 'Acme again' },
      env.staff.supervisor,
    );
    await expect(again).rejects.toMatchObject({
      code: 'ALREADY_EXISTS',
      status: 409,
      details: { id: 'acme' },
    });
    expect((await orgs.getOrganization('acme')).name).toBe('Acme');
    expect(ERROR_CODES.ALREADY_EXISTS).toBe(409);
  });

  it('answers 422 for a member address that is not one, 404 for an unknown one', async () => {
    const env = await staffedDesk();
    const orgs = createOrganizations(env.desk);
    await orgs.createOrganization(
      { id: 'acme', name: 'Acme', domains: [], shareTickets: false },
      env.staff.supervisor,
    );
    await expect(
      orgs.addMember('acme', { email: '<script>@x' }, env.staff.supervisor),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED', status: 422 });
    await expect(
      orgs.addMember(
        'acme',
        { email: 'nobody@example.com' },
        env.staff.supervisor,
      ),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('keeps internal regular expressions out of validation issues', () => {
    const schema = z.object({
      email: z.email({ pattern: EMAIL_PATTERN }),
      day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    });
    const parsed = schema.safeParse({ email: 'nope', day: 'soon' });
    expect(parsed.success).toBe(false);
    const error = validationError('thing', parsed.error!.issues);
    const shown = JSON.stringify({
      message: error.message,
      issues: error.issues,
    });
    expect(shown).not.toContain(EMAIL_PATTERN.source.slice(0, 20));
    expect(shown).not.toContain('\\\\d{4}');
    expect(error.issues.map((i) => i.message)).toEqual([
      'Invalid email address',
      'Invalid format',
    ]);
    expect(error.issues.every((i) => !('pattern' in i))).toBe(true);
  });
});
