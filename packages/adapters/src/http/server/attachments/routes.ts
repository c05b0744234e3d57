import {
  type AttachmentInfo,
  type AttachmentType,
  TicketryError,
  ValidationError,
  validationError,
} from '@ticketry/core';
import type { $ZodIssue } from 'zod/v4/core';
import { requireTicketAccess } from '../auth.js';
import { readBytes } from '../body.js';
import { idempotencyKeyFrom } from '../preconditions.js';
import { json } from '../respond.js';
import type { RouteContext } from '../route.js';
import { streamCaller } from '../stream.js';
import { dispositionOf, safeName, sha256 } from './names.js';
import { declaredType, sniff } from './sniff.js';
import type { AttachmentStore, StoredAttachment } from './store.js';

const refuse = (message: string, path: string[]) =>
  new TicketryError('VALIDATION_FAILED', message, { details: { path } });

function storeOf(ctx: RouteContext): AttachmentStore {
  if (!ctx.attachments || !ctx.form?.form.attachments) {
    throw new TicketryError('FORBIDDEN', 'this help desk takes no attachments');
  }
  return ctx.attachments;
}

/** The recognised type of an upload, or the reason it is refused. */
function typeOf(
  bytes: Uint8Array,
  declared: string | null,
  allowed: readonly AttachmentType[],
) {
  if (bytes.byteLength === 0) throw refuse('the file is empty', ['body']);
  const found = sniff(bytes);
  if (found.kind === 'markup') {
    throw refuse('HTML, SVG and XML files are not accepted', ['body']);
  }
  if (found.kind === 'unknown') {
    throw refuse(`the file is none of: ${allowed.join(', ')}`, ['body']);
  }
  if (declared && declared !== found.type) {
    throw refuse(`the file is ${found.type}, not the declared ${declared}`, [
      'headers',
      'content-type',
    ]);
  }
  if (!allowed.includes(found.type)) {
    throw refuse(
      `${found.type} files are not accepted; send one of: ${allowed.join(', ')}`,
      ['body'],
    );
  }
  return found.type;
}

/**
 * `POST /attachments?name=<file name>`: the file's bytes as the body,
 * under the `Idempotency-Key` of the submission it belongs to. The id
 * comes from the site, the key, the bytes and the name, so a retried upload
 * answers the same id and stores nothing twice.
 */
export async function upload(ctx: RouteContext): Promise<Response> {
  const store = storeOf(ctx);
  const rules = ctx.form!.form.attachments!;
  const key = idempotencyKeyFrom(ctx.request);
  if (!key) {
    throw refuse(
      'send the Idempotency-Key of the submission this file belongs to',
      ['headers', 'idempotency-key'],
    );
  }
  const bytes = await readBytes(ctx.request, rules.maxBytes);
  const declared = declaredType(ctx.request.headers.get('content-type'));
  const type = typeOf(bytes, declared, rules.types);
  const name = safeName(ctx.url.searchParams.get('name'), type);
  const digest = await sha256(bytes);
  const keyHash = await sha256(key);
  const { siteId } = ctx.desk;
  const id = `att_${(await sha256(`${siteId}\n${keyHash}\n${digest}\n${name}`)).slice(0, 32)}`;
  await store.put(
    {
      id,
      name,
      size: bytes.byteLength,
      type,
      digest,
      keyHash,
      createdAt: new Date().toISOString(),
      ticketId: null,
      siteId,
    },
    bytes,
  );
  const info: AttachmentInfo = { id, name, size: bytes.byteLength, type };
  return json(info, 201);
}

/**
 * The record of `id` when it belongs to this desk's site, else null.
 * Records stored before sites were recorded carry none and pass.
 */
async function ownRecord(
  ctx: RouteContext,
  store: AttachmentStore,
  id: string,
): Promise<StoredAttachment | null> {
  const info = await store.get(id);
  if (!info) return null;
  const foreign = info.siteId !== undefined && info.siteId !== ctx.desk.siteId;
  return foreign ? null : info;
}

