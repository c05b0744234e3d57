/** Stable codes for what stops a replay before it starts. */
export const REPLAY_ERROR_CODES = [
  'CSV_MALFORMED',
  'BAD_TIMESTAMP',
  'MISSING_COLUMNS',
  'UNKNOWN_MAPPING',
  'BAD_ARGUMENTS',
  'FILE_UNREADABLE',
  'NO_SLA_OUTCOME',
] as const;

/** One of the replay's stable error codes. */
export type ReplayErrorCode = (typeof REPLAY_ERROR_CODES)[number];

/**
 * A replay input the tool cannot use: a broken CSV, a timestamp in the
 * wrong shape, a header no mapping knows. Refused desk commands are not
 * errors; the replay counts them instead.
 */
export class ReplayError extends Error {
  override name = 'ReplayError';
  readonly code: ReplayErrorCode;
  readonly details: Record<string, unknown>;

  constructor(
    code: ReplayErrorCode,
    message: string,
    details: Record<string, unknown> = {},
    cause?: unknown,
  ) {
    super(message, cause === undefined ? {} : { cause });
    this.code = code;
    this.details = details;
  }
}
