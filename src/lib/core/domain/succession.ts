/**
 * The successors of the agencies that ceased in the 2025 reorganisation, as every reader
 * takes them: ranked as the register lists them, the first (`agency_successors.rank` 1, the
 * lowest of an agency's ranks) its primary successor.
 */

/**
 * The rows of a table of successors (agency_id, successor_id, rank), from any file. One
 * written before `rank` existed has no such column: the union by name gives it NULL there,
 * and ordering by `rank NULLS LAST, successor_id` then makes the lowest successor code the
 * primary one.
 */
export function successorsSql(table = 'agency_successors'): string {
	return `SELECT agency_id, successor_id, rank FROM (SELECT * FROM ${table} UNION ALL BY NAME SELECT NULL::INTEGER AS rank WHERE false)`;
}

/** The order of an agency's successors, the primary one first. */
export const SUCCESSOR_ORDER = 'rank NULLS LAST, successor_id';
