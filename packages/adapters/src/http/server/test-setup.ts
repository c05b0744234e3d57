import { createDesk, createMemoryStore, type Desk } from '@ticketry/core';
import { createHttpHandler, type HttpHandlerOptions } from './handler.js';
import { serveNode } from './node.js';
import type { HttpServices } from './services.js';

/** A valid submission, with fields replaced by `overrides`. */
export function aSubmission(overrides: Record<string, unknown> = {}) {
  return {
    subject: 'Printer jams',
    description: 'Tray 2 jams on every job since Monday.',
    requester: { email: 'grace@example.com', name: 'Grace' },
    ...overrides,
  };
}

/** A memory desk with one team, an agent (ada) and a supervisor (sam). */
export async function seededDesk(): Promise<{
  desk: Desk;
  keys: { agent: string; supervisor: string; other: string };
}> {
  const desk = createDesk({ store: createMemoryStore() });
  await desk.createTeam({ id: 'service-desk', name: 'Service desk' });
  await desk.createTeam({ id: 'network', name: 'Network' });
  const teamIds = ['service-desk'];
  await desk.createAgent({
    id: 'sam',
    name: 'Sam',
    role: 'supervisor',
    teamIds,
  });
  await desk.createAgent({ id: 'ada', name: 'Ada', role: 'agent', teamIds });
  await desk.createAgent({ id: 'bob', name: 'Bob', role: 'agent', teamIds });
  return {
    desk,
    keys: {
      supervisor: await desk.createApiKey('sam'),
      agent: await desk.createApiKey('ada'),
      other: await desk.createApiKey('bob'),
    },
  };
}

/**
 * The handler over a seeded desk, served on 127.0.0.1 at an ephemeral
 * port. Call `close` after the tests.
 */
export async function startServer(
  options: Partial<HttpHandlerOptions> & {
    /** Services built on the seeded desk (mail, automation…). */
    servicesFor?: (desk: Desk) => Promise<HttpServices> | HttpServices;
  } = {},
) {
  const { desk, keys } = await seededDesk();
  const { servicesFor, ...rest } = options;
  const services = servicesFor ? await servicesFor(desk) : rest.services;
  const handler = createHttpHandler({
    desk,
    heartbeatMs: 50,
    ...rest,
    ...(services && { services }),
  });
  const server = await serveNode(handler);
  const api = `${server.url}${options.basePath ?? '/api/v1'}`;

  /** fetch under the API root with JSON in and the given credential. */
  const call = (
    path: string,
    init: {
      method?: string;
      body?: unknown;
      token?: string;
      headers?: Record<string, string>;
    } = {},
  ) => {
    const headers: Record<string, string> = { ...init.headers };
    if (init.token) headers.authorization = `Bearer ${init.token}`;
    if (init.body !== undefined) headers['content-type'] ??= 'application/json';
    return fetch(`${api}${path}`, {
      method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
      headers,
      body:
        init.body === undefined || typeof init.body === 'string'
          ? (init.body as string | undefined)
          : JSON.stringify(init.body),
    });
  };

  /** Submits a ticket and returns its id, version and access token. */
  const submit = async (overrides: Record<string, unknown> = {}) => {
    const response = await call('/tickets', { body: aSubmission(overrides) });
    if (response.status !== 201) throw new Error(`submit: ${response.status}`);
    const body = await response.json();
    return {
      id: body.ticket.id as string,
      version: body.ticket.version as number,
      token: body.accessToken as string,
    };
  };

  return { desk, keys, server, api, call, submit, close: () => server.close() };
}

export type TestServer = Awaited<ReturnType<typeof startServer>>;
