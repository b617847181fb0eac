/**
 * The one way every view asks the engine (as Mosaic's Coordinator and QueryManager do).
 *
 * - `query`: a read. Answers are cached by SQL text (bounded, least recently used dropped)
 *   and a query already asked for is shared, not run twice. Callers share the cached rows:
 *   they must not change them.
 * - `exec` and `change`: writes. Never cached; each waits until the queries running have
 *   finished, runs alone, and then forgets every cached answer, since the data they came
 *   from changed.
 * - Priority lanes: DuckDB answers one statement at a time, so the coordinator sends one at
 *   a time and picks the most urgent waiting: what a person just asked for (`now`) before
 *   the rest of a view (`soon`) before a guess at the next view (`later`). A click never
 *   waits behind prefetching longer than the one statement already running.
 * - Superseded views: queries carry their view as `owner`; `drop(owner)` rejects those not
 *   yet sent with `Superseded` (unless another owner still waits for the same SQL).
 * - Bundles: answers computed beforehand with the same code (when the site is built) seed
 *   the cache, so a page draws its first view before the engine has even started; any
 *   other query waits for the engine.
 */
import type { Engine, Querier, Row } from './types';

export type Priority = 'now' | 'soon' | 'later';
const RANK: Record<Priority, number> = { now: 0, soon: 1, later: 2 };

/** A query dropped before it ran because the view that asked for it was superseded. */
export class Superseded extends Error {
	constructor() {
		super('superseded by a newer view');
		this.name = 'Superseded';
	}
}

/** Answers recorded for a set of queries: SQL text and rows, as JSON. */
export interface Bundle {
	queries: { sql: string; rows: Row[] }[];
}

export interface QueryOptions {
	priority?: Priority;
	/** The view that asked: dropped together when it is superseded. */
	owner?: object;
}

interface Waiting {
	sql: string;
	rank: number;
	/** Order of asking, to keep first-come order within a lane. */
	order: number;
	owners: Set<object> | null;
	/** Its answer as the cache holds it. */
	result: Promise<Row[]> | null;
	resolve: (rows: Row[]) => void;
	reject: (e: unknown) => void;
}

type Task = { kind: 'query'; item: Waiting } | { kind: 'change'; run: () => Promise<void> };

export class Coordinator implements Querier {
	private readonly cache = new Map<string, Promise<Row[]>>();
	/** Queries asked for and not yet sent. */
	private readonly waiting = new Set<Waiting>();
	/** Those a new ask may share: asked since the last change of data, by SQL text. */
	private readonly shared = new Map<string, Waiting>();
	/** Writes, in the order asked: each runs before any query asked after it. */
	private readonly changes: { order: number; run: () => Promise<void>; fail: (e: unknown) => void }[] = [];
	/** Why the engine could not start: every query fails with it. */
	private failure: unknown = null;
	private order = 0;
	private running = false;
	private engine: Engine | null = null;
	private readonly started: Promise<Engine>;

	constructor(
		engine: Engine | Promise<Engine>,
		private readonly capacity = 200
	) {
		this.started = Promise.resolve(engine).then((e) => (this.engine = e));
		// Queries asked for before the engine is up are sent once it is.
		this.started.then(
			() => this.pump(),
			(e) => {
				this.failure = e;
				this.failAll(e);
			}
		);
	}

	/** Resolves when the engine has started. */
	get ready(): Promise<void> {
		return this.started.then(() => undefined);
	}

	get isReady(): boolean {
		return this.engine !== null;
	}

	/** A read through the cache. */
	query<T extends Row = Row>(sql: string, options: QueryOptions = {}): Promise<T[]> {
		const rank = RANK[options.priority ?? 'now'];
		if (this.failure) return Promise.reject(this.failure);
		const hit = this.cache.get(sql);
		if (hit) {
			// Map keeps insertion order: re-inserting marks the entry as the most recently used.
			this.cache.delete(sql);
			this.cache.set(sql, hit);
			const queued = this.shared.get(sql);
			if (queued) {
				// Someone more urgent, or another view, now waits for it too.
				queued.rank = Math.min(queued.rank, rank);
				if (!options.owner) queued.owners = null;
				else queued.owners?.add(options.owner);
			}
			return hit as Promise<T[]>;
		}
		let w!: Waiting;
		const result = new Promise<Row[]>((resolve, reject) => {
			w = { sql, rank, order: this.order++, owners: options.owner ? new Set([options.owner]) : null, result: null, resolve, reject };
		});
		w.result = result;
		this.waiting.add(w);
		this.shared.set(sql, w);
		// A failed or dropped query is not remembered: the next ask tries again.
		result.catch(() => this.cache.get(sql) === result && this.cache.delete(sql));
		this.cache.set(sql, result);
		while (this.cache.size > this.capacity) this.cache.delete(this.cache.keys().next().value!);
		this.pump();
		return result as Promise<T[]>;
	}

