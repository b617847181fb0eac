/**
 * Today's unit of every agency, for counting "by today's units" across the 2025
 * reorganisation (docs/METRICS.md, "Two ways to count units"). A dossier keeps the agency
 * that received it (`dossiers.agency_id`); counted by today's units it goes under that
 * agency's successor as the agencies are now:
 *
 * - an agency that still exists (`valid_to` null) is its own unit today;
 * - one that ceased passes its dossiers to its **primary successor**, the first the register
 *   lists (`agency_successors.rank` 1, the lowest of its ranks), however many units took its
 *   work over: a split or an abolished district gives each dossier to one unit, so every
 *   dossier is counted once and the province's totals are the same both ways;
 * - successors are followed while the unit reached has ceased too (a department merged on
 *   1/3/2025 into one merged again later): today's unit is the first one on the way that
 *   still exists;
 * - a unit that ceased with no successor (or none among the agencies) stays its own unit, and
 *   is named with its last day (engine/catalog.ts, unitName);
 * - a cycle (an error in the register: A became B, B became A) is followed until the next
 *   step would come back to a unit already passed; the last unit reached is then today's.
 *
 * One SQL text gives today's units to both roads of the figures (in the query over the
 * dossiers, and in the table written with the pre-aggregated counts: domain/query.ts,
 * domain/aggregates.ts) and to the catalogue of names (engine/catalog.ts), so that they
 * cannot disagree.
 */

/** How dossiers are put under units: under the agency that received them, or under today's unit of that agency. */
export const UNITS = ['received', 'current'] as const;
export type Units = (typeof UNITS)[number];

/** The `units` of a page's address (`units=current`); anything else is the default, the units that received the dossiers. */
export function parseUnits(value: string | null): Units {
	return (UNITS as readonly (string | null)[]).includes(value) ? (value as Units) : 'received';
}

/**
 * Today's unit of every agency: (agency_id, current_id, current_level). The name of the CTE
 * that computes it (SUCCESSION_CTES) and of the table the database writers keep of it with
 * the pre-aggregated counts (domain/aggregates.ts): the counts read the table, as the CTE
 * costs 10 ms or more a query on DuckDB-WASM against about 1 ms for the table (the sample's
 * 272 agencies, measured in Node); a statement that defines the CTE reads the CTE, which
 * hides the table.
 */
export const CURRENT_UNITS = 'current_units';

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

/**
 * The common table expressions that end in CURRENT_UNITS, to follow `WITH RECURSIVE` (alone
 * or among other CTEs): each agency that ceased with its primary successor among those that
 * are agencies (a unit is never put under a code nobody can name): the lowest rank, or the
 * lowest code in a file without ranks (SUCCESSOR_ORDER, by aggregates that cost DuckDB-WASM
 * less than an ordered one), the chains of
 * those from each such agency, and every agency with the last unit of its chain (itself when
 * it has none) and that unit's level. Only the agencies that ceased are followed, so the
 * recursion runs over a few hundred rows at most.
 */
export const SUCCESSION_CTES = `next_units AS (
  SELECT s.agency_id, coalesce(arg_min(s.successor_id, s.rank), min(s.successor_id)) AS successor_id
  FROM (${successorsSql()}) s
  SEMI JOIN agencies n ON n.id = s.successor_id
  SEMI JOIN agencies a ON a.id = s.agency_id AND a.valid_to IS NOT NULL
  GROUP BY s.agency_id
),
unit_chains(agency_id, unit_id, steps) AS (
  SELECT agency_id, successor_id, [agency_id, successor_id] FROM next_units
  UNION ALL
  SELECT c.agency_id, n.successor_id, list_append(c.steps, n.successor_id)
  FROM unit_chains c
  JOIN next_units n ON n.agency_id = c.unit_id
  WHERE NOT list_contains(c.steps, n.successor_id)
),
${CURRENT_UNITS} AS (
  SELECT a.id AS agency_id, coalesce(c.current_id, a.id) AS current_id, u.level AS current_level
  FROM agencies a
  LEFT JOIN (SELECT agency_id, arg_max(unit_id, len(steps)) AS current_id FROM unit_chains GROUP BY agency_id) c ON c.agency_id = a.id
  JOIN agencies u ON u.id = coalesce(c.current_id, a.id)
)`;

/** Every agency with today's unit and that unit's level: (agency_id, current_id, current_level), by agency. */
export const CURRENT_UNITS_SQL = `WITH RECURSIVE ${SUCCESSION_CTES}
SELECT agency_id, current_id, current_level FROM ${CURRENT_UNITS} ORDER BY agency_id`;
