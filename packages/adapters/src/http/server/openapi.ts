import { z } from 'zod';
import type { Route } from './route.js';
import { errorBodySchema } from './schemas.js';

type Json = Record<string, unknown>;

/** Options of {@link createOpenApiDocument}. */
export interface OpenApiOptions {
  /** Where the routes are mounted. @default '/api/v1' */
  basePath?: string;
  /** @default 'Ticketry API' */
  title?: string;
  /** The API's version. @default '1.0.0' */
  version?: string;
}

const ERRORS: Record<number, string> = {
  400: 'Malformed request: not JSON, wrong Content-Type, bad header',
  401: 'Missing or unknown credential; TOKEN_EXPIRED or TOKEN_REVOKED for an access token or session past its life or revoked; identity tokens: IDENTITY_MALFORMED, IDENTITY_INVALID or IDENTITY_EXPIRED',
  403: 'The credential may not do this',
  404: 'No such ticket',
  409: 'The ticket status does not allow this command, or the id is taken (ALREADY_EXISTS)',
  412: 'The ticket changed since the version in If-Match; nothing was written',
  413: 'The body is larger than the cap',
  415: 'The body was sent with a Content-Encoding (UNSUPPORTED_ENCODING)',
  422: 'Invalid input; issues name the fields',
  428: 'If-Match is required',
  429: 'Too many attempts; Retry-After says when to try again',
};

const ERROR_REF = { $ref: '#/components/schemas/Error' };

/**
 * The definitions of recursive schemas (zod puts them in `$defs`),
 * moved to `components.schemas` of the document being built, where the
 * references of an OpenAPI document resolve.
 */
let hoisted: Record<string, Json> = {};

function toSchema(
  schema: z.core.$ZodType,
  io: 'input' | 'output',
  /** Names this schema's definitions apart from any other's. */
  prefix = '',
): Json {
  const {
    $schema: _,
    $defs,
    ...rest
  } = z.toJSONSchema(schema, {
    io,
    unrepresentable: 'any',
  }) as Json;
  if (!$defs) return rest;
  const names = Object.keys($defs as Json);
  const rename = (text: string) =>
    text.replace(/"#\/\$defs\/([^"]+)"/g, (_m, name: string) =>
      JSON.stringify(
        `#/components/schemas/${prefix}${name.replace(/^_+/, '')}`,
      ),
    );
  for (const name of names) {
    const def = (($defs as Json)[name] ?? {}) as Json;
    hoisted[`${prefix}${name.replace(/^_+/, '')}`] = JSON.parse(
      rename(JSON.stringify(def)),
    );
  }
  return JSON.parse(rename(JSON.stringify(rest)));
}

function errorStatuses(route: Route): number[] {
  const statuses = new Set(route.errors ?? []);
  if (route.body || route.rawBody) {
    for (const s of [400, 413, 415, 422]) statuses.add(s);
  }
  if (route.query) statuses.add(422);
  if (route.access !== 'none') statuses.add(401);
  if (!['none', 'public'].includes(route.access)) statuses.add(403);
  if (route.path.includes(':')) statuses.add(404);
  return [...statuses].sort((a, b) => a - b);
}

function parameters(route: Route): Json[] {
  const params: Json[] = [];
  for (const name of route.path.match(/:\w+/g) ?? []) {
    params.push({
      name: name.slice(1),
      in: 'path',
      required: true,
      schema: { type: 'string' },
    });
  }
  for (const header of route.headers ?? []) {
    params.push({
      name: header.name,
      in: 'header',
      required: header.required,
      description: header.description,
      schema: { type: 'string' },
    });
  }
  if (route.query) {
    const query = toSchema(route.query, 'input');
    const required = new Set((query.required as string[] | undefined) ?? []);
    const props = (query.properties ?? {}) as Record<string, Json>;
    for (const [name, schema] of Object.entries(props)) {
      const multi = schema.type === 'array';
      params.push({
        name,
        in: 'query',
        required: required.has(name),
        schema,
        ...(multi && { style: 'form', explode: false }),
      });
    }
  }
  if (route.queryToken) {
    params.push({
      name: 'access_token',
      in: 'query',
      required: false,
      description:
        'A requester access token or identity token, for EventSource',
      schema: { type: 'string' },
    });
  }
  return params;
}

