/**
 * `npm run verify-audit -- --db desk.sqlite` (or `--pg <url>`): proves
 * a store's audit history untouched with `verifyAudit`, prints the
 * report, and exits 1 when anything was changed. See docs/audit.md.
 */
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import {
  type AuditHead,
  auditHeadSchema,
  type TicketStore,
  verifyAudit,
} from '@ticketry/core';
import { z } from 'zod';
import { parseVerifyArgs, USAGE, UsageError, type VerifyArgs } from './args.ts';
import { formatAuditReport } from './format.ts';

/** The store the arguments name, and how to let go of it. */
async function openStore(
  args: VerifyArgs,
): Promise<{ store: TicketStore; close(): Promise<void> }> {
  if (args.db) {
    if (!existsSync(args.db)) throw new UsageError(`no file ${args.db}`);
    const { sqliteStore } = await import('@ticketry/adapters/sqlite');
    const store = sqliteStore({ filename: args.db });
    return { store, close: () => store.close() };
  }
  const [{ postgresStore }, pg] = await Promise.all([
    import('@ticketry/adapters/postgres'),
    import('pg'),
  ]);
  const pool = new pg.default.Pool({ connectionString: args.pg, max: 2 });
  try {
    const store = await postgresStore({
      pool,
      ...(args.schema && { schema: args.schema }),
    });
    return {
      store,
      async close() {
        await store.close();
        await pool.end();
      },
    };
  } catch (error) {
    await pool.end();
    throw error;
  }
}

async function readAnchors(file: string): Promise<AuditHead[]> {
  const parsed = z
    .array(auditHeadSchema)
    .safeParse(JSON.parse(await readFile(file, 'utf8')));
  if (!parsed.success) throw new UsageError(`${file} holds no list of heads`);
  return parsed.data;
}

async function main(): Promise<number> {
  const args = parseVerifyArgs(process.argv.slice(2));
  if (!args) {
    console.log(USAGE);
    return 0;
  }
  const anchors = args.anchors ? await readAnchors(args.anchors) : undefined;
  const { store, close } = await openStore(args);
  try {
    const report = await verifyAudit(store, args.site, args.ticket ?? null, {
      ...(anchors && { anchors }),
    });
    if (args.heads) {
      await writeFile(args.heads, `${JSON.stringify(report.heads, null, 2)}\n`);
    }
    console.log(
      args.json ? JSON.stringify(report, null, 2) : formatAuditReport(report),
    );
    return report.ok ? 0 : 1;
  } finally {
    await close();
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`verify-audit failed: ${(error as Error).message}`);
    if (error instanceof UsageError) console.error(USAGE);
    process.exitCode = 2;
  },
);
