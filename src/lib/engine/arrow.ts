/** Arrow results as the plain rows every part of the app reads, from any DuckDB-WASM build. */
import type { Row } from './types';

/** What the conversion needs of an Arrow table. */
export interface ArrowTable {
	numRows: number;
	schema: { fields: { name: string }[] };
	getChildAt(i: number): { get(r: number): unknown } | null;
}

/** Arrow values made plain: BigInt → number; everything else as Arrow gives it. */
function plain(value: unknown): unknown {
	return typeof value === 'bigint' ? Number(value) : value;
}

export function rowsOf<T extends Row = Row>(table: ArrowTable): T[] {
	const names = table.schema.fields.map((f) => f.name);
	const columns = names.map((_, i) => table.getChildAt(i));
	const rows: T[] = [];
	for (let r = 0; r < table.numRows; r++) {
		const row: Row = {};
		names.forEach((name, i) => (row[name] = plain(columns[i]?.get(r))));
		rows.push(row as T);
	}
	return rows;
}
