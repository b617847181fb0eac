/**
 * The dashboard's due-soon warning (dashboard/dashboard.ts, model.ts) on the `duesoon`
 * fixture through native DuckDB, against tests/fixtures/duesoon/expected.ts: the tile, the
 * ranking's column, the list narrowed to them and its CSV; and the wall's scene.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog, type Catalog } from '../../src/lib/core/engine/catalog';
import type { NodeEngine } from '../../src/lib/core/engine/node';
import { datasetInfo, type DatasetInfo } from '../../src/lib/core/engine/source';
import { dashboardData, dossierPage, viewDossiers } from '../../src/lib/dashboard/dashboard';
import { dashboardModel, dossiersFilename, dueSoonTable } from '../../src/lib/dashboard/model';
import { DEFAULT_VIEW, serializeView, type ViewState } from '../../src/lib/dashboard/view';
import { parsePeriodKey } from '../../src/lib/core/domain/periods';
import { aggregatesSql, standardPeriods } from '../../src/lib/core/domain/aggregates';
import { AS_OF, AT_AS_OF_N2, AT_AS_OF_N3, AT_MONTH_END_N2 } from '../fixtures/duesoon/expected';
import { openFixture } from './helpers';
import { wallFigures } from '../../src/lib/wall/figures';
import { periodLine } from '../../src/lib/wall/frame';
import { DEFAULT_WALL, parseWall } from '../../src/lib/wall/settings';

let engine: NodeEngine;
let info: DatasetInfo;
let catalog: Catalog;
beforeAll(async () => {
	engine = await openFixture('duesoon', AS_OF);
	info = await datasetInfo(engine);
	catalog = await loadCatalog(engine);
});
afterAll(() => engine.close());

/** March 2023 runs past the data's last day (30/3): due soon is judged at the end of 30/3. */
const MARCH: ViewState = { ...DEFAULT_VIEW, period: 'c-month-2023-3' };
const href = (v: ViewState) => `/?${serializeView(v)}`;
const model = async (v: ViewState, i: DatasetInfo = info) => dashboardModel({ info: i, catalog }, await dashboardData(engine, v, i), v.dossiers ? await dossierPage(engine, v, i) : null, v, href);

describe('the due-soon tile', () => {
	it('counts the current period at the data’s last day, overdue beside, and opens the list of them', async () => {
		const m = await model(MARCH);
		expect(m.dueSoon).toMatchObject({
			label: 'Sắp đến hạn',
			value: String(AT_AS_OF_N2.total.due_soon),
			raw: 7,
			overdue: `Đang quá hạn: ${AT_AS_OF_N2.total.overdue}`,
			window: 'Hạn trả đến hết 4/4/2023 (2 ngày làm việc sau 30/3/2023)',
			noHolidays: null,
			href: '/?period=c-month-2023-3&view=dossiers&outcome=due_soon'
		});
		expect(m.dueSoon.definition).toContain('ngày làm việc thứ 2');
		expect(m.dueSoon.setting.choices.map((c) => [c.n, c.current, c.href])).toEqual([
			[1, false, '/?period=c-month-2023-3&soon=1'],
			[2, true, '/?period=c-month-2023-3'],
			[3, false, '/?period=c-month-2023-3&soon=3'],
			[5, false, '/?period=c-month-2023-3&soon=5']
		]);
	});

	it('follows the setting N, and judges a past period at its last day', async () => {
		expect((await model({ ...MARCH, soon: 3 })).dueSoon.raw).toBe(AT_AS_OF_N3.total.due_soon);
		// The default view: reporting quarter I 2023 (15/12/2022 – 14/3/2023), judged at the end of 14/3.
		const q = await model(DEFAULT_VIEW);
		expect([q.dueSoon.raw, q.dueSoon.overdue]).toEqual([AT_MONTH_END_N2.total.due_soon, `Đang quá hạn: ${AT_MONTH_END_N2.total.overdue}`]);
		expect(q.dueSoon.window).toBe('Hạn trả đến hết 16/3/2023 (2 ngày làm việc sau 14/3/2023)');
	});

	it('says when the database has no holiday calendar', async () => {
		// A database written without a calendar: its due-soon counts kept with none either, as every writer keeps them with the calendar it writes.
		const rewrite = async () => {
			const info = await datasetInfo(engine);
			await engine.run(aggregatesSql(standardPeriods(info.dataFrom, AS_OF, info.cutoffDay), { dataAsOf: AS_OF, holidays: info.holidays }));
		};
		await engine.run('CREATE TEMP TABLE kept AS SELECT * FROM holidays; DELETE FROM holidays');
		await rewrite();
		try {
			// The session reads the calendar with the dataset's description.
			const m = await model(MARCH, await datasetInfo(engine));
			expect(m.dueSoon.noHolidays).toBe('Chưa có lịch nghỉ lễ: chỉ trừ thứ Bảy, Chủ nhật.');
			expect(m.dueSoon.raw).toBe(5); // WEEKENDS_ONLY_N2
		} finally {
			await engine.run('INSERT INTO holidays SELECT * FROM kept; DROP TABLE kept');
			await rewrite();
		}
	});
});

