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

// Only these sort columns may be NULL; the others can use their index.
const NULLABLE = new Set(['due_at']);

/** A list query as SQL text and its parameters. */
export interface ListSql {
  sql: string;
  params: unknown[];
  sort: TicketSort;
  limit: number;
}

const placeholders = (n: number) => Array(n).fill('?').join(', ');

function filters(q: ParsedTicketQuery, params: unknown[]) {
  const where: string[] = [];
  const equal = (column: string, value: string | undefined) => {
    if (value === undefined) return;
    where.push(`${column} = ?`);
    params.push(value);
  };
  const oneOf = (column: string, values: string[] | undefined) => {
    if (values === undefined) return;
    where.push(`${column} IN (${placeholders(values.length)})`);
    params.push(...values);
  };
  oneOf('status', q.status);
  equal('team_id', q.teamId);
  equal('assignee_id', q.assigneeId);
  if (q.unassigned) where.push('assignee_id IS NULL');
  equal('requester_id', q.requesterId);
  oneOf('priority', q.priority);
  equal('category', q.category);
  if (q.dueBefore !== undefined) {
    where.push('due_at IS NOT NULL AND due_at <= ?');
    params.push(q.dueBefore);
  }
  return where;
}

/**
 * The position after a cursor, as a condition. Orders match
 * `compareKeys` in core: the sort value then id, both descending for
 * a `-` sort, and tickets without a value last either way.
 */
function after(column: string, cursor: string, sort: TicketSort) {
  const at = readCursor(cursor, sort);
  const op = sort.startsWith('-') ? '<' : '>';
  if (at.value === null) {
    return { sql: `(${column} IS NULL AND id ${op} ?)`, params: [at.id] };
  }
  const nulls = NULLABLE.has(column) ? ` OR ${column} IS NULL` : '';
  return {
    sql: `(${column} ${op} ? OR (${column} = ? AND id ${op} ?)${nulls})`,
    params: [at.value, at.value, at.id],
  };
}

/**
 * Builds the SQL of one page of a site's tickets: filters and the
 * cursor in WHERE, one row more than the page to learn if another
 * follows. Throws a ValidationError for a malformed query.
 */
export function listSql(siteId: string, query: TicketQuery): ListSql {
  const q = parseTicketQuery(query);
  const params: unknown[] = [siteId];
  const where = ['site_id = ?', ...filters(q, params)];
  const column = COLUMNS[q.sort.replace('-', '') as keyof typeof COLUMNS];
  const position = q.cursor ? after(column, q.cursor, q.sort) : null;
  if (position) {
    where.push(position.sql);
    params.push(...position.params);
  }
  const dir = q.sort.startsWith('-') ? 'DESC' : 'ASC';
  const nullsLast = NULLABLE.has(column) ? `${column} IS NULL, ` : '';
  params.push(q.limit + 1);
  return {
    sql:
      `SELECT body FROM tickets WHERE ${where.join(' AND ')} ` +
      `ORDER BY ${nullsLast}${column} ${dir}, id ${dir} LIMIT ?`,
    params,
    sort: q.sort,
    limit: q.limit,
  };
}
