/** The wall screen's settings from its address, and its figures on the basic fixture (worked out by hand). */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { Coordinator } from '../../src/lib/core/engine/coordinator';
import type { NodeEngine } from '../../src/lib/core/engine/node';
import type { Engine, Querier } from '../../src/lib/core/engine/types';
import { LEVEL_NAMES } from '../../src/lib/core/i18n/messages';
import { WallFeed, type FeedSource, type FeedState } from '../../src/lib/wall/feed';
import { wallFigures, type WallFigures } from '../../src/lib/wall/figures';
import { ageOf, asOfLine, isStale, nextScene, periodLine, scopeName, warningsOf } from '../../src/lib/wall/frame';
import type { OfflineHooks } from '../../src/lib/wall/offline';
import { WallPage } from '../../src/lib/wall/page.svelte';
import { DEFAULT_WALL, parseWall, shownScenes, type WallSettings } from '../../src/lib/wall/settings';
import { QUARTER_1_2023, QUARTER_1_2023_TOTAL } from '../fixtures/basic/expected';
import { openFixture } from './helpers';

describe('wall settings from the address', () => {
	it('reads scenes, timing, pin, scope, span, stale and refresh', () => {
		const s = parseWall(new URLSearchParams('scenes=overdue,headline,overdue,nonsense&seconds=7.5&agency=D1&span=month&stale=12&refresh=60&lang=en'));
		expect(s).toEqual({ ...DEFAULT_WALL, scenes: ['overdue', 'headline'], seconds: 7.5, agency: 'D1', span: 'month', staleHours: 12, refreshSeconds: 60, lang: 'en' });
		expect(shownScenes(s)).toEqual(['overdue', 'headline']);
		expect(shownScenes(parseWall(new URLSearchParams('pin=trend')))).toEqual(['trend']);
	});

	it('falls back to the defaults for anything unreadable: a wall must come up whatever was typed', () => {
		const s = parseWall(new URLSearchParams('scenes=&seconds=-3&pin=clock&level=city&span=week&stale=abc&refresh=0'));
		expect(s).toEqual(DEFAULT_WALL);
		expect(parseWall(new URLSearchParams('level=commune')).level).toBe('commune');
	});
});

describe('wall figures on the basic fixture (data as of 31/3/2023)', () => {
	let engine: NodeEngine;
	beforeAll(async () => (engine = await openFixture('basic')));
	afterAll(() => engine.close());
	const province: WallSettings = { ...DEFAULT_WALL };

	it('headline: quarter I/2023 against quarter IV/2022', async () => {
		const f = await wallFigures(engine, province);
		expect(f.period).toMatchObject({ first: '2022-12-15', last: '2023-03-14' });
		expect(f.previous).toMatchObject({ first: '2022-09-15', last: '2022-12-14' });
		expect(f.current).toEqual(QUARTER_1_2023_TOTAL);
		// Quarter IV/2022 by hand: F01 (open at the end, due 20/12: not yet due), F02 (resolved 14/12, due 15/12: early),
		// F03 (received 14/12 23:59:59, not yet due), F15 and F16 (open at the end, due 1/12 and 2/12: overdue).
		expect(f.before).toMatchObject({ received: 5, new: 5, carried: 0, resolved: 1, early: 1, on_time: 0, late: 0, withdrawn: 0, in_progress: 4, not_yet_due: 2, overdue: 2 });
		expect(f.trend).toHaveLength(12);
		expect(f.trend.at(-1)!.period).toMatchObject({ first: '2023-02-15', last: '2023-03-14' });
		expect(f.levels.map((l) => [l.level, l.counts.received])).toEqual([
			['province', 7],
			['district', 6],
			['commune', 7]
		]);
	});

	it('ranking: the agencies of the quarter; overdue now: who holds dossiers past due at the end of 31/3/2023', async () => {
		const f = await wallFigures(engine, province);
		expect(f.ranking.dimension).toBe('agency');
		expect(Object.fromEntries(f.ranking.rows.map((r) => [r.key, r.counts]))).toEqual(QUARTER_1_2023);
		// Open and past due at the end of 31/3: F05 (due 20/3) and F11 (14/3) at C1, F12 (14/3 17:00) at P1, F15 (1/12) at D1.
		// Most first; equal counts by name (Sở … before UBND …).
		expect(f.overdueNow).toEqual({
			day: '2023-03-31',
			total: 4,
			rows: [
				{ key: 'C1', name: 'UBND Xã Đức Lân', counts: expect.objectContaining({ overdue: 2 }) },
				{ key: 'P1', name: 'Sở Tư pháp', counts: expect.objectContaining({ overdue: 1 }) },
				{ key: 'D1', name: 'UBND Mộ Đức', counts: expect.objectContaining({ overdue: 1 }) }
			]
		});
	});

	it('a desk screen for one agency: its figures, ranked by field, a reporting month', async () => {
		const f = await wallFigures(engine, { ...province, agency: 'D1', span: 'month' });
		expect(f.scope).toEqual({ level: 'district', agency: 'Ủy ban nhân dân huyện Mộ Đức' });
		expect(f.period).toMatchObject({ first: '2023-02-15', last: '2023-03-14' });
		// Reporting month 3/2023 at D1: F10 (new, overdue), F14 (new, not yet due), F15 (carried, overdue).
		expect(f.current).toMatchObject({ received: 3, new: 2, carried: 1, resolved: 0, in_progress: 3, overdue: 2, not_yet_due: 1 });
		expect(f.ranking.dimension).toBe('field');
		expect(f.overdueNow.total).toBe(1); // F15 alone is still open at the end of 31/3
	});
});

