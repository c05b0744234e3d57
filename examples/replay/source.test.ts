import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { readRows, uniqueHeader } from './source.ts';
import { writeTemp } from './test-support.ts';

const TEXT = 'id,name,name,note\n1,a,b,"x, y"\n2,c,d\n3,e,f,z\n';

describe('reading a source file', () => {
  it('names repeated header columns apart', () => {
    expect(uniqueHeader(['Variant', 'index', 'Variant', ' Variant '])).toEqual([
      'Variant',
      'index',
      'Variant (2)',
      'Variant (3)',
    ]);
  });

  it('keeps only the asked columns and skips records of the wrong width', async () => {
    const file = writeTemp('t.csv', TEXT);
    const table = await readRows(file, {
      columns: () => ['id', 'name (2)', 'note'],
    });
    expect(table.rows).toEqual([
      { id: '1', 'name (2)': 'b', note: 'x, y' },
      { id: '3', 'name (2)': 'f', note: 'z' },
    ]);
    expect(table.skippedRows).toEqual([{ record: 2, fields: 3 }]);
  });

  it('reads gzip by its magic bytes even without the .gz name', async () => {
    const file = writeTemp('t.data', gzipSync(TEXT));
    const table = await readRows(file, { columns: () => ['id'] });
    expect(table.rows.map((r) => r.id)).toEqual(['1', '3']);
  });

  it('names the columns a mapping needs and the file lacks', async () => {
    const file = writeTemp('t.csv', TEXT);
    await expect(
      readRows(file, { columns: () => ['id', 'status', 'owner'] }),
    ).rejects.toMatchObject({
      code: 'MISSING_COLUMNS',
      details: { missing: ['status', 'owner'] },
    });
  });

  it('reports the bytes read up to the whole file', async () => {
    const file = writeTemp('t.csv', TEXT);
    let last = [0, 0];
    await readRows(file, {
      columns: () => ['id'],
      onBytes: (read, total) => {
        last = [read, total];
      },
    });
    expect(last).toEqual([TEXT.length, TEXT.length]);
  });

  it('turns a broken gzip stream into a typed error', async () => {
    const file = writeTemp('t.csv.gz', gzipSync(TEXT).subarray(0, 20));
    await expect(
      readRows(file, { columns: () => ['id'] }),
    ).rejects.toMatchObject({
      code: 'FILE_UNREADABLE',
    });
  });
});
