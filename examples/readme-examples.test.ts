import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it, vi } from 'vitest';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const scratch = join(root, 'examples', '.readme-snippets');
const READMES = [
  'README.md',
  'packages/core/README.md',
  'packages/adapters/README.md',
];

/**
 * The TypeScript blocks of a README that stand on their own: they
 * import only published packages. Blocks that lean on a name defined
 * elsewhere on the page import nothing and are skipped.
 */
function runnableBlocks(file: string): string[] {
  let text = '';
  try {
    text = readFileSync(join(root, file), 'utf8');
  } catch {
    return [];
  }
  const blocks = [...text.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]!);
  return blocks.filter(
    (code) =>
      /from '@ticketry\//.test(code) &&
      !/from '\.\.?\//.test(code) &&
      !code.includes('@ticketry/core/testing') &&
      !code.includes('process.env.'),
  );
}

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('README examples', () => {
  for (const readme of READMES) {
    runnableBlocks(readme).forEach((code, i) => {
      it(`in ${readme} (block ${i + 1}) run without error`, async () => {
        mkdirSync(scratch, { recursive: true });
        const file = join(scratch, `${readme.replaceAll('/', '-')}-${i}.ts`);
        writeFileSync(file, `${code}\nexport {};\n`);
        const log = vi.spyOn(console, 'log').mockImplementation(() => {});
        try {
          await import(file);
          expect(log).toHaveBeenCalled();
        } finally {
          log.mockRestore();
        }
      });
    });
  }

  it('include the core quick start', () => {
    expect(runnableBlocks('packages/core/README.md').length).toBeGreaterThan(0);
  });
});
