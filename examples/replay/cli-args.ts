import { parseArgs } from 'node:util';
import { z } from 'zod';
import { ReplayError } from './errors.ts';
import { MAPPING_NAMES } from './plan.ts';
import { ROUTING_STRATEGIES } from './routing-strategies.ts';

/** What the command line asks for, checked. */
export const cliArgsSchema = z.object({
  file: z.string().min(1, 'give the log file to replay'),
  mapping: z.enum(MAPPING_NAMES).optional(),
  db: z.string().min(1).optional(),
  sla: z.string().min(1).optional(),
  json: z.boolean().default(false),
  routing: z.enum(ROUTING_STRATEGIES).optional(),
  forecast: z.boolean().optional(),
  risk: z.boolean().optional(),
});

/** Parsed command-line arguments. */
export type CliArgs = z.infer<typeof cliArgsSchema>;

/** The usage text printed with `--help` or after a bad argument. */
export const USAGE = `usage: npm run replay -- <file.csv|file.csv.gz> [options]

  --mapping servicenow|helpdesk   log format (default: guessed from the header)
  --db <file.sqlite>              replay into a SQLite file (default: memory)
  --sla <policy.json>             run SLA policies and report attainment
  --json                          print the report as JSON
  --routing <strategy>            replay ServiceNow arrivals through a router
                                  (${ROUTING_STRATEGIES.join(', ')})
                                  and report load balance per agent and group
  --forecast                      backtest the volume forecast and the
                                  possible-incident alerts on the log
  --risk                          evaluate breach risk at opening (70/30 by time)
  --help                          show this text`;

/**
 * Parses `process.argv.slice(2)`; answers null for `--help`. Unknown
 * options and bad values throw `BAD_ARGUMENTS` naming the option.
 */
export function parseCliArgs(argv: readonly string[]): CliArgs | null {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    throw new ReplayError('BAD_ARGUMENTS', (error as Error).message);
  }
  if (parsed.values.help) return null;
  if (parsed.positionals.length > 1) {
    throw new ReplayError('BAD_ARGUMENTS', 'give exactly one log file');
  }

  const result = cliArgsSchema.safeParse({
    file: parsed.positionals[0] ?? '',
    mapping: parsed.values.mapping,
    db: parsed.values.db,
    sla: parsed.values.sla,
    json: parsed.values.json ?? false,
    routing: parsed.values.routing,
    forecast: parsed.values.forecast,
    risk: parsed.values.risk,
  });
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const where = issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
    throw new ReplayError('BAD_ARGUMENTS', `${where}${issue.message}`, {
      issues: result.error.issues,
    });
  }
  return result.data;
}

function parse(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: true,
    options: {
      mapping: { type: 'string' },
      db: { type: 'string' },
      sla: { type: 'string' },
      json: { type: 'boolean' },
      routing: { type: 'string' },
      forecast: { type: 'boolean' },
      risk: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}
