/**
 * What the dashboard draws for a view (dashboard/model.ts), on the basic fixture through
 * native DuckDB: names, formatted figures, links, chart series and tables, against the
 * hand-computed figures of tests/fixtures/basic/expected.ts (quarter I 2023 by the 15th
 * rule, 15/12/2022 – 14/3/2023).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog, type Catalog } from '../../src/lib/core/engine/catalog';
import type { NodeEngine } from '../../src/lib/core/engine/node';
import { datasetInfo, type DatasetInfo } from '../../src/lib/core/engine/source';
import { dashboardData, dossierPage, viewDossiers } from '../../src/lib/dashboard/dashboard';
import { compareChart, compareTarget, crumbs, dashboardModel, dossiersFilename, dossiersTable, monthCategory, nextViews, ratesChart, share, stepName, volumeChart } from '../../src/lib/dashboard/model';
import { viewFigures, viewHref, viewKey } from '../../src/lib/dashboard/page.svelte';
import { DEFAULT_VIEW, NO_FILTERS, serializeView, type ViewState } from '../../src/lib/dashboard/view';
import { parsePeriodKey } from '../../src/lib/core/domain/periods';
import { QUARTER_1_2023, QUARTER_1_2023_TOTAL } from '../fixtures/basic/expected';
import { openFixture } from './helpers';

let engine: NodeEngine;
let info: DatasetInfo;
let catalog: Catalog;
beforeAll(async () => {
	engine = await openFixture('basic');
	info = await datasetInfo(engine);
	catalog = await loadCatalog(engine);
});
afterAll(() => engine.close());

const Q1: ViewState = { ...DEFAULT_VIEW, period: 'r15-quarter-2023-1' };
const D1: ViewState = { ...Q1, drill: { level: 'district', agency: 'D1' } };
/** Addresses as the page writes them, without a base path. */
const href = (v: ViewState) => `/?${serializeView(v)}`;
const figures = (v: ViewState) => dashboardData(engine, v, info);

describe('names and the breadcrumb', () => {
	it('names each step by the catalogue: levels, agencies by their short name with the full one as a title', () => {
		expect(stepName(catalog, 'vi', null, null)).toEqual({ label: 'Toàn tỉnh' });
		expect(stepName(catalog, 'en', 'level', 'district')).toEqual({ label: 'District' });
		expect(stepName(catalog, 'vi', 'agency', 'D1')).toEqual({ label: 'UBND Mộ Đức', title: 'Ủy ban nhân dân huyện Mộ Đức' });
		expect(stepName(catalog, 'vi', 'procedure', '3.000001')).toEqual({ label: '3.000001', title: 'Đăng ký khai sinh' });
		expect(stepName(catalog, 'vi', 'field', 'Đất đai')).toEqual({ label: 'Đất đai' });
	});

	it('leads back up to every step above the view, the last one being where the view is', () => {
		expect(crumbs(catalog, 'vi', { ...D1, dossiers: true }, href)).toEqual([
			{ label: 'Toàn tỉnh', href: '/?period=r15-quarter-2023-1' },
			{ label: 'Cấp huyện', href: '/?period=r15-quarter-2023-1&level=district' },
			{ label: 'UBND Mộ Đức', title: 'Ủy ban nhân dân huyện Mộ Đức', href: '/?period=r15-quarter-2023-1&level=district&agency=D1' },
			{ label: 'Danh sách hồ sơ', href: null }
		]);
	});
});

