import { parseArgs } from 'node:util';
import { z } from 'zod';

/** The usage text printed with `--help` or after a bad argument. */
export const USAGE = `usage: npm run verify-audit -- (--db <file.sqlite> | --pg <url>) [options]

  --db <file.sqlite>     verify a SQLite store file
  --pg <url>             verify a PostgreSQL store (postgres://…)
  --schema <name>        the PostgreSQL schema (default: ticketry)
  --site <id>            the site to verify (default: default)
  --ticket <id>          verify one ticket only
  --heads <file.json>    write every ticket's head hash, to anchor elsewhere
  --anchors <file.json>  check the heads written by an earlier run
  --json                 print the report as JSON
  --help                 show this text

Exit status: 0 untouched, 1 tampering found, 2 bad arguments or no store.`;

/** A wrong command line: printed with the usage, exit status 2. */
export class UsageError extends Error {}

const argsSchema = z
  .object({
    db: z.string().min(1).optional(),
    pg: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
      .optional(),
    schema: z.string().min(1).optional(),
    site: z.string().min(1).default('default'),
    ticket: z.string().min(1).optional(),
    heads: z.string().min(1).optional(),
    anchors: z.string().min(1).optional(),
    json: z.boolean().default(false),
  })
  .refine((a) => (a.db === undefined) !== (a.pg === undefined), {
    message: 'give exactly one of --db and --pg',
  });

/** Parsed command-line arguments. */
export type VerifyArgs = z.infer<typeof argsSchema>;

const text = { type: 'string' } as const;

/** Parses `process.argv.slice(2)`; null for `--help`. */
export function parseVerifyArgs(argv: readonly string[]): VerifyArgs | null {
  let values: Record<string, unknown>;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        db: text,
        pg: text,
        schema: text,
        site: text,
        ticket: text,
        heads: text,
        anchors: text,
        json: { type: 'boolean' },
        help: { type: 'boolean' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (values.help) return null;
  const { help: _, ...rest } = values;
  const parsed = argsSchema.safeParse(rest);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = issue.path.length > 0 ? `--${issue.path.join('.')}: ` : '';
    throw new UsageError(`${where}${issue.message}`);
  }
  return parsed.data;
}
