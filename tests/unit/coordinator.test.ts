/**
 * The query coordinator (core/engine/coordinator.ts) in front of native DuckDB: reads cached
 * and shared, writes never cached and alone, priority lanes, superseded views dropped, and
 * bundles that answer before the engine is up. The engine is real; `sent` records the order
 * in which statements reached it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Coordinator, Superseded, recording } from '../../src/lib/core/engine/coordinator';
import { NodeEngine } from '../../src/lib/core/engine/node';
import type { Engine } from '../../src/lib/core/engine/types';

let engine: NodeEngine;
/** Every statement the engine received, in order. */
const sent: string[] = [];
beforeAll(async () => {
	engine = await NodeEngine.open();
	const query = engine.query.bind(engine);
	engine.query = (sql) => (sent.push(sql), query(sql));
});
afterAll(() => engine.close());

/** An engine handed over when the test says so: queries asked meanwhile wait in their lanes. */
function later(): { db: Coordinator; start: () => void } {
	let start!: () => void;
	const db = new Coordinator(new Promise<Engine>((resolve) => (start = () => resolve(engine))));
	return { db, start };
}

describe('the query coordinator', () => {
	it('answers a repeated query from memory, shares one in flight, forgets the oldest beyond its capacity, and retries a failure', async () => {
		const db = new Coordinator(engine, 2);
		sent.length = 0;
		const [a, same] = await Promise.all([db.query('SELECT 1 AS x'), db.query('SELECT 1 AS x')]);
		expect(same).toBe(a);
		expect(await db.query('SELECT 1 AS x')).toBe(a); // the very same rows: no second run
		expect(sent).toEqual(['SELECT 1 AS x']);
		await db.query('SELECT 2 AS x');
		await db.query('SELECT 3 AS x');
		expect(db.size).toBe(2);
		expect(await db.query('SELECT 1 AS x')).not.toBe(a); // dropped, so run again
		await expect(db.query('SELECT nonsense FROM nowhere')).rejects.toThrow();
		await expect(db.query('SELECT nonsense FROM nowhere')).rejects.toThrow();
		// SELECT 3 made room for the failure, which was then forgotten: only SELECT 1 is left.
		expect(db.size).toBe(1);
		expect(sent.filter((s) => s.includes('nonsense'))).toHaveLength(2);
	});

	it('runs a write every time, never from the cache, and answers the reads after it from the changed data', async () => {
		const db = new Coordinator(engine);
		await db.exec(['CREATE OR REPLACE TABLE t AS SELECT 1 AS x']);
		expect(await db.query('SELECT sum(x) AS s FROM t')).toEqual([{ s: 1 }]);
		sent.length = 0;
		// The same statements again: both reach the engine (a cache keyed by text would skip the second CREATE).
		await db.exec(['CREATE OR REPLACE TABLE t AS SELECT 1 AS x', 'INSERT INTO t VALUES (41)']);
		await db.exec(['CREATE OR REPLACE TABLE t AS SELECT 1 AS x', 'INSERT INTO t VALUES (41)']);
		expect(sent).toEqual(['CREATE OR REPLACE TABLE t AS SELECT 1 AS x', 'INSERT INTO t VALUES (41)', 'CREATE OR REPLACE TABLE t AS SELECT 1 AS x', 'INSERT INTO t VALUES (41)']);
		expect(await db.query('SELECT sum(x) AS s FROM t')).toEqual([{ s: 42 }]);
	});

	it('runs a change alone: reads asked before it see the data before, reads asked after see the data after', async () => {
		const { db, start } = later();
		await engine.query('CREATE OR REPLACE TABLE c AS SELECT 1 AS x');
		const before = db.query('SELECT count(*)::INT AS n FROM c');
		const change = db.change((e) => e.query('INSERT INTO c VALUES (2), (3)'));
		const after = db.query('SELECT count(*)::INT AS n FROM c', { priority: 'now' });
		start();
		expect(await before).toEqual([{ n: 1 }]);
		await change;
		expect(await after).toEqual([{ n: 3 }]);
	});

	it('sends what a person asked for before the rest of a view, and both before prefetching, first come first within a lane', async () => {
		const { db, start } = later();
		sent.length = 0;
		const asked = [
			db.query('SELECT 1 AS prefetch_a', { priority: 'later' }),
			db.query('SELECT 1 AS annex', { priority: 'soon' }),
			db.query('SELECT 1 AS prefetch_b', { priority: 'later' }),
			db.query('SELECT 1 AS click_a', { priority: 'now' }),
			db.query('SELECT 1 AS click_b', { priority: 'now' })
		];
		start();
		await Promise.all(asked);
		expect(sent).toEqual(['SELECT 1 AS click_a', 'SELECT 1 AS click_b', 'SELECT 1 AS annex', 'SELECT 1 AS prefetch_a', 'SELECT 1 AS prefetch_b']);
	});

	it('raises a prefetched query to the lane of a person who now asks for it too', async () => {
		const { db, start } = later();
		sent.length = 0;
		const guess = db.query('SELECT 2 AS guessed', { priority: 'later' });
		const other = db.query('SELECT 2 AS other', { priority: 'soon' });
		const click = db.query('SELECT 2 AS guessed', { priority: 'now' });
		start();
		await Promise.all([guess, other, click]);
		expect(sent).toEqual(['SELECT 2 AS guessed', 'SELECT 2 AS other']);
	});

	it('drops the queries of a superseded view not yet sent, unless another view waits for them too', async () => {
		const { db, start } = later();
		const old = {};
		const current = {};
		sent.length = 0;
		const lost = db.query('SELECT 3 AS old_only', { owner: old });
		const shared = db.query('SELECT 3 AS shared', { owner: old });
		const kept = db.query('SELECT 3 AS shared', { owner: current });
		db.drop(old);
		start();
		await expect(lost).rejects.toBeInstanceOf(Superseded);
		expect(await shared).toEqual([{ shared: 3 }]);
		expect(await kept).toEqual([{ shared: 3 }]);
		expect(sent).toEqual(['SELECT 3 AS shared']);
		// Asked again later, the dropped query runs.
		expect(await db.query('SELECT 3 AS old_only')).toEqual([{ old_only: 3 }]);
	});

	it('runs a dropped query anew for a view that asks for it right after the drop', async () => {
		const { db, start } = later();
		const prefetch = {};
		const view = {};
		sent.length = 0;
		const guessed = db.query('SELECT 4 AS next', { priority: 'later', owner: prefetch });
		// A click on the very view that was being prefetched: the guess is dropped, the view asks at once.
		db.drop(prefetch);
		const asked = db.query('SELECT 4 AS next', { owner: view });
		start();
		await expect(guessed).rejects.toBeInstanceOf(Superseded);
		expect(await asked).toEqual([{ next: 4 }]);
		expect(sent).toEqual(['SELECT 4 AS next']);
	});

	it('answers a bundle’s queries before the engine is up, and sends the others once it is', async () => {
		const recorder = recording(engine);
		await recorder.query('SELECT 42 AS answer');
		const { db, start } = later();
		db.seed(recorder.bundle());
		sent.length = 0;
		expect(await db.query('SELECT 42 AS answer')).toEqual([{ answer: 42 }]);
		expect(db.isReady).toBe(false);
		const other = db.query('SELECT 43 AS other');
		start();
		expect(await other).toEqual([{ other: 43 }]);
		expect(sent).toEqual(['SELECT 43 AS other']);
	});

	it('fails every query, waiting or new, with the reason the engine could not start', async () => {
		const db = new Coordinator(Promise.reject(new Error('no WebAssembly')));
		await expect(db.query('SELECT 1')).rejects.toThrow('no WebAssembly');
		await expect(db.ready).rejects.toThrow('no WebAssembly');
		await expect(db.query('SELECT 2')).rejects.toThrow('no WebAssembly');
		await expect(db.exec('CREATE TABLE x (a INT)')).rejects.toThrow('no WebAssembly');
	});
});