describe('the view model of quarter I 2023 at the province', () => {
	it('has the tiles of the hand-computed quarter, each against quarter IV 2022 and a year before', async () => {
		const m = dashboardModel({ info, catalog }, await figures(Q1), null, Q1, href);
		expect(m.heading).toMatchObject({ first: '2022-12-15', last: '2023-03-14', name: 'Quý I/2023', range: '15/12/2022 – 14/3/2023' });
		expect(m.heading.asOf).toContain('31/3/2023');
		expect(m.heading.asOf).toContain('22 hồ sơ'); // F01 … F22
		expect(m.tiles.map((t) => [t.id, t.value])).toEqual([
			['received', '20'],
			['resolved', '12'],
			['on_time_rate', '83,3%'], // 10 / 12
			['online_share', '45,0%'], // 9 / 20
			['satisfaction_rate', '57,1%'], // 4 / 7
			['overdue', '3']
		]);
		expect(m.tiles[0].raw).toBe(QUARTER_1_2023_TOTAL.received);
		// Quarter IV 2022: F01 F02 F03 F15 F16 received (5 → 20: +300%); F02 alone resolved, early (100% → 83,3%).
		const received = m.tiles[0].changes[0];
		expect(received).toMatchObject({ text: '+300,0%', direction: 'up', tone: 'neutral' });
		expect(received.label).toBe('so với kỳ trước (Quý IV/2022)');
		expect(m.tiles[2].changes[0]).toMatchObject({ text: '−16,7 điểm %', direction: 'down', tone: 'bad' });
		// Nothing a year before.
		expect(m.tiles[0].changes[1]).toMatchObject({ text: '—', direction: 'flat' });
		// A count ranks the most first; the overdue figure opens its dossiers.
		expect(m.tiles[0].href).toBe('/?period=r15-quarter-2023-1&sort=-received#ranking');
		expect(m.tiles[2].href).toBe('/?period=r15-quarter-2023-1&sort=on_time_rate#ranking');
		expect(m.tiles[5].href).toBe('/?period=r15-quarter-2023-1&view=dossiers');
		expect(m.empty).toBeNull();
		expect(m.list).toBeNull();
		expect(m.dossiers).toEqual({ href: '/?period=r15-quarter-2023-1&view=dossiers', text: 'Xem danh sách hồ sơ (20) →' });
	});

	it('ranks the agencies by on-time rate, worst first, ties by name, each linking to its level and agency', async () => {
		const m = dashboardModel({ info, catalog }, await figures(Q1), null, Q1, href);
		expect(m.ranking.title).toBe('Xếp hạng các cơ quan');
		// D1 1/3, then P1 6/6 and C1 3/3: "Sở Tư pháp" before "UBND Xã Đức Lân".
		expect(m.ranking.rows.map((r) => [r.key, r.label, r.href])).toEqual([
			['D1', 'UBND Mộ Đức', '/?period=r15-quarter-2023-1&level=district&agency=D1'],
			['P1', 'Sở Tư pháp', '/?period=r15-quarter-2023-1&level=province&agency=P1'],
			['C1', 'UBND Xã Đức Lân', '/?period=r15-quarter-2023-1&level=commune&agency=C1']
		]);
		expect(m.ranking.rows[0].counts).toEqual(QUARTER_1_2023.D1);
		expect(m.ranking.rows[0].fullName).toBe('Ủy ban nhân dân huyện Mộ Đức');
		// Sorted by on-time rate ascending: its header turns it around; another column starts with its own direction.
		expect(m.ranking.sort).toEqual({ metric: 'on_time_rate', descending: false });
		expect(m.ranking.sortHrefs.on_time_rate).toBe('/?period=r15-quarter-2023-1&sort=-on_time_rate');
		expect(m.ranking.sortHrefs.received).toBe('/?period=r15-quarter-2023-1&sort=-received');
		expect(m.ranking.filename).toBe('xep-hang-agency-quy-i-2023');
		// Sorted by received, most first: P1 7, C1 7 (by name), D1 6.
		const byReceived = dashboardModel({ info, catalog }, await figures(Q1), null, { ...Q1, sort: { metric: 'received', descending: true } }, href);
		expect(byReceived.ranking.rows.map((r) => r.key)).toEqual(['P1', 'C1', 'D1']);
	});

	it('compares the levels: on time 6/6, 1/3, 3/3; online 5/7, 1/6, 3/7; satisfied 3/4, 0/1, 1/2; a level drills down', async () => {
		const c = compareChart(catalog, 'vi', await figures(Q1));
		expect(c.kind).toBe('levels');
		expect(c.title).toBe('So sánh các cấp');
		expect(c.groups.map((g) => g.label)).toEqual(['Cấp tỉnh', 'Cấp huyện', 'Cấp xã']);
		expect(c.values).toEqual([
			[1, 5 / 7, 3 / 4],
			[1 / 3, 1 / 6, 0],
			[1, 3 / 7, 1 / 2]
		]);
		expect(c.notes).toEqual(['7 hồ sơ', '6 hồ sơ', '7 hồ sơ']);
		expect(c.table.rows[1]).toEqual(['Cấp huyện', 6, 1 / 3, 1 / 6, 0]);
		expect(c.current).toBeNull();
		expect(compareTarget(c.kind, Q1, 'commune')).toEqual({ ...Q1, drill: { level: 'commune' } });
	});

	it('draws twelve reporting months of received dossiers by level and of the three rates', async () => {
		const d = await figures(Q1);
		const v = volumeChart('vi', d);
		expect(v.categories).toHaveLength(12);
		expect(v.categories[0]).toEqual({ key: 'r15-month-2022-4', label: '4/2022', long: 'Tháng 4/2022 (15/3/2022 – 14/4/2022)' });
		expect(v.series.map((s) => s.key)).toEqual(['province', 'district', 'commune']);
		// Reporting month 2/2023 (15/1 – 14/2): P1 F17 F19 F20; D1 F09 F15; C1 F13 F18 F21 F22.
		expect(v.values[10]).toEqual([3, 2, 4]);
		expect(v.table.rows[10]).toEqual(['Tháng 2/2023 (15/1/2023 – 14/2/2023)', 3, 2, 4, 9]);
		// The quarter's last month is the one selected on the chart.
		expect(v.selected).toBe('r15-quarter-2023-1');
		expect(v.summary).toContain('Tháng 3/2023 (15/2/2023 – 14/3/2023)');
		expect(v.filename).toBe('ho-so-tiep-nhan-theo-thang-quy-i-2023');
		// Reporting month 3/2023: F22 resolved on time (1 of 1); online F05 F12 F22 of 7; nothing rated.
		const r = ratesChart('vi', d);
		expect(r.values[11]).toEqual([1, 3 / 7, null]);
		expect(r.table.columns.map((c) => c.kind)).toEqual(['text', 'rate', 'rate', 'rate']);
	});

	it('names a month for an axis and in full', () => {
		expect(monthCategory(parsePeriodKey('r15-month-2023-2'), 'vi')).toEqual({ key: 'r15-month-2023-2', label: '2/2023', long: 'Tháng 2/2023 (15/1/2023 – 14/2/2023)' });
		expect(monthCategory(parsePeriodKey('c-month-2023-2'), 'en')).toEqual({ key: 'c-month-2023-2', label: '2/2023', long: 'Month 2/2023 (calendar) (1/2/2023 – 28/2/2023)' });
	});

	it('guesses the levels, then the period picker’s choices, as the next views at the province’s top', async () => {
		const d = await figures(Q1);
		const m = dashboardModel({ info, catalog }, d, null, Q1, href);
		const levels = ['province', 'district', 'commune'].map((level) => ({ ...Q1, drill: { level } }));
		expect(nextViews(d, Q1, m.ranking.rows)).toEqual(levels);
		const periods = ['r15-month-2023-3', 'r15-half-2022-2', 'r15-nine_months-2022-1', 'r15-year-2022-1', 'c-quarter-2023-1'];
		// Then the period picker's other spans and kind (prefetch.test.ts).
		expect(nextViews(d, Q1, m.ranking.rows, info)).toEqual([...levels, ...periods.map((period) => ({ ...Q1, period }))]);
		// A dossier list keeps to its way back up.
		expect(nextViews(d, { ...Q1, dossiers: true }, [], info)).toEqual([Q1]);
	});
});

