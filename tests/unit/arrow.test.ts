/**
 * Arrow results: the stream inside an IPC file, as the browser keeps a table between visits,
 * on DuckDB-WASM's own result bytes (its Node build: the same engine as the page's).
 */
import { tableFromIPC } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { rowsOf, streamOfFile } from '../../src/lib/core/engine/arrow';
import { wasmDuckDB } from '../../scripts/bench/wasm-node';

async function duckdbWasmResult(sql: string): Promise<Uint8Array> {
	const db = await wasmDuckDB();
	const conn = db.connect();
	try {
		return conn.useUnsafe((b: { runQuery(c: number, q: string): Uint8Array }, c: number) => b.runQuery(c, sql)).slice();
	} finally {
		conn.close();
		db.reset();
	}
}

describe('streamOfFile', () => {
	it('gives the stream of every row of a DuckDB-WASM result, without the file framing', async () => {
		// 3 rows by hand: ids 1..3, the second without a name, timestamps with microseconds.
		const file = await duckdbWasmResult(`SELECT * FROM (VALUES
  (1, 'Sở Tư pháp', TIMESTAMP '2025-03-05 23:59:59.999999'),
  (2, NULL, TIMESTAMP '2025-03-06 08:00:00'),
  (3, 'UBND xã Bình Hiệp', TIMESTAMP '2025-03-07 00:00:00')) AS t(id, name, due_at)`);
		const stream = streamOfFile(file);
		expect(stream.byteLength).toBeLessThan(file.byteLength);
		expect(new TextDecoder().decode(stream.subarray(0, 6))).not.toBe('ARROW1');
		const table = tableFromIPC(stream);
		expect(table.numRows).toBe(3);
		const rows = rowsOf<{ id: number; name: string | null; due_at: number }>(table);
		expect(rows.map((r) => [r.id, r.name])).toEqual([
			[1, 'Sở Tư pháp'],
			[2, null],
			[3, 'UBND xã Bình Hiệp']
		]);
		expect(Math.round(rows[0].due_at * 1000)).toBe(Date.UTC(2025, 2, 5, 23, 59, 59) * 1000 + 999_999);
	});

	it('refuses bytes that are not an Arrow IPC file', () => {
		expect(() => streamOfFile(new TextEncoder().encode('id,name\n1,x\n'))).toThrow('not an Arrow IPC file');
	});
});