describe('the wall feed: a read opens an engine only when the data changed', () => {
	/** A source whose version and health the test sets; each open is a real engine on the fixture. */
	function testSource() {
		const s = { version: 'v1', failing: false, opened: 0, closed: 0, copy: undefined as { readAt: Date | null } | undefined };
		const source: FeedSource = {
			async version() {
				if (s.failing) throw new Error('data/manifest.json: HTTP 404');
				return { version: s.version, url: `fixture?${s.version}`, copy: s.copy };
			},
			async open() {
				s.opened++;
				const engine = await openFixture('basic');
				const close = engine.close.bind(engine);
				engine.close = async () => {
					s.closed++;
					await close();
				};
				return engine;
			},
			figures: (engine) => wallFigures(engine, DEFAULT_WALL)
		};
		return { s, source };
	}

	it('keeps the last figures while the source fails, says since when, and recovers', async () => {
		const { s, source } = testSource();
		let clock = new Date('2026-11-21T01:00:00Z');
		const feed = new WallFeed(
			source,
			() => {},
			() => clock
		);
		await feed.read();
		expect(feed.state.figures?.current.received).toBe(20);
		expect(s).toMatchObject({ opened: 1, closed: 1 }); // no engine is kept between reads
		await feed.read();
		expect(s.opened).toBe(1); // same version: nothing opened

		s.failing = true;
		clock = new Date('2026-11-21T02:00:00Z');
		await feed.read();
		clock = new Date('2026-11-21T03:00:00Z');
		await feed.read();
		expect(feed.state.failingSince).toEqual(new Date('2026-11-21T02:00:00Z')); // the first failure of the run
		expect(feed.state.failure).toBe('data/manifest.json: HTTP 404');
		expect(feed.state.figures?.current.received).toBe(20);

		s.failing = false;
		s.version = 'v2';
		await feed.read();
		expect(feed.state).toMatchObject({ failingSince: null, failure: null, updatedAt: clock });
		expect(s).toMatchObject({ opened: 2, closed: 2 });
	});

	it('shows the screen’s own copy when the server cannot be reached, as a failure since then; the server back, new data comes in', async () => {
		const { s, source } = testSource();
		let clock = new Date('2026-11-21T01:00:00Z');
		const feed = new WallFeed(
			source,
			() => {},
			() => clock
		);
		// Switched on offline: the copy, read from the server the evening before, answers.
		const readAt = new Date('2026-11-20T15:10:00Z');
		s.copy = { readAt };
		await feed.read();
		expect(feed.state.figures?.current.received).toBe(20);
		expect(feed.state).toMatchObject({ updatedAt: readAt, failingSince: clock, offline: true, checkedAt: null });
		clock = new Date('2026-11-21T01:05:00Z');
		await feed.read();
		expect(feed.state).toMatchObject({ failingSince: new Date('2026-11-21T01:00:00Z'), offline: true });
		expect(s.opened).toBe(1); // the copy's version is on screen already

		// The server answers again, with the same data: nothing read, the warning gone.
		s.copy = undefined;
		await feed.read();
		expect(feed.state).toMatchObject({ updatedAt: readAt, failingSince: null, failure: null, offline: false, checkedAt: clock });
		expect(s.opened).toBe(1);
		// New data: read from the server, at its time.
		s.version = 'v2';
		clock = new Date('2026-11-21T01:10:00Z');
		await feed.read();
		expect(feed.state).toMatchObject({ updatedAt: clock, offline: false });
		expect(s.opened).toBe(2);

		// The network gone while the wall runs: the copy's version is the one on screen; still a failure.
		s.copy = { readAt: clock };
		await feed.read();
		expect(feed.state).toMatchObject({ offline: true, failingSince: clock });
		// A source failing outright is not the copy.
		s.failing = true;
		await feed.read();
		expect(feed.state).toMatchObject({ offline: false, failure: 'data/manifest.json: HTTP 404' });
		expect(s.opened).toBe(2);
	});

	it('reads again on demand, the version unchanged (the first time the service worker is in control)', async () => {
		const { s, source } = testSource();
		const feed = new WallFeed(source, () => {});
		await feed.read();
		await feed.read();
		expect(s.opened).toBe(1);
		await feed.reread();
		expect(s.opened).toBe(2);
		// Asked while a read is under way (one that would set the version again): after it.
		s.version = 'v2';
		await Promise.all([feed.read(), feed.reread()]);
		expect(s.opened).toBe(4);
		expect(feed.state.figures?.current.received).toBe(20);
	});

	it('reads again when the data changed while it was being read, and shows only one version', async () => {
		const { s, source } = testSource();
		const figures = source.figures;
		let reads = 0;
		// The file is replaced while the first read is under way, once.
		source.figures = async (engine) => {
			if (++reads === 1) s.version = 'v2';
			return figures(engine);
		};
		const feed = new WallFeed(source, () => {});
		await feed.read();
		expect(s).toMatchObject({ opened: 2, closed: 2 });
		expect(feed.state.figures?.current.received).toBe(20);
		await feed.read();
		expect(s.opened).toBe(2); // v2 is the version on screen: nothing to read again

		// A source that changes at every read: the wall keeps what it had and says why.
		source.figures = async (engine) => {
			s.version = `replaced-${++reads}`;
			return figures(engine);
		};
		const before = feed.state.figures;
		s.version = 'v3';
		await feed.read();
		expect(feed.state.figures).toBe(before);
		expect(feed.state.failure).toBe('the data changed while it was read');
		expect(s.opened).toBe(5); // three tries, each on an engine of its own
	});
});