	/** The same reads with a priority and an owner fixed: what a view model is given. */
	lane(priority: Priority, owner?: object): Querier {
		return { query: <T extends Row = Row>(sql: string) => this.query<T>(sql, { priority, owner }) };
	}

	/** Statements that change data, run in order, alone; every cached answer is forgotten. */
	exec(statements: string | readonly string[]): Promise<void> {
		const list = typeof statements === 'string' ? [statements] : statements;
		return this.change(async (engine) => {
			for (const sql of list) await engine.query(sql);
		});
	}

	/**
	 * Hands the engine itself to `work` (a load, a restore), alone: queries asked meanwhile
	 * wait until it has finished, then see the changed data.
	 */
	change<T>(work: (engine: Engine) => Promise<T>): Promise<T> {
		if (this.failure) return Promise.reject(this.failure);
		// Reads asked from now on are answered from the changed data: none shares an earlier answer.
		this.clear();
		return new Promise<T>((resolve, reject) => {
			this.changes.push({
				order: this.order++,
				fail: reject,
				run: async () => {
					try {
						resolve(await work(this.engine!));
					} catch (e) {
						reject(e);
					} finally {
						this.clear();
					}
				}
			});
			this.pump();
		});
	}

	/** The view that owned these queries was superseded: those not yet sent are dropped. */
	drop(owner: object): void {
		for (const w of this.waiting) {
			if (!w.owners?.delete(owner) || w.owners.size > 0) continue;
			this.waiting.delete(w);
			if (this.shared.get(w.sql) === w) this.shared.delete(w.sql);
			// Gone from the cache at once, not when the rejection is handled: the same query asked
			// right after (by the view that superseded this one) runs anew instead of sharing the rejection.
			if (this.cache.get(w.sql) === w.result) this.cache.delete(w.sql);
			w.reject(new Superseded());
		}
	}

	/** Answers known beforehand: drawn without asking the engine. */
	seed(bundle: Bundle): void {
		for (const { sql, rows } of bundle.queries) if (!this.cache.has(sql)) this.cache.set(sql, Promise.resolve(rows));
	}

	/** Forgets every cached answer (queries already waiting still run, for those who asked). */
	clear(): void {
		this.cache.clear();
		this.shared.clear();
	}

	get size(): number {
		return this.cache.size;
	}

	async close(): Promise<void> {
		this.failAll(new Error('the engine was closed'));
		this.cache.clear();
		await (await this.started).close();
	}

	/** The next task: a write asked before every waiting query goes first; else the most urgent query. */
	private next(): Task | null {
		let best: Waiting | null = null;
		for (const w of this.waiting) if (!best || w.rank < best.rank || (w.rank === best.rank && w.order < best.order)) best = w;
		const change = this.changes[0];
		if (change && (!best || change.order < this.oldestWaiting())) return { kind: 'change', run: this.changes.shift()!.run };
		if (best) {
			this.waiting.delete(best);
			if (this.shared.get(best.sql) === best) this.shared.delete(best.sql);
			return { kind: 'query', item: best };
		}
		return null;
	}

	private oldestWaiting(): number {
		let oldest = Infinity;
		for (const w of this.waiting) oldest = Math.min(oldest, w.order);
		return oldest;
	}

	private async pump(): Promise<void> {
		if (this.running || !this.engine) return;
		this.running = true;
		try {
			for (let task = this.next(); task; task = this.next()) {
				if (task.kind === 'change') await task.run();
				else {
					const { sql, resolve, reject } = task.item;
					await this.engine.query(sql).then(resolve, reject);
				}
			}
		} finally {
			this.running = false;
		}
	}

	private failAll(e: unknown): void {
		for (const w of this.waiting) w.reject(e);
		this.waiting.clear();
		this.shared.clear();
		for (const c of this.changes.splice(0)) c.fail(e);
	}
}

/** A reader that keeps every answer it gave: the bundle of what some code asked. */
export function recording(inner: Querier): Querier & { bundle(): Bundle } {
	const answers = new Map<string, Row[]>();
	return {
		async query<T extends Row = Row>(sql: string): Promise<T[]> {
			const rows = await inner.query<T>(sql);
			answers.set(sql, rows);
			return rows;
		},
		bundle: () => ({ queries: [...answers].map(([sql, rows]) => ({ sql, rows })) })
	};
}
