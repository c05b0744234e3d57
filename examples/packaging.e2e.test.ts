import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';
import { describe, expect, it } from 'vitest';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const PACKAGES = ['core', 'adapters', 'widget'];

describe('the published packages', () => {
  for (const name of PACKAGES) {
    it(`@ticketry/${name} builds ESM with declarations and packs cleanly`, async () => {
      const pkgDir = join(root, 'packages', name);
      expect(existsSync(join(pkgDir, 'dist'))).toBe(true);
      const { messages, pkg } = await publint({
        pkgDir,
        strict: true,
        pack: 'npm',
      });
      const problems = messages
        .filter((m) => m.type !== 'suggestion')
        .map((m) => formatMessage(m, pkg));
      expect(problems).toEqual([]);
    });
  }
});
