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

const MAGIC = 'ARROW1';

/**
 * The IPC stream inside an Arrow IPC file: the file is the magic and padding (8 bytes), the
 * stream (ending with its end-of-stream marker), the footer, the footer's length and the
 * magic again. No copy: a view of the same bytes.
 */
export function streamOfFile(file: Uint8Array): Uint8Array {
	const text = (from: number) => String.fromCharCode(...file.subarray(from, from + MAGIC.length));
	if (file.length < 18 || text(0) !== MAGIC || text(file.length - MAGIC.length) !== MAGIC) throw new Error('not an Arrow IPC file');
	const footer = new DataView(file.buffer, file.byteOffset, file.byteLength).getInt32(file.length - MAGIC.length - 4, true);
	return file.subarray(8, file.length - MAGIC.length - 4 - footer);
}