describe('the wall feed asks through a coordinator', () => {
	it('of the engine it opened, and closes both once the figures are computed', async () => {
		let closed = 0;
		const asked: Querier[] = [];
		const source: FeedSource = {
			version: async () => ({ version: 'v1', url: 'fixture' }),
			async open() {
				const engine = await openFixture('basic');
				const close = engine.close.bind(engine);
				engine.close = async () => {
					closed++;
					await close();
				};
				return engine;
			},
			figures: (db) => (asked.push(db), wallFigures(db, DEFAULT_WALL))
		};
		const feed = new WallFeed(source, () => {});
		await feed.read();
		expect(feed.state.figures?.current).toEqual(QUARTER_1_2023_TOTAL);
		expect(asked).toHaveLength(1);
		expect(asked[0]).toBeInstanceOf(Coordinator);
		expect(closed).toBe(1);
		// Nothing is kept: the coordinator forgot its answers with the engine.
		expect((asked[0] as Coordinator).size).toBe(0);
	});
});

describe('the wall screen’s frame and rotation', () => {
	let figures: WallFigures;
	beforeAll(async () => {
		const engine = await openFixture('basic');
		try {
			figures = await wallFigures(engine, DEFAULT_WALL);
		} finally {
			await engine.close();
		}
	});
	afterEach(() => vi.useRealTimers());

	// The data's last day is 31/3/2023: complete at 17:00 UTC that day (midnight in Vietnam).
	const endOfData = new Date('2023-03-31T17:00:00Z');
	const hoursAfter = (h: number) => new Date(endOfData.getTime() + h * 3_600_000);

	it('says whose figures, for which period and up to which day, in either language', () => {
		expect(scopeName(figures, 'vi')).toBe('Toàn tỉnh');
		expect(scopeName({ ...figures, scope: { level: 'commune', agency: null } }, 'en')).toBe(LEVEL_NAMES.en.commune);
		expect(scopeName({ ...figures, scope: { level: 'district', agency: 'UBND Mộ Đức' } }, 'vi')).toBe('UBND Mộ Đức');
		expect(periodLine(figures, 'headline', 'vi')).toBe('Quý I/2023 (15/12/2022 – 14/3/2023) · Theo đơn vị lúc tiếp nhận');
		expect(periodLine(figures, 'overdue', 'vi')).toBe('Lúc hết ngày 31/3/2023 · Theo đơn vị lúc tiếp nhận');
		expect(periodLine({ ...figures, units: 'current' }, 'headline', 'en')).toBe("Quarter I 2023 (15/12/2022 – 14/3/2023) · By today's units");
		expect(asOfLine(figures, null, 'vi')).toBe('Số liệu đến hết ngày 31/3/2023');
		// 01:05 UTC is 08:05 in Vietnam.
		expect(asOfLine(figures, new Date('2023-04-01T01:05:00Z'), 'en')).toBe('Data up to the end of 31/3/2023 · read at 08:05 1/4');
	});

	it('is stale past the hours allowed after the end of the data’s last day, and says so with the source’s failure', () => {
		expect(ageOf(null, hoursAfter(100))).toBe(0);
		expect(ageOf(figures, hoursAfter(36))).toBe(36);
		expect(isStale(figures, hoursAfter(36), 36)).toBe(false);
		expect(isStale(figures, hoursAfter(36.5), 36)).toBe(true);
		expect(isStale(null, hoursAfter(100), 36)).toBe(false);
		const feed: FeedState = { figures, updatedAt: new Date('2023-04-01T01:00:00Z'), checkedAt: null, failingSince: null, failure: null, offline: false };
		expect(warningsOf(feed, hoursAfter(10), 36, 'vi')).toEqual([]);
		expect(warningsOf(feed, hoursAfter(40.5), 36, 'vi')).toEqual(['⚠ Số liệu đã cũ: chưa có dữ liệu sau ngày 31/3/2023 (40 giờ trước).']);
		// A screen left on old data for months: the hours as every figure is written (1.234, not 1234).
		expect(warningsOf(feed, hoursAfter(1234.5), 36, 'vi')).toEqual(['⚠ Số liệu đã cũ: chưa có dữ liệu sau ngày 31/3/2023 (1.234 giờ trước).']);
		const failing = { ...feed, failingSince: new Date('2023-04-01T02:30:00Z'), failure: 'data/manifest.json: HTTP 404' };
		expect(warningsOf(failing, hoursAfter(10), 36, 'vi')).toEqual(['⚠ Không đọc được nguồn dữ liệu từ 09:30 1/4; đang hiện số liệu đọc lúc 08:00 1/4.']);
		// The server out of reach: the copy's data day and when the copy was read, then the staleness.
		const offline = { ...failing, offline: true, failure: 'the server cannot be reached' };
		expect(warningsOf(offline, hoursAfter(40.5), 36, 'vi')).toEqual([
			'⚠ Không kết nối được máy chủ từ 09:30 1/4; đang hiện bản lưu trên màn hình: số liệu đến hết ngày 31/3/2023, đọc lúc 08:00 1/4.',
			'⚠ Số liệu đã cũ: chưa có dữ liệu sau ngày 31/3/2023 (40 giờ trước).'
		]);
		expect(warningsOf(offline, hoursAfter(10), 36, 'en')).toEqual(['⚠ The server cannot be reached since 09:30 1/4; showing the copy kept on this screen: data up to the end of 31/3/2023, read at 08:00 1/4.']);
		// No figures yet: the page says why in place of a scene, not as a warning.
		expect(warningsOf({ ...failing, figures: null }, hoursAfter(100), 36, 'vi')).toEqual([]);
	});

	it('rotates only with figures and more than one scene', () => {
		expect(nextScene(0, 3, true)).toBe(1);
		expect(nextScene(2, 3, true)).toBe(0);
		expect(nextScene(1, 3, false)).toBe(1);
		expect(nextScene(0, 1, true)).toBe(0);
	});

	it('runs from its address: reads the source at once and on schedule, ticks the clock, rotates, and stops', async () => {
		vi.useFakeTimers({ now: hoursAfter(2) });
		const after = (seconds: number) => new Date(hoursAfter(2).getTime() + seconds * 1000);
		let release = () => {};
		const gate = new Promise<void>((resolve) => (release = resolve));
		const calls = { version: 0, open: 0 };
		const source: FeedSource = {
			async version() {
				calls.version++;
				await gate;
				return { version: 'v1', url: 'fixture' };
			},
			async open() {
				calls.open++;
				return { query: async () => [], close: async () => {} } as unknown as Engine;
			},
			figures: async () => figures
		};
		const wall = new WallPage();
		expect(wall.title).toBe('Màn hình điều hành');
		const stop = wall.start(new URLSearchParams('scenes=overdue,headline&seconds=2&refresh=60&lang=en'), (s) => {
			expect(s).toMatchObject({ scenes: ['overdue', 'headline'], seconds: 2, refreshSeconds: 60, lang: 'en' });
			return source;
		});
		expect(wall.locale).toBe('en');
		expect(wall.scene).toBe('overdue');
		// No figures yet: the rotation waits.
		await vi.advanceTimersByTimeAsync(4000);
		expect([wall.index, wall.changes]).toEqual([0, 0]);
		expect(wall.where).toBe('');

		release();
		await vi.advanceTimersByTimeAsync(0);
		expect(wall.figures).toBe(figures);
		expect(wall.title).toBe(`Operations wall · ${figures.province}`);
		expect(wall.where).toBe(`${figures.province} · Whole province`);
		expect(wall.periodLine).toBe('At the end of 31/3/2023 · By the units as they were');
		expect(wall.feed.updatedAt).toEqual(after(4));
		expect(calls).toEqual({ version: 2, open: 1 }); // the version asked again once the figures were read
		await vi.advanceTimersByTimeAsync(2000);
		expect([wall.scene, wall.changes]).toEqual(['headline', 1]);
		expect(wall.periodLine).toBe('Quarter I 2023 (15/12/2022 – 14/3/2023) · By the units as they were');
		await vi.advanceTimersByTimeAsync(2000);
		expect([wall.scene, wall.changes]).toEqual(['overdue', 2]);
		expect(wall.now).toEqual(after(8));
		expect(wall.stale).toBe(false);

		// Read again every minute; the same version opens nothing.
		await vi.advanceTimersByTimeAsync(60_000);
		expect(calls).toEqual({ version: 3, open: 1 });
		expect(wall.changes).toBe(32); // a scene every 2 seconds meanwhile

		stop();
		const now = wall.now;
		await vi.advanceTimersByTimeAsync(600_000);
		expect([wall.changes, wall.now, calls.version]).toEqual([32, now, 3]);
	});

	it('with a copy kept offline: reads again when first in control, asks for a new build at each read, and reloads for one between scenes while the server answers', async () => {
		vi.useFakeTimers({ now: hoursAfter(2) });
		const calls = { version: 0, open: 0, checks: 0, reloads: 0, stopped: 0 };
		let failing = false;
		const source: FeedSource = {
			async version() {
				calls.version++;
				if (failing) throw new Error('data/manifest.json: HTTP 503');
				return { version: 'v1', url: 'fixture' };
			},
			async open() {
				calls.open++;
				return { query: async () => [], close: async () => {} } as unknown as Engine;
			},
			figures: async () => figures
		};
		let hooks: OfflineHooks | undefined;
		const wall = new WallPage();
		wall.reload = () => void calls.reloads++;
		const stop = wall.start(
			new URLSearchParams('scenes=overdue,headline&seconds=2&refresh=60'),
			() => source,
			(h) => {
				hooks = h;
				return { check: () => void calls.checks++, stop: () => void calls.stopped++ };
			}
		);
		await vi.advanceTimersByTimeAsync(0);
		expect(calls).toMatchObject({ version: 2, open: 1 });
		// First in control: the same version read again, through the worker.
		hooks!.controlled();
		await vi.advanceTimersByTimeAsync(0);
		expect(calls).toMatchObject({ version: 4, open: 2 });
		await vi.advanceTimersByTimeAsync(60_000);
		expect(calls).toMatchObject({ checks: 1, reloads: 0 });
		const changes = wall.changes;

		// A new build while the source fails: the scenes go on, no reload until it answers.
		failing = true;
		await vi.advanceTimersByTimeAsync(60_000);
		expect(wall.failing).toBe(true);
		hooks!.newBuild();
		await vi.advanceTimersByTimeAsync(4_000);
		expect(calls.reloads).toBe(0);
		expect(wall.changes).toBe(changes + 32);
		failing = false;
		await vi.advanceTimersByTimeAsync(56_000); // the next read, at 180 s
		expect(wall.failing).toBe(false);
		const before = wall.changes;
		await vi.advanceTimersByTimeAsync(2_000);
		expect(calls.reloads).toBeGreaterThanOrEqual(1); // in place of the next scene
		expect(wall.changes).toBe(before);
		stop();
		expect(calls.stopped).toBe(1);
	});
});
