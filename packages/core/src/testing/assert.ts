import { ConflictError, TicketryError } from '../errors.js';

/** A conformance check failed; the message says what the store did. */
export class ConformanceFailure extends Error {
  override name = 'ConformanceFailure';
}

/** Fails unless `condition` holds. */
export function check(condition: unknown, message: string): asserts condition {
  if (!condition) throw new ConformanceFailure(message);
}

/**
 * Fails unless two values are equal as JSON with sorted keys. The
 * message names the first path where they differ and both values
 * there, then the start of each whole value.
 */
export function checkEqual(actual: unknown, expected: unknown, what: string) {
  const a = stable(actual);
  const e = stable(expected);
  if (a === e) return;
  const at = firstDifference(normal(actual), normal(expected), '$');
  throw new ConformanceFailure(
    `${what}: differs at ${at.path}: expected ${show(at.expected)}, got ${show(at.actual)}` +
      ` (whole values: expected ${e.slice(0, 300)}, got ${a.slice(0, 300)})`,
  );
}

/** Fails unless `run` rejects with an error carrying `code`. */
export async function checkRejects(
  run: () => Promise<unknown>,
  code: string,
  what: string,
): Promise<unknown> {
  try {
    await run();
  } catch (error) {
    const got = (error as { code?: string }).code;
    check(got === code, `${what}: expected error ${code}, got ${got ?? error}`);
    return error;
  }
  throw new ConformanceFailure(
    `${what}: expected error ${code}, nothing thrown`,
  );
}

/**
 * Fails unless `run` rejects with a real `ConflictError` of this
 * `@ticketry/core`: the desk retries on `instanceof`, not on the code.
 */
export async function checkConflict(
  run: () => Promise<unknown>,
  what: string,
): Promise<ConflictError> {
  const error = await checkRejects(run, 'VERSION_CONFLICT', what);
  checkConflictClass(error, what);
  return error as ConflictError;
}

/** Fails unless `error` is a `ConflictError` (not only its code). */
export function checkConflictClass(error: unknown, what: string) {
  const kind = (error as Error)?.constructor?.name ?? typeof error;
  check(
    error instanceof ConflictError,
    `${what}: a conflict must be a ConflictError from the same @ticketry/core, got ${kind}`,
  );
}

/** Fails unless `error` is a TicketryError (a typed error with a code). */
export function checkTyped(error: unknown, what: string) {
  const kind = (error as Error)?.constructor?.name ?? typeof error;
  check(
    error instanceof TicketryError,
    `${what}: expected a TicketryError (StorageError, …), got ${kind}: ${(error as Error)?.message ?? error}`,
  );
}

/** Fails unless `seq` is a positive safe integer of type number. */
export function checkSeq(seq: unknown, where: string) {
  check(
    typeof seq === 'number' && Number.isSafeInteger(seq) && seq > 0,
    `${where}: seq must be a positive whole number, is ${typeof seq} ${String(seq)}`,
  );
}

// The value as JSON would carry it, so undefined keys vanish as they
// do in `stable`.
function normal(value: unknown): unknown {
  const text = JSON.stringify(value, (_k, v) =>
    typeof v === 'bigint' ? `${v}n` : v,
  );
  return text === undefined ? undefined : JSON.parse(text);
}

type Difference = { path: string; expected: unknown; actual: unknown };

const ABSENT = Symbol('absent');

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null;

function firstDifference(
  actual: unknown,
  expected: unknown,
  path: string,
): Difference {
  const here = { path, expected, actual };
  if (!isObject(actual) || !isObject(expected)) return here;
  if (Array.isArray(actual) !== Array.isArray(expected)) return here;
  const keys = Array.isArray(expected)
    ? Array.from(
        { length: Math.max(actual.length as number, expected.length) },
        (_, i) => String(i),
      )
    : [...new Set([...Object.keys(expected), ...Object.keys(actual)])].sort();
  for (const k of keys) {
    const inA = k in actual;
    const inE = k in expected;
    const step = Array.isArray(expected) ? `${path}[${k}]` : `${path}.${k}`;
    if (inA !== inE) {
      return {
        path: step,
        expected: inE ? expected[k] : ABSENT,
        actual: inA ? actual[k] : ABSENT,
      };
    }
    if (stable(actual[k]) !== stable(expected[k])) {
      return firstDifference(actual[k], expected[k], step);
    }
  }
  return here;
}

function show(value: unknown): string {
  if (value === ABSENT) return 'no such key';
  const text =
    typeof value === 'string' ? JSON.stringify(value) : stable(value);
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}

function stable(value: unknown): string {
  return (
    JSON.stringify(value, (_key, v) => {
      if (typeof v === 'bigint') return `${v}n`;
      return v && typeof v === 'object' && !Array.isArray(v)
        ? Object.fromEntries(
            Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1)),
          )
        : v;
    }) ?? 'undefined'
  );
}
