import {
  type ParsedTicketQuery,
  parseTicketQuery,
  readCursor,
  type TicketQuery,
  type TicketSort,
} from '@ticketry/core';

const COLUMNS = {
  createdAt: 'created_at',
  updatedAt: 'updated_at',
  dueAt: 'due_at',
} as const;

/** A list query as SQL text and its parameters. */
export interface ListSql {
  sql: string;
  params: unknown[];
  sort: TicketSort;
  limit: number;
}

/** Collects parameters and answers their `$n` placeholders. */
function parameters(params: unknown[]) {
  return (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
}

function filters(q: ParsedTicketQuery, p: (v: unknown) => string) {
  const where: string[] = [];
  const equal = (column: string, value: string | undefined) => {
    if (value !== undefined) where.push(`${column} = ${p(value)}`);
  };
  const oneOf = (column: string, values: string[] | undefined) => {
    if (values === undefined) return;
    // One value compares with `=`, which lets the index keep the order.
    if (values.length === 1) return equal(column, values[0]);
    where.push(`${column} = ANY(${p(values)}::text[])`);
  };
  // Several statuses become branches of their own: see listSql.
  if (q.status?.length !== undefined && new Set(q.status).size < 2) {
    oneOf('status', q.status);
  }
  equal('team_id', q.teamId);
  equal('assignee_id', q.assigneeId);
  if (q.unassigned) where.push('assignee_id IS NULL');
  equal('requester_id', q.requesterId);
  oneOf('priority', q.priority);
  equal('category', q.category);
  if (q.dueBefore !== undefined) {
    where.push(`due_at IS NOT NULL AND due_at <= ${p(q.dueBefore)}`);
  }
  return where;
}

/**
 * The position after a cursor, as a condition. Orders match
 * `compareKeys` in core: the sort value then id, both descending for a
 * `-` sort, and tickets without a value last either way.
 */
function after(
  column: string,
  cursor: string,
  sort: TicketSort,
  p: (v: unknown) => string,
) {
  const at = readCursor(cursor, sort);
  const op = sort.startsWith('-') ? '<' : '>';
  if (at.value === null) return `(${column} IS NULL AND id ${op} ${p(at.id)})`;
  const nulls = column === 'due_at' ? ` OR ${column} IS NULL` : '';
  const value = p(at.value);
  return `(${column} ${op} ${value} OR (${column} = ${value} AND id ${op} ${p(at.id)})${nulls})`;
}

/**
 * Builds the SQL of one page of a site's tickets: filters and the
 * cursor in WHERE, one row more than the page to learn if another
 * follows. Throws a ValidationError for a malformed query.
 */
export function listSql(
  s: string,
  siteId: string,
  query: TicketQuery,
): ListSql {
  const q = parseTicketQuery(query);
  const params: unknown[] = [];
  const p = parameters(params);
  const where = [`site_id = ${p(siteId)}`, ...filters(q, p)];
  const column = COLUMNS[q.sort.replace('-', '') as keyof typeof COLUMNS];
  if (q.cursor) where.push(after(column, q.cursor, q.sort, p));
  const dir = q.sort.startsWith('-') ? 'DESC' : 'ASC';
  const nulls = column === 'due_at' ? ' NULLS LAST' : '';
  const order = `ORDER BY ${column} ${dir}${nulls}, id ${dir}`;
  const limit = p(q.limit + 1);
  const statuses = [...new Set(q.status ?? [])];
  const filter = where.join(' AND ');
  // Each status reads its own index range in order and stops at the
  // page size; merging a few short runs beats sorting every match.
  const sql =
    statuses.length > 1
      ? `SELECT body FROM (${statuses
          .map(
            (status) =>
              `(SELECT body, ${column}, id FROM ${s}.tickets ` +
              `WHERE ${filter} AND status = ${p(status)} ${order} LIMIT ${limit})`,
          )
          .join(' UNION ALL ')}) AS page ${order} LIMIT ${limit}`
      : `SELECT body FROM ${s}.tickets WHERE ${filter} ${order} LIMIT ${limit}`;
  return { sql, params, sort: q.sort, limit: q.limit };
}
