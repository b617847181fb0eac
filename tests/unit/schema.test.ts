/**
 * The one description of the tables (src/lib/core/domain/schema.ts): docs/DATA.md prints it,
 * the DDL creates what it says, and the rows a load stages carry its columns.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AGENCY_TABLE, DOSSIER_TABLE, HOLIDAY_TABLE, PROCEDURE_TABLE, SCHEMA_DDL, SUCCESSOR_TABLE, TABLES, type Table } from '../../src/lib/core/domain/schema';
import { NodeEngine } from '../../src/lib/core/engine/node';
import { proposeMapping } from '../../src/lib/ingest/headers';
import { readFiles } from '../../src/lib/ingest/ingest';
import { openSource } from '../../src/lib/ingest/sources';
import { STAGED_COLUMNS } from '../../src/lib/ingest/staged';
import { stager } from '../../src/lib/ingest/store';

/** The rows of the first table under a heading of docs/DATA.md. */
function documented(heading: string): string[] {
	const lines = readFileSync('docs/DATA.md', 'utf8').split('\n');
	const from = lines.indexOf(heading);
	expect(from, heading).toBeGreaterThan(-1);
	const start = lines.findIndex((l, i) => i > from && l.startsWith('|'));
	const end = lines.findIndex((l, i) => i > start && !l.startsWith('|'));
	// The header and the line under it are not columns.
	return lines.slice(start + 2, end);
}

const printed = (t: Table) => Object.entries(t.columns).map(([name, c]) => `| \`${name}\` | ${c.type}${c.nullable ? ', null' : ''} | ${c.meaning} |`);

describe('docs/DATA.md', () => {
	it.each([
		['### `dossiers` (hồ sơ)', DOSSIER_TABLE],
		['### `agencies` (cơ quan, đơn vị)', AGENCY_TABLE],
		['### `agency_successors`', SUCCESSOR_TABLE],
		['### `procedures` (thủ tục hành chính)', PROCEDURE_TABLE],
		['### `holidays` (ngày nghỉ lễ)', HOLIDAY_TABLE]
	] as const)('prints the columns of %s as schema.ts describes them', (heading, table) => {
		expect(documented(heading)).toEqual(printed(table));
	});
});

describe('the DDL', () => {
	let engine: NodeEngine;
	beforeAll(async () => {
		engine = await NodeEngine.open();
		await engine.run(SCHEMA_DDL);
	});
	afterAll(() => engine.close());

	it('creates every table with its columns in order, their types and whether they may be null', async () => {
		const rows = await engine.query<{ t: string; c: string; type: string; nullable: boolean }>(`SELECT table_name AS t, column_name AS c, data_type AS type, is_nullable AS nullable
FROM duckdb_columns() WHERE database_name = current_database() ORDER BY table_name, column_index`);
		const described = TABLES.flatMap((t) => Object.entries(t.columns).map(([c, col]) => ({ t: t.name, c, type: col.type, nullable: col.nullable })));
		expect(rows).toEqual(described.sort((a, b) => (a.t < b.t ? -1 : a.t > b.t ? 1 : 0)));
	});

	it('refuses a dossier outside its columns’ values and checks', async () => {
		const dossier = (cells: Partial<Record<string, string>>) => {
			const row: Record<string, string> = {
				id: "'X'",
				procedure_code: "'1.000001'",
				agency_id: "'P1'",
				received_at: "TIMESTAMP '2025-03-03 08:00:00'",
				due_at: "TIMESTAMP '2025-03-10 23:59:59.999999'",
				resolved_at: 'NULL',
				withdrawn_at: 'NULL',
				status: "'in_progress'",
				channel: "'in_person'",
				rating: 'NULL',
				...cells
			};
			return engine.run(
				`INSERT INTO dossiers BY NAME SELECT ${Object.entries(row)
					.map(([c, v]) => `${v} AS ${c}`)
					.join(', ')}`
			);
		};
		// A sound one, with the defaults: no fee, nothing paid online, no apology.
		await dossier({});
		expect(await engine.query('SELECT fee, paid_online, digitised, result_electronic, apology_issued FROM dossiers')).toEqual([
			{ fee: 0, paid_online: false, digitised: false, result_electronic: false, apology_issued: false }
		]);
		for (const bad of [
			{ channel: "'fax'" },
			{ status: "'lost'" },
			{ rating: '6' },
			{ due_at: "TIMESTAMP '2025-03-02 23:59:59'" },
			{ resolved_at: "TIMESTAMP '2025-03-01 08:00:00'" },
			{ resolved_at: "TIMESTAMP '2025-03-05 08:00:00'", withdrawn_at: "TIMESTAMP '2025-03-05 08:00:00'", status: "'resolved'" },
			{ received_at: 'NULL' }
		]) {
			await expect(dossier(bad), JSON.stringify(bad)).rejects.toThrow(/constraint/i);
		}
	});
});

describe('the successors’ ranks', () => {
	it('give an agency one successor at each rank, from 1: one primary successor, the lowest', async () => {
		const engine = await NodeEngine.open();
		try {
			await engine.run(SCHEMA_DDL);
			await engine.run("INSERT INTO agency_successors VALUES ('A', 'B', 1), ('A', 'C', 2)");
			for (const bad of ["('A', 'D', 1)", "('E', 'F', 0)", "('A', 'B', 3)"]) {
				await expect(engine.run(`INSERT INTO agency_successors VALUES ${bad}`), bad).rejects.toThrow(/constraint/i);
			}
		} finally {
			await engine.close();
		}
	});
});

describe('staged rows', () => {
	it('carry the dossier’s columns, then where each came from, in the Arrow form of their types', async () => {
		const engine = await NodeEngine.open();
		try {
			const name = 'vendor-a-utf8.csv';
			const file = new File([readFileSync(`tests/fixtures/ingest/${name}`)], name);
			const { headers } = await (await openSource(file)).inspect();
			await readFiles([{ name, file, encoding: null, headerLine: null, headers, mapping: proposeMapping(headers) }], null, stager(engine), () => {});
			const columns = await engine.query<{ c: string; type: string }>("SELECT column_name AS c, data_type AS type FROM duckdb_columns() WHERE table_name = 'staged_1' ORDER BY column_index");
			// As described, but the fee, a double on its way (memory.staged casts it to BIGINT).
			expect(columns).toEqual(Object.entries(STAGED_COLUMNS).map(([c, col]) => ({ c, type: c === 'fee' ? 'DOUBLE' : col.type })));
			expect(columns.slice(0, Object.keys(DOSSIER_TABLE.columns).length).map((r) => r.c)).toEqual(Object.keys(DOSSIER_TABLE.columns));
		} finally {
			await engine.close();
		}
	});
});
