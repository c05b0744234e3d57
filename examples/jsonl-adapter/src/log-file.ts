import { type FileHandle, open } from 'node:fs/promises';
import { dirname } from 'node:path';
import { checkHeader, headerLine, type Line, parseLine } from './lines.js';
import type { FsyncMode } from './options.js';

const NEWLINE = 0x0a;

/** The open file: the lines it held, and appending one line at a time. */
export interface LogFile {
  /** Every whole line read on open, header first. */
  readonly lines: Line[];
  /** Appends one line; on failure nothing of it stays in the file. */
  append(line: string): Promise<void>;
  /** Flushes (unless `fsync` is `'never'`) and closes the file. */
  close(): Promise<void>;
}

/** Flushes a directory, so that a new file's name survives a power cut. */
async function syncDirectory(path: string) {
  const dir = await open(dirname(path), 'r');
  try {
    await dir.sync();
  } finally {
    await dir.close();
  }
}

/**
 * Where the whole lines of the file end. A last line without its
 * newline is a write that a crash cut short: it was never answered, so
 * it is cut off. So is a last line that ends but does not parse (a file
 * system that filled the tail with zeros). A bad line anywhere else is
 * damage, and opening fails. Nothing is cut from a file that does not
 * start with our header, so a wrong path never loses someone's data.
 */
async function readLines(handle: FileHandle): Promise<Line[]> {
  const bytes = await handle.readFile();
  let end = bytes.lastIndexOf(NEWLINE) + 1;
  const raws = bytes.subarray(0, end).toString('utf8').split('\n');
  raws.pop(); // the empty string after the last newline
  const lines: Line[] = [];
  for (const [i, raw] of raws.entries()) {
    try {
      lines.push(parseLine(raw, i + 1));
    } catch (error) {
      if (i === 0 || i < raws.length - 1) throw error;
      end = bytes.lastIndexOf(NEWLINE, end - 2) + 1;
    }
  }
  if (lines.length > 0) checkHeader(lines[0]);
  else if (!isHeaderStart(bytes)) {
    throw new Error('the file is not empty and has no header line');
  }
  if (end < bytes.length) await handle.truncate(end);
  return lines;
}

/** True for an empty file, or the start of a header a crash cut short. */
function isHeaderStart(bytes: Buffer): boolean {
  const header = Buffer.from(JSON.stringify(headerLine()), 'utf8');
  return header.subarray(0, bytes.length).equals(bytes);
}

/**
 * Opens (or creates) the file, reads its lines and checks its header.
 * Appends go to the end; a failed append is cut back off, so the next
 * line never follows a half-written one.
 */
export async function openLog(path: string, fsync: FsyncMode) {
  const handle = await open(path, 'a+');
  try {
    const lines = await readLines(handle);
    let size = (await handle.stat()).size;
    let broken: string | null = null;

    async function append(text: string) {
      if (broken) throw new Error(`the file is unusable: ${broken}`);
      const bytes = Buffer.from(`${text}\n`, 'utf8');
      try {
        let done = 0;
        while (done < bytes.length) {
          const { bytesWritten } = await handle.write(bytes, done);
          done += bytesWritten;
        }
        if (fsync === 'always') await handle.datasync();
        size += bytes.length;
      } catch (error) {
        await handle.truncate(size).catch((cut: Error) => {
          broken = `a failed write could not be taken back (${cut.message})`;
        });
        throw error;
      }
    }

    if (lines.length === 0) {
      const header = headerLine();
      await append(JSON.stringify(header));
      if (fsync === 'always') await syncDirectory(path);
      lines.push(header);
    }

    const file: LogFile = {
      lines,
      append,
      async close() {
        if (fsync !== 'never') await handle.datasync();
        await handle.close();
      },
    };
    return file;
  } catch (error) {
    await handle.close();
    throw error;
  }
}