/**
 * The records of a submission's or a reply's attachment ids. Each must
 * have been uploaded under the same Idempotency-Key, be listed once, and
 * for a reply on `ticketId` belong to no ticket yet (a submission's
 * retry finds its files claimed by the ticket it replays); anything else
 * is a 422 that names the entry, and nothing is written.
 */
export async function attachmentsFor(
  ctx: RouteContext,
  ids: readonly string[] | undefined,
  key: string | undefined,
  what: 'submission' | 'reply' = 'submission',
  ticketId?: string,
): Promise<AttachmentInfo[] | undefined> {
  if (!ids?.length) return undefined;
  const store = storeOf(ctx);
  // The form's cap, which a submission's schema already applies.
  const maxFiles = ctx.form!.form.attachments!.maxFiles;
  if (ids.length > maxFiles) {
    throw new ValidationError(`invalid ${what}: too many attachments`, [
      {
        code: 'custom',
        path: ['attachments'],
        message: `at most ${maxFiles} attachments`,
        input: ids,
      },
    ]);
  }
  const keyHash = key ? await sha256(key) : null;
  const issues: $ZodIssue[] = [];
  const found: AttachmentInfo[] = [];
  for (const [index, id] of ids.entries()) {
    const info = await ownRecord(ctx, store, id);
    // A reply's files are new: one sent before stays on its message.
    const owner = ticketId ? info?.ticketId : null;
    const problem =
      ids.indexOf(id) !== index
        ? 'this attachment is listed twice'
        : !info || info.keyHash !== keyHash
          ? key
            ? `this attachment was not uploaded for this ${what}`
            : 'attachments need the Idempotency-Key they were uploaded with'
          : owner
            ? owner === ticketId
              ? 'this attachment was sent with an earlier message'
              : 'this attachment belongs to another ticket'
            : null;
    if (problem || !info) {
      issues.push({
        code: 'custom',
        path: ['attachments', index],
        message: problem ?? 'unknown attachment',
        input: id,
      });
      continue;
    }
    found.push({ id, name: info.name, size: info.size, type: info.type });
  }
  // The message names the first problem, as every other 422 does.
  if (issues.length) throw validationError(what, issues);
  return found;
}

/** Marks a ticket's new files as taken, so they outlive the purge. */
export async function claimAttachments(
  ctx: RouteContext,
  files: readonly AttachmentInfo[] | undefined,
  ticketId: string,
): Promise<void> {
  for (const file of files ?? [])
    await ctx.attachments?.claim(file.id, ticketId);
}

/**
 * `GET /tickets/:id/attachments/:attachmentId`: a file of the ticket,
 * always as a download: `Content-Disposition: attachment`, `nosniff`
 * and a sandboxing CSP, whatever it holds. The requester token may come
 * as `?access_token=` so the widget can offer a plain link.
 */
export async function download(ctx: RouteContext): Promise<Response> {
  const id = ctx.params.id!;
  const attachmentId = ctx.params.attachmentId!;
  const caller = await streamCaller(ctx);
  await requireTicketAccess(ctx.desk, caller, id);
  const ticket = await ctx.desk.publicView(id);
  const listed = ticket.messages.some((m) =>
    m.attachments?.some((a) => a.id === attachmentId),
  );
  const store = ctx.attachments;
  const info =
    listed && store ? await ownRecord(ctx, store, attachmentId) : null;
  const bytes = info ? await ctx.attachments?.read(attachmentId) : null;
  if (!info || !bytes) {
    throw new TicketryError('NOT_FOUND', 'no such attachment on this ticket');
  }
  const text = info.type === 'text/plain' ? '; charset=utf-8' : '';
  return new Response(bytes as Uint8Array<ArrayBuffer>, {
    status: 200,
    headers: {
      'content-type': `${info.type}${text}`,
      'content-length': String(bytes.byteLength),
      'content-disposition': dispositionOf(info.name),
      'x-content-type-options': 'nosniff',
      'content-security-policy': "sandbox; default-src 'none'",
      'cache-control': 'private, no-store',
    },
  });
}
