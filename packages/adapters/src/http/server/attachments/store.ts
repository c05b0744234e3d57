import type { AttachmentType } from '@ticketry/core';

/** What is kept about one uploaded file, beside its bytes. */
export interface StoredAttachment {
  /** `att_` and 32 hex digits, derived from the upload (see `putAttachment`). */
  id: string;
  /** The file name, made safe to offer for download. */
  name: string;
  /** Bytes. */
  size: number;
  /** The type recognised from the bytes. */
  type: AttachmentType;
  /** SHA-256 of the bytes, hex. */
  digest: string;
  /** SHA-256 of the Idempotency-Key the file was uploaded under, hex. */
  keyHash: string;
  createdAt: string;
  /** The ticket that took the file; null until its submission lands. */
  ticketId: string | null;
  /**
   * The site the file was uploaded to; another site's submissions and
   * downloads do not find it. Absent only on records stored before
   * sites were recorded.
   */
  siteId?: string;
}

/**
 * Where uploaded files live. The HTTP handler needs one when its form
 * allows attachments. Two come with the adapters
 * (`createMemoryAttachmentStore`, `createFileAttachmentStore`); any
 * other (an object store, a database) implements these five methods.
 */
export interface AttachmentStore {
  /** Stores a file; storing an id again replaces nothing and succeeds. */
  put(info: StoredAttachment, bytes: Uint8Array): Promise<void>;
  /** The record of a file, or null. */
  get(id: string): Promise<StoredAttachment | null>;
  /** The bytes of a file, or null. */
  read(id: string): Promise<Uint8Array | null>;
  /** Marks a file as taken by a ticket, so `purge` keeps it. */
  claim(id: string, ticketId: string): Promise<void>;
  /**
   * Removes files no ticket took that were uploaded before `before`
   * (an ISO instant); returns how many went. Call it now and then.
   */
  purge(before: string): Promise<number>;
}

/**
 * Files in memory: for tests and demos; they go when the process ends.
 *
 * @example
 * const handler = createHttpHandler({
 *   desk,
 *   form: { attachments: { types: ['image/png'], maxBytes: 1_000_000 } },
 *   attachmentStore: createMemoryAttachmentStore(),
 * });
 */
export function createMemoryAttachmentStore(): AttachmentStore {
  const files = new Map<
    string,
    { info: StoredAttachment; bytes: Uint8Array }
  >();
  return {
    async put(info, bytes) {
      if (!files.has(info.id)) {
        files.set(info.id, { info: { ...info }, bytes: bytes.slice() });
      }
    },
    async get(id) {
      const found = files.get(id);
      return found ? { ...found.info } : null;
    },
    async read(id) {
      return files.get(id)?.bytes.slice() ?? null;
    },
    async claim(id, ticketId) {
      const found = files.get(id);
      if (found) found.info.ticketId = ticketId;
    },
    async purge(before) {
      let removed = 0;
      for (const [id, { info }] of files) {
        if (info.ticketId === null && info.createdAt < before) {
          files.delete(id);
          removed++;
        }
      }
      return removed;
    },
  };
}
