import { spawnSync } from 'node:child_process';
import {
  appendFileSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bumped, sampleEvent, sampleTicket } from '@ticketry/core/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { FORMAT, jsonlStore } from './src/index.js';

const dir = mkdtempSync(join(tmpdir(), 'ticketry-jsonl-file-'));
let count = 0;
const newPath = () => join(dir, `file-${++count}.jsonl`);
const lines = (path: string) =>
  readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l));

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A file holding one ticket at version 1, its store closed. */
async function fileWithTicket() {
  const path = newPath();
  const store = await jsonlStore({ path });
  const ticket = sampleTicket();
  await store.createTicket({ ticket, event: sampleEvent(ticket) });
  await store.close();
  return { path, ticket };
}

describe('jsonl file', () => {
  it('writes a created ticket, its event and its key as one line', async () => {
    const path = newPath();
    const store = await jsonlStore({ path });
    const ticket = sampleTicket();
    const idempotency = { key: 'key-0001', fingerprint: 'f'.repeat(64) };
    await store.createTicket({
      ticket,
      event: sampleEvent(ticket),
      idempotency,
    });
    await store.close();
    const [header, create, ...rest] = lines(path);
    expect(header).toEqual({ k: 'header', format: FORMAT, version: 1 });
    expect(create.k).toBe('create');
    expect(create.ticket).toEqual(ticket);
    expect(create.event.seq).toBe(1);
    expect(create.idempotency).toEqual(idempotency);
    expect(rest).toEqual([]);
  });

  it('drops a last line that a crash cut short, and writes on after it', async () => {
    const { path, ticket } = await fileWithTicket();
    appendFileSync(path, '{"k":"commit","ticket":{"siteId":"site-a"');
    const store = await jsonlStore({ path });
    expect((await store.getTicket(ticket.siteId, ticket.id))?.version).toBe(1);
    const next = bumped(ticket, { subject: 'after the crash' });
    const event = sampleEvent(next);
    await store.commit({ ticket: next, expectedVersion: 1, event });
    await store.close();
    expect(lines(path).map((l) => l.k)).toEqual(['header', 'create', 'commit']);
  });

  it('drops a last line of zeros that a file system left after a crash', async () => {
    const { path, ticket } = await fileWithTicket();
    appendFileSync(path, Buffer.alloc(64));
    appendFileSync(path, '\n');
    const store = await jsonlStore({ path });
    expect(await store.getTicket(ticket.siteId, ticket.id)).toEqual(ticket);
    await store.close();
    expect(readFileSync(path, 'utf8').endsWith('}\n')).toBe(true);
  });

  it('refuses a file damaged in the middle, naming the line, and leaves it as is', async () => {
    const { path } = await fileWithTicket();
    const text = readFileSync(path, 'utf8').replace(
      '"k":"create"',
      '"k":"crate"',
    );
    writeFileSync(path, `${text}{"k":"ref","siteId":"site-a","value":1001}\n`);
    await expect(jsonlStore({ path })).rejects.toMatchObject({
      code: 'STORAGE_FAILED',
      message: expect.stringContaining('line 2 is not a store record'),
    });
    expect(readFileSync(path, 'utf8')).toBe(
      `${text}{"k":"ref","siteId":"site-a","value":1001}\n`,
    );
    expect(existsSync(`${path}.lock`)).toBe(false);
  });

  it('refuses a file of a newer format, naming both versions', async () => {
    const path = newPath();
    writeFileSync(
      path,
      `${JSON.stringify({ k: 'header', format: FORMAT, version: 7 })}\n`,
    );
    await expect(jsonlStore({ path })).rejects.toThrow(
      /format version 7; this code reads up to version 1/,
    );
  });

  it('refuses a file that is not its own and cuts nothing from it', async () => {
    const path = newPath();
    writeFileSync(path, 'someone else’s notes, no newline');
    await expect(jsonlStore({ path })).rejects.toThrow(/no header line/);
    expect(readFileSync(path, 'utf8')).toBe('someone else’s notes, no newline');
  });

  it('refuses bad options with VALIDATION_FAILED and creates no file', async () => {
    const path = newPath();
    const options = { path, fsync: 'sometimes' } as never;
    await expect(jsonlStore(options)).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
    expect(existsSync(path)).toBe(false);
  });

  it('keeps records across a reopen with every fsync mode', async () => {
    for (const fsync of ['always', 'close', 'never'] as const) {
      const path = newPath();
      const store = await jsonlStore({ path, fsync });
      const ticket = sampleTicket();
      await store.createTicket({ ticket, event: sampleEvent(ticket) });
      expect(await store.nextRef('site-a')).toBe(1001);
      await store.close();
      const reopened = await jsonlStore({ path, fsync });
      expect(await reopened.getTicket(ticket.siteId, ticket.id)).toEqual(
        ticket,
      );
      expect(await reopened.nextRef('site-a')).toBe(1002);
      await reopened.close();
    }
  });
});

describe('jsonl lock', () => {
  it('refuses a second store on an open file, and opens it once closed', async () => {
    const path = newPath();
    const store = await jsonlStore({ path });
    await expect(jsonlStore({ path })).rejects.toMatchObject({
      code: 'STORAGE_FAILED',
      message: expect.stringContaining('already open in this process'),
    });
    await store.close();
    await store.close(); // a second close does nothing
    const again = await jsonlStore({ path });
    await again.close();
  });

  it('takes over a lock left by a process that has ended', async () => {
    const { path, ticket } = await fileWithTicket();
    const ended = spawnSync(process.execPath, ['-e', '']);
    writeFileSync(`${path}.lock`, String(ended.pid));
    const store = await jsonlStore({ path });
    expect(await store.getTicket(ticket.siteId, ticket.id)).toEqual(ticket);
    await store.close();
    expect(existsSync(`${path}.lock`)).toBe(false);
  });

  it('loses no answered write when its process is killed without close()', async () => {
    const path = newPath();
    const child = spawnSync(
      process.execPath,
      [
        '--conditions=@ticketry/source',
        '--import',
        'tsx',
        join(import.meta.dirname, 'crash-child.ts'),
        path,
      ],
      { encoding: 'utf8', timeout: 60_000 },
    );
    expect(child.signal).toBe('SIGKILL');
    const { siteId, id, key } = JSON.parse(child.stdout);
    const store = await jsonlStore({ path });
    const ticket = await store.getTicket(siteId, id);
    expect(ticket?.subject).toBe('written before the kill');
    expect(await store.listEvents(siteId, id)).toHaveLength(2);
    const retry = sampleTicket({ id: 'retry-after-kill', ref: 'T-2' });
    const replay = await store.createTicket({
      ticket: retry,
      event: sampleEvent(retry),
      idempotency: { key, fingerprint: 'a'.repeat(64) },
    });
    expect(replay).toMatchObject({ replayed: true, ticket: { id } });
    await store.close();
  });
});
