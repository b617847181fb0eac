/**
 * The two ways to count units on every page (docs/METRICS.md, "Two ways to count units"):
 * the dashboard's figures, ranking, names and level notes, the report's form and annex, and
 * the wall's figures, each asked both ways on the reorganisation fixture against its figures
 * worked out by hand (tests/fixtures/reorg/expected.ts); on a small sample province, a 2024
 * quarter counted by today's units ranks only units that exist today, and no two choices of
 * a unit picker read alike in any quarter.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COUNT_IDS, type Counts } from '../../src/lib/core/domain/metrics';
import { period, periodKey, periodsCovering } from '../../src/lib/core/domain/periods';
import { UNITS, type Units } from '../../src/lib/core/domain/succession';
import { LEVELS } from '../../src/lib/core/domain/types';
import { levelsFor, levelsGone, loadCatalog, namesAmong, unitChoices, type Catalog } from '../../src/lib/core/engine/catalog';
import { NodeEngine } from '../../src/lib/core/engine/node';
import { datasetInfo, type DatasetInfo } from '../../src/lib/core/engine/source';
import { dashboardData, dossierPage } from '../../src/lib/dashboard/dashboard';
import { compareChart, crumbs, dashboardModel, nextViews, rankingRows } from '../../src/lib/dashboard/model';
import { DEFAULT_VIEW, serializeView, type ViewState } from '../../src/lib/dashboard/view';
import { annexOf, formOf } from '../../src/lib/report/page.svelte';
import { DEFAULT_REPORT } from '../../src/lib/report/address';
import { likelyNext } from '../../src/lib/report/model';
import { wallFigures } from '../../src/lib/wall/figures';
import { scorecardData } from '../../src/lib/scorecard/data';
import { DEFAULT_SCORECARD } from '../../src/lib/scorecard/address';
import { rankingLines as scorecardRanking, titleLines as scorecardTitle } from '../../src/lib/scorecard/model';
import { DEFAULT_WALL } from '../../src/lib/wall/settings';
import { generateSample } from '../../scripts/generate';
import { COUNTED, CURRENT, DATA_AS_OF, PERIODS, RECEIVED, TODAY_UNITS, UNITS_IN } from '../fixtures/reorg/expected';
import { openFixture } from './helpers';

const pick = (c: Counts) => Object.fromEntries(COUNTED.map((k) => [k, c[k]]));
const href = (v: ViewState) => `/?${serializeView(v)}`;

describe('the pages on the reorganisation fixture', () => {
	let engine: NodeEngine;
	let info: DatasetInfo;
	let catalog: Catalog;
	beforeAll(async () => {
		engine = await openFixture('reorg', DATA_AS_OF);
		info = await datasetInfo(engine);
		catalog = await loadCatalog(engine);
	});
	afterAll(() => engine.close());

	const A = periodKey(period(PERIODS.A));
	const B = periodKey(period(PERIODS.B));
	const view = (p: string, units: Units): ViewState => ({ ...DEFAULT_VIEW, period: p, units });

	it('gives the dashboard the hand-worked figures both ways: the same province, other units and levels', async () => {
		for (const [units, want] of [
			['received', RECEIVED],
			['current', CURRENT]
		] as const)
			for (const [p, key] of [
				['A', A],
				['B', B]
			] as const) {
				const d = await dashboardData(engine, view(key, units), info);
				expect(pick(d.current.total), `${units} ${p}`).toEqual(want[p].total);
				expect(Object.fromEntries(d.ranking.rows.map((r) => [r.key, pick(r.counts)])), `${units} ${p}`).toEqual(want[p].byAgency);
				expect(Object.fromEntries(d.current.byLevel.map((l) => [l.level, pick(l.counts)])), `${units} ${p}`).toEqual(want[p].byLevel);
			}
	});

	it('names the ranking’s units apart, and opens today’s unit by today’s units', async () => {
		const v = view(A, 'current');
		const rows = rankingRows(catalog, 'vi', await dashboardData(engine, v, info), v, href);
		// Sorted by on-time rate, worst first: VP2 0% (R05 late), XMD2 50% (R13 on time, R10 late), SXD2 100% (R01 R02 early,
		// R04 on time), TT none resolved (no rate, last).
		expect(rows.map((r) => [r.key, r.label])).toEqual([
			['VP2', 'VP UBND tỉnh (từ 1/7/2025)'],
			['XMD2', 'UBND Xã Mộ Đức'],
			['SXD2', 'Sở Xây dựng (từ 1/3/2025)'],
			// TT ceased with no successor: it stays its own unit, and says its last day.
			['TT', 'TT Xúc tiến đầu tư (đến 28/2/2025)']
		]);
		const xmd2 = rows[1].target!;
		expect(href(xmd2)).toBe(`/?period=${A}&level=commune&agency=XMD2&units=current`);
		// XMD2 today holds R10 (HMD) and R13 (XDH): two dossiers, one late.
		expect(pick((await dashboardData(engine, xmd2, info)).current.total)).toEqual(CURRENT.A.byAgency.XMD2);
		expect(crumbs(catalog, 'vi', xmd2, href).map((c) => c.label)).toEqual(['Toàn tỉnh', 'Cấp xã', 'UBND Xã Mộ Đức']);
		// As received, the two units of one name are told apart by their days.
		const r = view(A, 'received');
		const received = rankingRows(catalog, 'vi', await dashboardData(engine, r, info), r, href);
		expect(Object.fromEntries(received.map((x) => [x.key, x.label]))).toMatchObject({ SXD: 'Sở Xây dựng (đến 28/2/2025)', SXD2: 'Sở Xây dựng (từ 1/3/2025)' });
	});

	it('guesses the next views and reports counted the same way, so their answers are those the click asks for', async () => {
		for (const units of UNITS) {
			const v = view(A, units);
			const d = await dashboardData(engine, v, info);
			const guesses = nextViews(d, v, rankingRows(catalog, 'vi', d, v, href), info);
			expect(guesses.length, units).toBeGreaterThan(3);
			expect(new Set(guesses.map((g) => g.units)), units).toEqual(new Set([units]));
			const deeper = nextViews(d, guesses[0], [], info);
			expect(new Set(deeper.map((g) => g.units)), units).toEqual(new Set([units]));
			const reports = likelyNext({ ...DEFAULT_REPORT, period: A, units }, info);
			expect(reports.length, units).toBeGreaterThan(0);
			expect(new Set(reports.map((q) => q.units)), units).toEqual(new Set([units]));
		}
	});

	it('lists today’s unit’s dossiers by today’s units, each under the agency that received it', async () => {
		const rows = await dossierPage(engine, { ...view(B, 'current'), drill: { level: 'commune', agency: 'XMD2' }, dossiers: true }, info);
		expect(rows.map((d) => `${d.id} ${d.agency_id}`).sort()).toEqual(['R09 HMD', 'R11 XDL', 'R12 XDH', 'R14 XMD2']);
	});

	it('says there is no district level where the levels chart would have drawn none, and says which way it counts', async () => {
		const notes = async (p: string, units: Units) => compareChart(catalog, 'vi', await dashboardData(engine, view(p, units), info), units).gone;
		// A as received: HMD existed and received R10, its bar is drawn.
		expect(await notes(A, 'received')).toEqual([]);
		// B as received: HMD had ceased, but R09, received on 25/6, is its and still in B: its bar is drawn.
		expect(await notes(B, 'received')).toEqual([]);
		expect(await notes(A, 'current')).toEqual(['Từ 1/7/2025 không còn cấp huyện']);
		expect(await notes(B, 'current')).toEqual(['Từ 1/7/2025 không còn cấp huyện']);
		const v = view(B, 'current');
		const m = dashboardModel({ info, catalog }, await dashboardData(engine, v, info), null, v, href);
		expect(m.heading.units.name).toBe('Theo đơn vị hiện nay');
		expect(m.heading.units.definition).toContain('đơn vị kế thừa');
		expect(m.compare.groups.map((g) => g.key)).toEqual(['province', 'commune']);
	});

	it('offers the pickers the units of the period, or today’s, and the levels they have', () => {
		const a = period(PERIODS.A);
		const b = period(PERIODS.B);
		expect(unitChoices(catalog.agencies, a, 'received').map((c) => c.id)).toEqual(UNITS_IN.A);
		expect(unitChoices(catalog.agencies, a, 'current').map((c) => c.id)).toEqual(TODAY_UNITS);
		expect(unitChoices(catalog.agencies, b, 'received', { level: 'commune' }).map((c) => c.label)).toEqual(['UBND Xã Lân Phong', 'UBND Xã Mộ Đức']);
		expect(unitChoices(catalog.agencies, a, 'received', { level: 'province' }).map((c) => c.label)).toEqual([
			'Sở GTVT',
			'Sở Ngoại vụ',
			'Sở Xây dựng (đến 28/2/2025)',
			'Sở Xây dựng (từ 1/3/2025)',
			'TT Xúc tiến đầu tư',
			'VP UBND tỉnh (đến 30/6/2025)'
		]);
		expect([levelsFor(catalog.agencies, a, 'received'), levelsFor(catalog.agencies, b, 'received'), levelsFor(catalog.agencies, a, 'current')]).toEqual([[...LEVELS], ['province', 'commune'], ['province', 'commune']]);
		expect(levelsGone(catalog.agencies, b, 'received', 'en')).toEqual([{ level: 'district', note: 'No district level since 1/7/2025' }]);
		// A unit the address chose though it did not exist in the period is still offered, last, told apart by its days.
		const chosen = unitChoices(catalog.agencies, b, 'received', { level: 'province', chosen: ['SXD'] });
		expect(chosen.at(-1)).toMatchObject({ id: 'SXD', label: 'Sở Xây dựng (đến 28/2/2025)' });
		expect(chosen.filter((c) => c.id === 'SXD2')).toHaveLength(1);
		expect(unitChoices(catalog.agencies, b, 'received', { level: 'province', chosen: ['SXD2'] })).toEqual(unitChoices(catalog.agencies, b, 'received', { level: 'province' }));
		// A period straddling 1/7/2025 has its districts.
		expect(levelsFor(catalog.agencies, { first: '2025-06-15', last: '2025-09-14' }, 'received')).toEqual([...LEVELS]);
	});

	it('draws the report form and its annex both ways: rows of the units of each way, the same total', async () => {
		for (const [units, want] of [
			['received', RECEIVED],
			['current', CURRENT]
		] as const) {
			const q = { ...DEFAULT_REPORT, period: A, units };
			const report = (await formOf(engine, { info, catalog }, q))!;
			const items = report.rows.filter((r) => r.kind === 'item' && r.counts);
			expect(Object.fromEntries(items.map((r) => [r.key, pick(r.counts!)])), units).toEqual(want.A.byAgency);
			expect(pick(report.rows.at(-1)!.counts!), units).toEqual(want.A.total);
			expect(report.rows.filter((r) => r.kind === 'level').map((r) => r.level)).toEqual(units === 'received' ? [...LEVELS] : ['province', 'commune']);
			// Late in A or overdue at its end: R03 (SXD), R05 (SNG), R08 (TT), R10 (HMD); by today's units SXD2, VP2, TT, XMD2.
			const annex = await annexOf(engine, { info, catalog }, q);
			expect(annex.map((g) => [g.agencyId, g.dossiers.map((d) => d.id)]).sort()).toEqual(
				units === 'received'
					? [
							['HMD', ['R10']],
							['SNG', ['R05']],
							['SXD', ['R03']],
							['TT', ['R08']]
						]
					: [
							['SXD2', ['R03']],
							['TT', ['R08']],
							['VP2', ['R05']],
							['XMD2', ['R10']]
						]
			);
		}
		// By today's units, today's units are listed even without a dossier (XLP2), and none that ceased but TT.
		const today = (await formOf(engine, { info, catalog }, { ...DEFAULT_REPORT, period: A, units: 'current' }))!;
		expect(today.rows.filter((r) => r.kind === 'item').map((r) => r.key)).toEqual(['SXD2', 'TT', 'VP2', 'XLP2', 'XMD2']);
	});

	it('scores Decision 766 both ways: today’s units only by today’s units, the province’s points unchanged', async () => {
		const quarter = period(PERIODS.A);
		const on = async (units: Units) => {
			const d = await scorecardData(engine, { period: quarter, levels: LEVELS, grouping: 'agency', units }, info.aggregated, catalog);
			const points21 = (u: { score: { indicators: { indicator: { id: string }; points: number | null }[] } }) => u.score.indicators.find((i) => i.indicator.id === '2.1')!.points;
			return { d, byUnit: Object.fromEntries(d.units.map((u) => [u.key, points21(u)])), total: points21(d.total) };
		};
		// 2.1 = 20 × (early + on time + not yet due) / (resolved + in progress), full at 100%.
		// As received, A: SGT R01 R02 early → 20; SXD R03 overdue → 0; SXD2 R04 on time → 20; SNG R05 late → 0;
		// TT R08 overdue → 0; HMD R10 late → 0; XDH R13 on time → 20; VP and XDL listed, no dossier → none.
		const received = await on('received');
		expect(received.byUnit).toEqual({ SGT: 20, SNG: 0, SXD: 0, SXD2: 20, TT: 0, VP: null, HMD: 0, XDH: 20, XDL: null });
		// By today's units: SXD2 = R01 R02 early, R04 on time, R03 overdue → 20 × 3/4 = 15; XMD2 = R13 on time, R10 late → 10;
		// VP2 = R05 late → 0; TT → 0; XLP2 no dossier → none.
		const current = await on('current');
		expect(current.byUnit).toEqual({ SXD2: 15, TT: 0, VP2: 0, XLP2: null, XMD2: 10 });
		// The province both ways: 4 early or on time of 6 resolved and 2 in progress, overdue → 20 × 4/8 = 10.
		expect([received.total, current.total]).toEqual([10, 10]);
		const q = { ...DEFAULT_SCORECARD, period: A };
		const names = (d: typeof received.d, units: Units) => Object.fromEntries(scorecardRanking(d, { ...q, units }, catalog, 'vi').map((l) => [l.key, l.label]));
		expect(names(received.d, 'received')).toMatchObject({ SXD: 'Sở Xây dựng (đến 28/2/2025)', SXD2: 'Sở Xây dựng (từ 1/3/2025)' });
		expect(names(current.d, 'current')).toMatchObject({ SXD2: 'Sở Xây dựng (từ 1/3/2025)', TT: 'TT Xúc tiến đầu tư (đến 28/2/2025)', XMD2: 'UBND Xã Mộ Đức' });
		// A unit's dossiers in the dashboard are listed the same way.
		const xmd2 = scorecardRanking(current.d, { ...q, units: 'current' }, catalog, 'vi').find((l) => l.key === 'XMD2')!;
		expect(xmd2.dossiers).toBe(`period=${A}&level=commune&agency=XMD2&view=dossiers&units=current`);
		expect(scorecardTitle(current.d, info, 'vi', 'current').at(-1)).toMatch(/^Theo đơn vị hiện nay: /);
	});

	it('gives the wall its figures both ways, and says which', async () => {
		// The latest complete reporting quarter at 30/9/2025: quarter III (15/6 – 14/9/2025).
		const [received, current] = await Promise.all(UNITS.map((units) => wallFigures(engine, { ...DEFAULT_WALL, units })));
		expect(pick(current.current)).toEqual(pick(received.current));
		expect(received.levels.map((l) => l.level)).toEqual([...LEVELS]);
		expect(current.levels.map((l) => l.level)).toEqual(['province', 'commune']);
		expect([received.levelsGone, current.levelsGone]).toEqual([[], ['Từ 1/7/2025 không còn cấp huyện']]);
		expect(current.ranking.rows.map((r) => r.key).every((k) => TODAY_UNITS.includes(k))).toBe(true);
		expect(received.ranking.rows.some((r) => !TODAY_UNITS.includes(r.key))).toBe(true);
		expect(current.units).toBe('current');
		// Names said with their days only where two shown share one: VP until 30/6 and VP2 both received dossiers in the quarter.
		const names = (f: typeof current) => Object.fromEntries(f.ranking.rows.map((r) => [r.key, r.name]));
		// SXD (R03, still open) is shown without SXD2, and says its last day all the same: a unit that ceased always does.
		expect(names(received)).toMatchObject({ VP: 'VP UBND tỉnh (đến 30/6/2025)', VP2: 'VP UBND tỉnh (từ 1/7/2025)', SXD: 'Sở Xây dựng (đến 28/2/2025)' });
		expect(names(current)).toMatchObject({ VP2: 'VP UBND tỉnh', SXD2: 'Sở Xây dựng', TT: 'TT Xúc tiến đầu tư (đến 28/2/2025)', XMD2: 'UBND Xã Mộ Đức' });
	});

	it('shows a desk screen set up for a unit that merged what it became, by today’s units', async () => {
		// HMD (the district) → XMD2 today. The wall shows reporting quarter III 2025 (15/6 – 14/9/2025):
		// as received, HMD holds R09 alone (received 25/6); by today's units XMD2 holds R09 (HMD, early),
		// R11 (XDL, received 30/6, early), R12 (XDH, received 27/6, open, due 4/7: overdue) and R14
		// (XMD2, on time, online): all four new in the quarter.
		const [received, current] = await Promise.all(UNITS.map((units) => wallFigures(engine, { ...DEFAULT_WALL, agency: 'HMD', span: 'quarter', units })));
		expect(received.scope.agency).toBe(catalog.agencies.get('HMD')!.name);
		expect(received.current.received).toBe(1);
		expect(current.scope).toEqual({ level: 'commune', agency: catalog.agencies.get('XMD2')!.name });
		expect(pick(current.current)).toEqual({ received: 4, new: 4, carried: 0, resolved: 3, early: 2, on_time: 1, late: 0, withdrawn: 0, in_progress: 1, not_yet_due: 0, overdue: 1, online: 1 });
	});

	it('names units shown together plainly, but a unit that ceased, and namesakes shown together, with their days', () => {
		const names = (ids: string[], markCeased = false) => [...namesAmong(catalog.agencies, ids, { short: true, markCeased }).values()];
		expect(names(['SXD', 'SXD2', 'SGT'])).toEqual(['Sở Xây dựng (đến 28/2/2025)', 'Sở Xây dựng (từ 1/3/2025)', 'Sở GTVT']);
		expect(names(['SXD2', 'VP2', 'TT'])).toEqual(['Sở Xây dựng', 'VP UBND tỉnh', 'TT Xúc tiến đầu tư']);
		expect(names(['SXD', 'VP'])).toEqual(['Sở Xây dựng (đến 28/2/2025)', 'VP UBND tỉnh (đến 30/6/2025)']);
		expect(names(['SXD2', 'TT'], true)).toEqual(['Sở Xây dựng', 'TT Xúc tiến đầu tư (đến 28/2/2025)']);
	});
});

describe('a small sample province', () => {
	// The sample the reorganisation test writes (reused while the generator's inputs are unchanged).
	const dir = 'tests/.out/sample-reorganisation';
	const END = '2026-11-20';
	let engine: NodeEngine;
	let info: DatasetInfo;
	let catalog: Catalog;
	beforeAll(async () => {
		mkdirSync(dir, { recursive: true });
		await generateSample({ size: 5000, end: END, out: dir });
		engine = await NodeEngine.open(join(dir, 'province.duckdb'), { access_mode: 'READ_ONLY' });
		info = await datasetInfo(engine);
		catalog = await loadCatalog(engine);
	});
	afterAll(() => engine?.close());

	const sum = (c: Counts) => COUNT_IDS.map((id) => c[id]);

	it('ranks only units that exist today in a 2024 quarter counted by today’s units, with the province’s totals', async () => {
		for (const q of periodsCovering('2024-01-01', '2024-12-14', 'reporting', 'quarter', 15)) {
			const received = await dashboardData(engine, { ...DEFAULT_VIEW, period: periodKey(q), units: 'received' }, info);
			const current = await dashboardData(engine, { ...DEFAULT_VIEW, period: periodKey(q), units: 'current' }, info);
			expect(sum(current.current.total), periodKey(q)).toEqual(sum(received.current.total));
			const gone = current.ranking.rows.filter((r) => r.key === null || catalog.agencies.get(r.key)?.validTo !== null);
			expect(gone, periodKey(q)).toEqual([]);
			// As received, 2024's units are those that ceased in 2025.
			expect(received.ranking.rows.some((r) => r.key !== null && catalog.agencies.get(r.key)?.validTo !== null)).toBe(true);
		}
	});

	it('never offers two units that read alike, in any quarter, either way, at any level', () => {
		const quarters = periodsCovering('2022-01-01', END, 'reporting', 'quarter', 15);
		expect(quarters.length).toBe(20);
		for (const q of quarters)
			for (const units of UNITS)
				for (const level of [null, ...LEVELS]) {
					const labels = unitChoices(catalog.agencies, q, units, { level }).map((c) => c.label);
					expect(new Set(labels).size, `${periodKey(q)} ${units} ${level}`).toBe(labels.length);
					const titles = unitChoices(catalog.agencies, q, units, { level }).map((c) => c.title);
					expect(new Set(titles).size, `${periodKey(q)} ${units} ${level}`).toBe(titles.length);
				}
	});
});
