import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { parseCsv } from './csv.ts';
import { ReplayError } from './errors.ts';

/** One CSV row, reduced to the columns a mapping asked for. */
export type Row = Record<string, string>;

/** What {@link readRows} hands back. */
export interface SourceTable {
  /** The header as written, repeated names suffixed ` (2)`, ` (3)`… */
  header: string[];
  /** Rows projected onto the requested columns, in file order. */
  rows: Row[];
  /**
   * Records (1 = the first after the header) whose field count differs
   * from the header's; they are skipped, not guessed at.
   */
  skippedRows: { record: number; fields: number }[];
}

/** Options for {@link readRows}. */
export interface ReadRowsOptions {
  /** Picks the columns to keep once the header is known. */
  columns(header: string[]): readonly string[];
  /** Called as bytes are read: the compressed bytes for `.gz` files. */
  onBytes?(read: number, total: number): void;
}

/** Makes repeated header names unique: `Variant`, `Variant (2)`. */
export function uniqueHeader(names: string[]): string[] {
  const seen = new Map<string, number>();
  return names.map((raw) => {
    const name = raw.trim();
    const count = (seen.get(name) ?? 0) + 1;
    seen.set(name, count);
    return count === 1 ? name : `${name} (${count})`;
  });
}

async function openText(
  path: string,
  options: ReadRowsOptions,
): Promise<AsyncIterable<Buffer>> {
  let total: number;
  let gzipped: boolean;
  try {
    total = (await stat(path)).size;
    gzipped = path.endsWith('.gz') || (await startsWithGzipMagic(path));
  } catch (cause) {
    throw new ReplayError(
      'FILE_UNREADABLE',
      `cannot read ${path}`,
      { path },
      cause,
    );
  }

  // Open, count and pipe in one synchronous run: a stream that starts
  // flowing before its reader is attached loses its first chunks.
  const file = createReadStream(path);
  let read = 0;
  const count = (chunk: Buffer) => {
    read += chunk.length;
    options.onBytes?.(read, total);
  };
  if (!gzipped) return counted(file, count);
  file.on('data', (chunk) => count(chunk as Buffer));
  const gunzip = createGunzip();
  file.on('error', (error) => gunzip.destroy(error));
  return file.pipe(gunzip);
}

async function* counted(
  stream: Readable,
  count: (chunk: Buffer) => void,
): AsyncGenerator<Buffer> {
  for await (const chunk of stream) {
    count(chunk as Buffer);
    yield chunk as Buffer;
  }
}

async function startsWithGzipMagic(path: string): Promise<boolean> {
  const head = createReadStream(path, { start: 0, end: 1 });
  for await (const chunk of head) {
    const bytes = chunk as Buffer;
    return bytes[0] === 0x1f && bytes[1] === 0x8b;
  }
  return false;
}

/**
 * Streams a `.csv` or gzip-compressed `.csv.gz` file (detected by
 * name or by its magic bytes) through the CSV parser, keeping only the
 * columns the caller needs so a 140,000-row log stays small in memory.
 * Throws `MISSING_COLUMNS` if the header lacks a requested column.
 */
export async function readRows(
  path: string,
  options: ReadRowsOptions,
): Promise<SourceTable> {
  const stream = await openText(path, options);
  let header: string[] | null = null;
  let keep: { name: string; index: number }[] = [];
  const rows: Row[] = [];
  const skippedRows: SourceTable['skippedRows'] = [];
  let record = 0;

  try {
    for await (const fields of parseCsv(stream)) {
      if (header === null) {
        header = uniqueHeader(fields);
        keep = pickColumns(header, options.columns(header));
        continue;
      }
      record++;
      if (fields.length !== header.length) {
        skippedRows.push({ record, fields: fields.length });
        continue;
      }
      const row: Row = {};
      for (const { name, index } of keep) row[name] = fields[index]!;
      rows.push(row);
    }
  } catch (error) {
    if (error instanceof ReplayError) throw error;
    throw new ReplayError(
      'FILE_UNREADABLE',
      `cannot read ${path}: ${(error as Error).message}`,
      { path },
      error,
    );
  }

  return { header: header ?? [], rows, skippedRows };
}

function pickColumns(header: string[], wanted: readonly string[]) {
  const missing = wanted.filter((name) => !header.includes(name));
  if (missing.length > 0) {
    throw new ReplayError(
      'MISSING_COLUMNS',
      `the file lacks column(s): ${missing.join(', ')}`,
      { missing },
    );
  }
  return wanted.map((name) => ({ name, index: header.indexOf(name) }));
}