describe('the ranking’s column', () => {
	it('gives each agency its dossiers due soon, and sorts by them, most first', async () => {
		const m = await model({ ...MARCH, sort: { metric: 'due_soon', descending: true } });
		expect(m.ranking.rows.map((r) => [r.key, r.dueSoon])).toEqual([
			['P1', AT_AS_OF_N2.byAgency.P1.due_soon],
			['C1', AT_AS_OF_N2.byAgency.C1.due_soon]
		]);
		expect(m.ranking.sortHrefs.due_soon).toBe('/?period=c-month-2023-3&sort=due_soon');
	});
});

describe('the list of the dossiers due soon', () => {
	const LIST: ViewState = { ...MARCH, dossiers: true, dueSoonOnly: true };
	it('lists them soonest first with their working days left, titled and summed up', async () => {
		const m = await model(LIST);
		expect(m.list!.map((r) => ({ id: r.id, left: r.working_days_left }))).toEqual(AT_AS_OF_N2.list);
		expect(m.listDueSoon).toEqual({
			title: 'Hồ sơ sắp đến hạn',
			summary: '7 hồ sơ đang giải quyết có hạn trả đến hết ngày 4/4/2023 (2 ngày làm việc sau ngày 30/3/2023), hạn sớm nhất trước.',
			wholeHref: '/?period=c-month-2023-3&view=dossiers'
		});
		expect((await model({ ...MARCH, dossiers: true })).listDueSoon).toBeNull();
	});

	it('exports an agency’s as the CSV it acts on, with Vietnamese headers', async () => {
		const rows = await viewDossiers(engine, { ...LIST, drill: { level: 'commune', agency: 'C1' } }, info);
		const { header, body } = dueSoonTable(rows, catalog, 'vi');
		expect(header).toEqual(['Mã hồ sơ', 'Thủ tục', 'Ngày tiếp nhận', 'Hạn trả', 'Số ngày làm việc còn lại', 'Cơ quan']);
		// C1's: S06 (due 30/3, 0 left), S09 (31/3, 1), S15 (4/4 17:00, 2).
		expect(body).toEqual([
			['S06', '3.000001 · Đăng ký khai sinh', '2023-03-23 09:00:00', '2023-03-30 23:59:59', 0, 'Ủy ban nhân dân xã Đức Lân'],
			['S09', '3.000001 · Đăng ký khai sinh', '2023-03-24 09:00:00', '2023-03-31 23:59:59', 1, 'Ủy ban nhân dân xã Đức Lân'],
			['S15', '3.000001 · Đăng ký khai sinh', '2023-03-30 14:00:00', '2023-04-04 17:00:00', 2, 'Ủy ban nhân dân xã Đức Lân']
		]);
		expect(dossiersFilename(parsePeriodKey('c-month-2023-3'), AS_OF)).toBe('ho-so-sap-den-han-2023-03-30.csv');
	});
});

describe('the wall’s due-soon scene', () => {
	it('names the units with most dossiers due soon at the end of the data’s last day, overdue beside', async () => {
		expect(info.holidays).toEqual(['2023-01-02', '2023-04-03']);
		const f = await wallFigures(engine, DEFAULT_WALL);
		expect(f.dueSoonNow.window).toEqual({ reference: AS_OF, days: ['2023-03-31', '2023-04-04'], holidaysKnown: true });
		expect([f.dueSoonNow.total, f.dueSoonNow.overdue]).toEqual([AT_AS_OF_N2.total.due_soon, AT_AS_OF_N2.total.overdue]);
		expect(f.dueSoonNow.rows).toEqual([
			{ key: 'P1', name: 'Sở Tư pháp', dueSoon: 4, overdue: 1 },
			{ key: 'C1', name: 'UBND Xã Đức Lân', dueSoon: 3, overdue: 3 }
		]);
		expect(periodLine(f, 'duesoon', 'vi')).toBe('Lúc hết ngày 30/3/2023 · Theo đơn vị lúc tiếp nhận');
	});

	it('takes N from its address, as the dashboard does', async () => {
		expect(parseWall(new URLSearchParams('soon=3')).soon).toBe(3);
		expect(parseWall(new URLSearchParams('soon=abc')).soon).toBe(2);
		expect((await wallFigures(engine, { ...DEFAULT_WALL, soon: 3 })).dueSoonNow.total).toBe(AT_AS_OF_N3.total.due_soon);
	});
});