describe('the view model below the province', () => {
	it('at D1: the path compared (20, 6, 6 dossiers), its fields ranked, a step of the path going back up', async () => {
		const d = await figures(D1);
		const m = dashboardModel({ info, catalog }, d, null, D1, href);
		expect(m.tiles[0].value).toBe('6');
		expect(m.compare.kind).toBe('path');
		expect(m.compare.title).toBe('So sánh với các cấp trên');
		expect(m.compare.groups).toEqual([
			{ key: 'province', label: 'Toàn tỉnh', long: 'Toàn tỉnh' },
			{ key: 'level', label: 'Cấp huyện', long: 'Cấp huyện' },
			{ key: 'agency', label: 'UBND Mộ Đức', long: 'Ủy ban nhân dân huyện Mộ Đức' }
		]);
		expect(m.compare.notes).toEqual(['20 hồ sơ', '6 hồ sơ', '6 hồ sơ']);
		expect(m.compare.current).toBe('agency');
		expect(compareTarget('path', D1, 'province')).toEqual({ ...Q1, drill: {} });
		expect(compareTarget('path', D1, 'level')).toEqual({ ...Q1, drill: { level: 'district' } });
		expect(m.ranking.title).toBe('Xếp hạng các lĩnh vực');
		expect(m.ranking.rows.map((r) => [r.label, r.href])).toEqual([['Đất đai', '/?period=r15-quarter-2023-1&level=district&agency=D1&field=%C4%90%E1%BA%A5t+%C4%91ai']]);
		// Next: the field one step down, then back up to the level and the province.
		expect(nextViews(d, D1, m.ranking.rows)).toEqual([
			{ ...D1, drill: { level: 'district', agency: 'D1', field: 'Đất đai' } },
			{ ...Q1, drill: { level: 'district' } },
			{ ...Q1, drill: {} }
		]);
	});

	it('a drill step the filter bar leaves out: the empty view and its two ways out', async () => {
		const view: ViewState = { ...Q1, drill: { level: 'district' }, filters: { ...NO_FILTERS, agencies: ['P1'] } };
		const m = dashboardModel({ info, catalog }, await figures(view), null, view, href);
		expect(m.empty).toEqual({ clearFilters: '/?period=r15-quarter-2023-1&level=district', province: '/?period=r15-quarter-2023-1&agencies=P1' });
	});

	it('the dossier list of D1, and its download: overdue F15 (103 days) and F10 (4 days) first', async () => {
		const view: ViewState = { ...Q1, drill: { level: 'district' }, dossiers: true };
		const list = await dossierPage(engine, view, info);
		const m = dashboardModel({ info, catalog }, await figures(view), list, view, href);
		expect(m.list?.map((r) => r.id)).toEqual(['F15', 'F10', 'F09', 'F07', 'F08', 'F14']);
		const { header, body } = dossiersTable(await viewDossiers(engine, view, info), catalog, 'vi');
		expect(header[0]).toBe('Mã hồ sơ');
		expect(body).toHaveLength(6);
		expect(body[0].slice(0, 6)).toEqual(['F15', 'Đang giải quyết, quá hạn', 103, 'Ủy ban nhân dân huyện Mộ Đức', '2.000001', 'Trực tiếp']);
		// F15 was due 1/12/2022 and is still open; an apology was issued.
		expect(body[0].slice(6)).toEqual(['2022-11-20 10:00:00', '2022-12-01 23:59:59', null, 'Có']);
		// F08 was resolved on time: no apology to speak of.
		expect(body[4][9]).toBe('');
		expect(dossiersFilename(parsePeriodKey('r15-quarter-2023-1'))).toBe('ho-so-quy-i-2023.csv');
	});
});