function security(route: Route): Json[] {
  const agent = { agentKey: [] };
  const session = { sessionToken: [] };
  const identity = { identityToken: [] };
  switch (route.access) {
    case 'none':
      return [{}];
    case 'public':
      return [{}, agent, session, identity];
    case 'identity':
      return [identity];
    case 'session':
      return [session];
    case 'ticket':
      return [
        agent,
        session,
        { accessToken: [] },
        identity,
        ...(route.queryToken ? [{ accessTokenQuery: [] }] : []),
      ];
    default:
      return [agent, session];
  }
}

function responses(route: Route): Json {
  const out: Json = {};
  for (const [status, doc] of Object.entries(route.responses)) {
    const headers = Object.fromEntries(
      (doc.headers ?? []).map((h) => [h, { schema: { type: 'string' } }]),
    );
    out[status] = {
      description: doc.description,
      ...(doc.headers && { headers }),
      ...(status !== '204' && {
        content: {
          [doc.mediaType ?? 'application/json']: {
            schema: doc.schema
              ? toSchema(doc.schema, 'output', `${route.operationId}${status}_`)
              : {},
          },
        },
      }),
    };
  }
  for (const status of errorStatuses(route)) {
    const text = status === 404 ? route.notFound : undefined;
    out[status] = {
      description: text ?? ERRORS[status] ?? 'Error',
      content: { 'application/json': { schema: ERROR_REF } },
    };
  }
  return out;
}

function operation(route: Route): Json {
  return {
    operationId: route.operationId,
    summary: route.summary,
    security: security(route),
    parameters: parameters(route),
    ...(route.rawBody && {
      requestBody: {
        required: true,
        description: route.rawBody.description,
        content: Object.fromEntries(
          route.rawBody.mediaTypes.map((type) => [type, {}]),
        ),
      },
    }),
    ...(route.body && {
      requestBody: {
        required: true,
        content: {
          'application/json': {
            schema: toSchema(route.body, 'input', `${route.operationId}Body_`),
          },
        },
      },
    }),
    responses: responses(route),
  };
}

/** The OpenAPI path of a route: `/tickets/:id` becomes `/tickets/{id}`. */
export const openApiPath = (path: string) => path.replace(/:(\w+)/g, '{$1}');

/**
 * The OpenAPI 3.1 document of a route table. Request and response
 * schemas are converted from the same zod schemas the handler
 * validates with, so the document cannot drift from the code.
 */
export function createOpenApiDocument(
  routes: readonly Route[],
  options: OpenApiOptions = {},
): Json {
  const paths: Record<string, Json> = {};
  hoisted = {};
  for (const route of routes) {
    const path = openApiPath(route.path);
    paths[path] = {
      ...paths[path],
      [route.method.toLowerCase()]: operation(route),
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: options.title ?? 'Ticketry API',
      version: options.version ?? '1.0.0',
      license: { name: 'MIT', identifier: 'MIT' },
    },
    servers: [{ url: options.basePath ?? '/api/v1' }],
    paths,
    components: {
      schemas: { Error: toSchema(errorBodySchema, 'output'), ...hoisted },
      securitySchemes: {
        agentKey: {
          type: 'http',
          scheme: 'bearer',
          description: 'An agent API key (tka_…)',
        },
        sessionToken: {
          type: 'http',
          scheme: 'bearer',
          description:
            'A console session (tks_…) from POST /sessions: works wherever an agent API key does, until it expires, idles out or is signed out',
        },
        accessToken: {
          type: 'http',
          scheme: 'bearer',
          description:
            'A requester access token for one ticket (tkr_…); expires (90 days by default) and can be revoked',
        },
        identityToken: {
          type: 'http',
          scheme: 'bearer',
          description:
            'An identity token the host site signs (tki_<claims>.<HMAC-SHA256>): opens every ticket of the requester it names',
        },
        accessTokenQuery: {
          type: 'apiKey',
          in: 'query',
          name: 'access_token',
          description:
            'A requester access token or identity token, for EventSource',
        },
      },
    },
  };
}
