import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const here = import.meta.dirname;
const sources = readdirSync(here).filter(
  (f) => f.endsWith('.ts') && !f.endsWith('.test.ts'),
);

/** Every import of a file: specifier, names, and whether type-only. */
function importsOf(file: string) {
  const text = readFileSync(join(here, file), 'utf8');
  const found: { from: string; names: string[]; typeOnly: boolean }[] = [];
  const pattern =
    /(import|export)\s+(type\s+)?(?:(\*|\{[^}]*\}|[\w$]+)(?:\s*,\s*\{[^}]*\})?\s+from\s+)?['"]([^'"]+)['"]/g;
  for (const m of text.matchAll(pattern)) {
    const names = (m[3] ?? '')
      .replace(/[{}]/g, '')
      .split(',')
      .map((n) => n.trim())
      .filter(Boolean);
    const typeOnly = Boolean(m[2]) || names.every((n) => n.startsWith('type '));
    found.push({ from: m[4]!, names, typeOnly });
  }
  for (const m of text.matchAll(/import\(\s*['"]([^'"]+)['"]\s*\)/g)) {
    found.push({ from: m[1]!, names: [], typeOnly: false });
  }
  return found;
}

const CORE_RUNTIME = new Set([
  'TicketryError',
  'ValidationError',
  'ConflictError',
  'ERROR_CODES',
]);

describe('the client import graph', () => {
  it('finds the client sources', () => {
    expect(sources).toEqual(
      expect.arrayContaining(['http-desk.ts', 'errors.ts', 'index.ts']),
    );
  });

  it('reaches only its own files, the public core, the core errors and zod/mini', () => {
    for (const file of sources) {
      for (const { from, names, typeOnly } of importsOf(file)) {
        const where = `${file} imports ${from}`;
        expect(from, where).not.toMatch(/server/);
        if (from.startsWith('./')) {
          expect(sources, where).toContain(
            from.slice(2).replace(/\.js$/, '.ts'),
          );
        } else if (from === '@ticketry/core') {
          const values = names.filter((n) => !n.startsWith('type '));
          if (!typeOnly) {
            for (const name of values)
              expect(CORE_RUNTIME, where).toContain(name);
          }
        } else if (from === 'zod/v4/core') {
          expect(typeOnly, where).toBe(true);
        } else if (from === 'zod/mini') {
          // Options are checked at run time with zod/mini, which the
          // public core's schemas already bring; never the full zod.
        } else {
          expect(from, where).toBe('@ticketry/core/public');
        }
      }
    }
  });
});