describe('what did not change keeps its identity', () => {
	it('a new sort redraws the ranking and the links that carry the sort, not the charts nor the other tiles', async () => {
		const d = await figures(Q1);
		const before = dashboardModel({ info, catalog }, d, null, Q1, href);
		const sorted = { ...Q1, sort: { metric: 'received' as const, descending: true } };
		const after = share(before, dashboardModel({ info, catalog }, await figures(sorted), null, sorted, href));
		expect(after).not.toBe(before);
		expect(after.volume).toBe(before.volume);
		expect(after.rates).toBe(before.rates);
		expect(after.compare).toBe(before.compare);
		// Five tiles rank by themselves whatever the sort; the overdue one opens the dossiers, sort kept.
		expect(after.tiles.slice(0, 5)).toEqual(before.tiles.slice(0, 5));
		after.tiles.slice(0, 5).forEach((tile, i) => expect(tile).toBe(before.tiles[i]));
		expect(after.tiles[5].href).toBe('/?period=r15-quarter-2023-1&view=dossiers&sort=-received');
		expect(after.tiles[5].changes).toBe(before.tiles[5].changes);
		expect(after.heading).toBe(before.heading);
		expect(after.ranking).not.toBe(before.ranking);
		// The rows themselves are the same objects, in another order.
		expect(new Set(after.ranking.rows.map((r) => r.counts))).toEqual(new Set(before.ranking.rows.map((r) => r.counts)));
		expect(after.ranking.rows.find((r) => r.key === 'P1')!.counts).toBe(before.ranking.rows.find((r) => r.key === 'P1')!.counts);
		expect(after.ranking.sort).toEqual({ metric: 'received', descending: true });
		// The same figures again: the very same model.
		expect(share(before, dashboardModel({ info, catalog }, d, null, Q1, href))).toBe(before);
	});
});

describe('the controller’s figures of a view', () => {
	it('are the dashboard’s, with a page of dossiers when the view lists them; two views with one address are one request', async () => {
		const [d, none] = await viewFigures(engine, { info }, Q1);
		expect(d.current.total).toEqual(QUARTER_1_2023_TOTAL);
		expect(none).toBeNull();
		const [, list] = await viewFigures(engine, { info }, { ...D1, dossiers: true });
		expect(list?.map((r) => r.id)).toEqual(['F15', 'F10', 'F09', 'F07', 'F08', 'F14']);
		expect(viewKey(D1)).toBe('period=r15-quarter-2023-1&level=district&agency=D1');
		expect(viewKey({ ...D1, drill: { ...D1.drill } })).toBe(viewKey(D1));
		expect(viewHref(DEFAULT_VIEW)).toMatch(/\/$/);
		expect(viewHref(D1)).toMatch(/\/\?period=r15-quarter-2023-1&level=district&agency=D1$/);
	});
});
