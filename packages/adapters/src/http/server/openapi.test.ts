import { Validator } from '@seriousme/openapi-schema-validator';
import { LIMITS, submissionSchema } from '@ticketry/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { openApiPath } from './openapi.js';
import { ROUTES } from './routes.js';
import { startServer, type TestServer } from './test-setup.js';

// biome-ignore lint/suspicious/noExplicitAny: the document is read as loose JSON
type Operation = Record<string, any>;

type Doc = {
  paths: Record<string, Record<string, Operation>>;
  servers: { url: string }[];
};

let t: TestServer;
let doc: Doc;
beforeAll(async () => {
  t = await startServer();
  const response = await t.call('/openapi.json');
  expect(response.status).toBe(200);
  doc = await response.json();
});
afterAll(() => t.close());

describe('GET /openapi.json', () => {
  it('is a valid OpenAPI 3.1 document whose references resolve', async () => {
    const validator = new Validator();
    const result = await validator.validate(structuredClone(doc));
    expect(result.errors).toBeUndefined();
    expect(result.valid).toBe(true);
    expect(validator.version).toBe('3.1');
    expect(() => validator.resolveRefs()).not.toThrow();
    expect(doc.servers).toEqual([{ url: '/api/v1' }]);
  });

  it('documents every route of the route table, and nothing else', () => {
    const served = ROUTES.map(
      (r) => `${r.method.toLowerCase()} ${openApiPath(r.path)}`,
    );
    const documented = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((method) => `${method} ${path}`),
    );
    expect(new Set(documented)).toEqual(new Set(served));
    expect(served.length).toBeGreaterThanOrEqual(12);
  });

  it('serves every documented operation: the router knows each one', async () => {
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const method of Object.keys(ops)) {
        const where = `${method} ${path}`;
        const response = await t.call(path.replace('{id}', 'some-id'), {
          method: method.toUpperCase(),
          token: t.keys.supervisor,
          ...(method === 'post' && { body: {} }),
        });
        expect(response.status, where).not.toBe(405);
        if (response.status === 404) {
          const { error } = await response.json();
          expect(error.message, where).not.toMatch(/^no route/);
        }
        await response.body?.cancel().catch(() => {});
      }
    }
  });

  it('converts request bodies from the same zod schemas the handler validates with', () => {
    const body =
      doc.paths['/tickets']!.post!.requestBody.content['application/json']
        .schema;
    const { $schema: _, ...expected } = z.toJSONSchema(submissionSchema, {
      io: 'input',
      unrepresentable: 'any',
    }) as Record<string, unknown>;
    expect(body).toEqual(expected);
    expect(body.properties.description.maxLength).toBe(LIMITS.body);
  });

  it('documents If-Match as required on commands, with 412 and 428', () => {
    const op = doc.paths['/tickets/{id}/commands']!.post!;
    expect(op.parameters).toContainEqual(
      expect.objectContaining({
        name: 'If-Match',
        in: 'header',
        required: true,
      }),
    );
    expect(Object.keys(op.responses)).toEqual(
      expect.arrayContaining(['200', '412', '428', '409', '403', '422']),
    );
  });

  it('documents the list filters as query parameters', () => {
    const names = doc.paths['/tickets']!.get!.parameters.map(
      (p: { name: string }) => p.name,
    );
    expect(names).toEqual(
      expect.arrayContaining([
        'status',
        'priority',
        'limit',
        'cursor',
        'dueBefore',
      ]),
    );
  });
});
