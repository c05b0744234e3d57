import {
  mkdir,
  readdir,
  readFile,
  rename,
  rm,
  writeFile,
} from 'node:fs/promises';
import { join } from 'node:path';
import { TicketryError } from '@ticketry/core';
import type { AttachmentStore, StoredAttachment } from './store.js';

const SAFE_ID = /^att_[0-9a-f]{32}$/;

function checkId(id: string): string {
  if (!SAFE_ID.test(id)) {
    throw new TicketryError('NOT_FOUND', 'no such attachment');
  }
  return id;
}

/** Writes through a temporary name, so a reader never sees half a file. */
async function writeAtomic(path: string, data: Uint8Array | string) {
  const temporary = `${path}.${process.pid}.${Date.now()}.tmp`;
  await writeFile(temporary, data);
  await rename(temporary, path);
}

async function readOrNull(path: string): Promise<Buffer | null> {
  try {
    return await readFile(path);
  } catch (error) {
    if ((error as { code?: string }).code === 'ENOENT') return null;
    throw error;
  }
}

/**
 * Files on disk under `dir`: `<id>.bin` holds the bytes and
 * `<id>.json` the record (written last, so a record always has its
 * bytes). Ids are checked against their fixed shape before they touch
 * a path. `purge` reads every record: fine for thousands of files;
 * use an object store beyond that.
 *
 * @example
 * const attachmentStore = createFileAttachmentStore('.ticketry/attachments');
 */
export function createFileAttachmentStore(dir: string): AttachmentStore {
  const ready = mkdir(dir, { recursive: true });
  const path = (id: string, ext: 'bin' | 'json') =>
    join(dir, `${checkId(id)}.${ext}`);
  const get = async (id: string): Promise<StoredAttachment | null> => {
    await ready;
    const text = await readOrNull(path(id, 'json'));
    return text
      ? (JSON.parse(text.toString('utf8')) as StoredAttachment)
      : null;
  };
  return {
    get,
    async put(info, bytes) {
      await ready;
      if (await get(info.id)) return;
      await writeAtomic(path(info.id, 'bin'), bytes);
      await writeAtomic(path(info.id, 'json'), JSON.stringify(info));
    },
    async read(id) {
      await ready;
      const bytes = await readOrNull(path(id, 'bin'));
      return bytes ? new Uint8Array(bytes) : null;
    },
    async claim(id, ticketId) {
      const info = await get(id);
      if (!info || info.ticketId === ticketId) return;
      await writeAtomic(
        path(id, 'json'),
        JSON.stringify({ ...info, ticketId }),
      );
    },
    async purge(before) {
      await ready;
      let removed = 0;
      for (const file of await readdir(dir)) {
        const id = file.endsWith('.json') ? file.slice(0, -5) : '';
        if (!SAFE_ID.test(id)) continue;
        const info = await get(id);
        if (!info || info.ticketId !== null || info.createdAt >= before)
          continue;
        await rm(path(id, 'json'), { force: true });
        await rm(path(id, 'bin'), { force: true });
        removed++;
      }
      return removed;
    },
  };
}
