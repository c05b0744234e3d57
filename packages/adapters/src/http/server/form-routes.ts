import {
  type Form,
  type FormInput,
  formSchema,
  submissionSchemaFor,
  validationError,
} from '@ticketry/core';
import { z } from 'zod';
import type { AttachmentStore } from './attachments/store.js';
import { json } from './respond.js';
import type { Route, RouteContext } from './route.js';

/** A desk's form, ready to serve: the form, its schema, its ETag. */
export interface LoadedForm {
  form: Form;
  /** What `POST /tickets` validates with: `submissionSchemaFor(form)`. */
  schema: ReturnType<typeof submissionSchemaFor>;
  etag: string;
}

/** FNV-1a, 32 bits, as hex: a cheap tag for a small JSON document. */
function hashOf(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

/**
 * Checks a form given to `createHttpHandler` with `formSchema`. A bad
 * definition (an unknown kind, a select without options, a name used
 * twice, an unknown property) throws a `VALIDATION_FAILED` error whose
 * message names the place, e.g. `invalid form at fields.0.kind: kind
 * must be one of: text, longText, select, checkbox, date`.
 */
export function loadForm(input: FormInput | undefined): LoadedForm | null {
  if (input === undefined) return null;
  const parsed = z.safeParse(formSchema, input);
  if (!parsed.success) throw validationError('form', parsed.error.issues);
  const form = parsed.data;
  return {
    form,
    schema: submissionSchemaFor(form),
    etag: `"${hashOf(JSON.stringify(form))}"`,
  };
}

/**
 * The attachment store the handler uses: required when the form allows
 * attachments, unused otherwise.
 */
export function checkAttachments(
  loaded: LoadedForm | null,
  store: AttachmentStore | undefined,
): AttachmentStore | null {
  if (!loaded?.form.attachments) return null;
  if (!store) {
    throw new TypeError(
      'createHttpHandler: the form allows attachments, so the `attachmentStore` option is required',
    );
  }
  return store;
}

const NO_FORM: Form = { fields: [], attachments: null };

async function getForm(ctx: RouteContext): Promise<Response> {
  const loaded = ctx.form;
  const etag = loaded?.etag ?? '"none"';
  const headers = {
    etag,
    'cache-control': 'public, max-age=300',
    vary: 'Origin',
  };
  if (ctx.request.headers.get('if-none-match') === etag) {
    return new Response(null, { status: 304, headers });
  }
  return json(loaded?.form ?? NO_FORM, 200, headers);
}

/** `GET /form`: the submission form, public and cacheable. */
export const formRoutes: Route[] = [
  {
    method: 'GET',
    path: '/form',
    operationId: 'getForm',
    summary:
      'The submission form: custom fields after the built-in ones, and the attachment rules (null when attachments are off).',
    access: 'none',
    responses: {
      200: {
        description: 'The form; cacheable for five minutes, with an ETag',
        schema: formSchema,
        headers: ['ETag', 'Cache-Control'],
      },
      304: { description: 'Not modified since the ETag in If-None-Match' },
    },
    handle: getForm,
  },
];
