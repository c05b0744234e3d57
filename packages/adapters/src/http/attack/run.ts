import { credentialAttacks } from './credentials.js';
import { enumerationAttacks } from './enumeration.js';
import { mailAttacks } from './mail-attacks.js';
import { startMailSide } from './mail-world.js';
import { mailXssAttacks } from './mail-xss.js';
import { malformedAttacks } from './malformed.js';
import { originAttacks } from './origin.js';
import { figuresTable, type GroupFigures, type Leak } from './tally.js';
import { startWorld } from './world.js';

/** What the attack suite found. */
export interface AttackReport {
  groups: GroupFigures[];
  leaks: Leak[];
  tried: number;
  refused: number;
  leaked: number;
  serverErrors: number;
  /** Attacks that got through in ways already reported. */
  known: number;
  /** Tickets and events in the database at the end. */
  tickets: number;
  events: number;
  /** The figures as a table, for the log and the docs. */
  table: string;
  /** What the suite does not reach yet. */
  notCovered: string[];
}

/** Options of {@link runAttackSuite}. */
export interface AttackOptions {
  /** The XSS corpus: each text goes into every field. */
  payloads: readonly string[];
  /** fast-check samples per route. @default 30 */
  fuzzRuns?: number;
  /** @default 8 */
  seed?: number;
}

/**
 * Plays the attacker against the real handler: two sites on one SQLite
 * database behind `createMultiSiteHandler`, served by `serveNode` on
 * 127.0.0.1 at an ephemeral port, and acme's mail intake behind a
 * second loopback server. Runs every group in turn and reports what was
 * tried, refused and leaked. Nothing leaves the loopback.
 */
export async function runAttackSuite(
  options: AttackOptions,
): Promise<AttackReport> {
  const { xssAttacks } = await import('./xss.js');
  const world = await startWorld();
  const leaks: Leak[] = [];
  const groups: GroupFigures[] = [];
  try {
    groups.push(await originAttacks(world, leaks));
    groups.push(await credentialAttacks(world, leaks));
    groups.push(await enumerationAttacks(world, leaks));
    groups.push(
      await malformedAttacks(
        world,
        leaks,
        options.fuzzRuns ?? 30,
        options.seed ?? 8,
      ),
    );
    groups.push(await xssAttacks(world, leaks, options.payloads));
    const mail = await startMailSide(world.sites[0]);
    try {
      groups.push(await mailXssAttacks(world, mail, leaks, options.payloads));
      groups.push(await mailAttacks(world, mail, leaks));
    } finally {
      await mail.close();
    }
    const { tickets, events } = world.snapshot();
    const sum = (
      key: 'tried' | 'refused' | 'leaked' | 'serverErrors' | 'known',
    ) => groups.reduce((n, g) => n + g[key], 0);
    return {
      groups,
      leaks,
      tried: sum('tried'),
      refused: sum('refused'),
      leaked: sum('leaked'),
      serverErrors: sum('serverErrors'),
      known: sum('known'),
      tickets,
      events,
      table: figuresTable(groups),
      notCovered: [
        "the agents' console (issue 7): its XSS checks are its own",
        'rendering of mail tickets in Chromium: mail.browser.test.ts',
      ],
    };
  } finally {
    await world.close();
  }
}
