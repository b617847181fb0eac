/**
 * The report page without its route: the view model (report/model.ts) on the `report`
 * fixture, every printed figure, title line, annex number and file name written out by hand
 * from tests/fixtures/report/expected.ts; and the sequencing (report/page.svelte.ts
 * ReportFigures) through the query coordinator on native DuckDB: the form before its annex,
 * the annex in the `soon` lane and drawn after the form's frame, a superseded report's
 * queries dropped, the likely next reports' forms asked for in the `later` lane.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parsePeriodKey } from '../../src/lib/core/domain/periods';
import { loadCatalog, type Catalog } from '../../src/lib/core/engine/catalog';
import { Coordinator } from '../../src/lib/core/engine/coordinator';
import { NodeEngine } from '../../src/lib/core/engine/node';
import { datasetInfo, type DatasetInfo } from '../../src/lib/core/engine/source';
import type { Engine } from '../../src/lib/core/engine/types';
import { DEFAULT_REPORT, type ReportQuery } from '../../src/lib/report/address';
import type { AnnexGroup, Report } from '../../src/lib/report/data';
import { annexCsv, annexRows, annexView, cell, formCsv, formView, likelyNext, openAtFirst, reportKey, reportPeriod, toggled, workbookName, workbookTitle } from '../../src/lib/report/model';
import { ReportFigures, annexOf, formOf } from '../../src/lib/report/page.svelte';
import type { Session } from '../../src/lib/session/session';
import { BY_AGENCY, LATE_ANNEX, type ExpectedRow } from '../fixtures/report/expected';
import { openFixture } from './helpers';

const QUARTER: ReportQuery = { ...DEFAULT_REPORT, period: 'r15-quarter-2023-1' };
const ISSUED = '2023-04-02';

/** How the form prints a figure, written out here: 1.237; 66,7%; a dash for zero or nothing. */
function printed(v: number | null, rate: boolean): string {
	if (v === null) return '–';
	if (rate) return `${(v * 100).toFixed(1).replace('.', ',')}%`;
	return v === 0 ? '–' : String(v).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}
const printedRow = (e: ExpectedRow) => (e.figures ?? Array(14).fill(null)).map((v, i) => printed(v, i === 13));

let engine: NodeEngine;
let info: DatasetInfo;
let catalog: Catalog;
let report: Report;
let annex: AnnexGroup[];
beforeAll(async () => {
	engine = await openFixture('report');
	info = await datasetInfo(engine);
	catalog = await loadCatalog(engine);
	report = (await formOf(engine, { info, catalog }, QUARTER))!;
	annex = await annexOf(engine, { info, catalog }, QUARTER);
});
afterAll(() => engine.close());

describe('the report view model', () => {
	it('reads the period from the address, or takes the latest complete reporting quarter', () => {
		expect(info.dataAsOf).toBe('2023-03-31');
		expect(reportPeriod({ period: 'c-month-2023-2' }, info)).toMatchObject({ first: '2023-02-01', last: '2023-02-28' });
		// Quarter I 2023 (15/12/2022 – 14/3/2023) is the last one over by 31/3/2023.
		for (const period of [null, 'not-a-period']) expect(reportPeriod({ period }, info)).toMatchObject({ first: '2022-12-15', last: '2023-03-14' });
	});

	it('prints a figure as the form does: dots between thousands, a comma in rates, a dash for zero or nothing', () => {
		expect([cell(1237, 'count', 'vi'), cell(0, 'count', 'vi'), cell(null, 'count', 'vi'), cell(2 / 3, 'rate', 'vi'), cell(null, 'rate', 'vi')]).toEqual(['1.237', '–', '–', '66,7%', '–']);
		expect([cell(1237, 'count', 'en'), cell(2 / 3, 'rate', 'en')]).toEqual(['1,237', '66.7%']);
	});

	it('draws the quarter’s form with every figure printed, its title lines and no broken identity', () => {
		const view = formView(report, QUARTER, info, ISSUED, 'vi');
		expect(view.province).toBe('Tỉnh Fixture');
		expect(view.lines).toEqual([
			'Kỳ báo cáo: Quý I/2023, từ ngày 15/12/2022 đến ngày 14/3/2023',
			'Ngày lập: 2/4/2023 · Số liệu đến hết ngày 31/3/2023',
			'Theo đơn vị lúc tiếp nhận: Mỗi hồ sơ được tính cho đơn vị đã tiếp nhận nó, ở cấp của đơn vị đó, như biểu báo cáo yêu cầu cho kỳ đã qua.'
		]);
		expect(formView(report, { ...QUARTER, units: 'current' }, info, ISSUED, 'vi').lines[2]).toMatch(/^Theo đơn vị hiện nay: Hồ sơ của đơn vị đã sáp nhập/);
		expect(view.rows.map((r) => r.label)).toEqual(BY_AGENCY.map((e) => e.label));
		expect(view.rows.map((r) => r.number)).toEqual(['I', '1', '2', '3', 'II', '1', '2', 'III', '1', '2', '']);
		expect(view.rows.map((r) => r.kind)).toEqual(['level', 'item', 'item', 'item', 'level', 'item', 'item', 'level', 'item', 'item', 'total']);
		// The province's level and the total, written out.
		expect(view.rows[0].cells).toEqual(['9', '4', '5', '2', '7', '4', '1', '1', '2', '1', '4', '3', '1', '50,0%']);
		expect(view.rows.at(-1)!.cells).toEqual(['25', '11', '14', '4', '21', '14', '6', '3', '5', '3', '8', '5', '3', '64,3%']);
		// Sở Nội vụ has no dossier: dashes.
		expect(view.rows[1].cells).toEqual(Array(14).fill('–'));
		expect(view.rows.map((r) => r.cells)).toEqual(BY_AGENCY.map(printedRow));
		expect(view.broken).toBe(0);
		expect(view.layout.columns).toHaveLength(14);
	});

	it('gives each row a key that stays across reports of the same rows, and four more figures with the comparison', async () => {
		const compared = (await formOf(engine, { info, catalog }, { ...QUARTER, compare: true }))!;
		const a = formView(report, QUARTER, info, ISSUED, 'vi');
		const b = formView(compared, { ...QUARTER, compare: true }, info, ISSUED, 'vi');
		expect(new Set(a.rows.map((r) => r.id)).size).toBe(a.rows.length);
		expect(b.rows.map((r) => r.id)).toEqual(a.rows.map((r) => r.id));
		// Quarter IV 2022: Cấp tỉnh received 4, half on time; quarter I 2022 holds nothing.
		expect(b.rows[0].cells.slice(14)).toEqual(['4', '50,0%', '–', '–']);
		expect(b.layout.columns).toHaveLength(18);
	});

	it('numbers the annex through, agency by agency, and prints each dossier', () => {
		const view = annexView(annex, report, 'vi');
		expect(view.count).toBe(8);
		expect(view.long).toBe(false);
		expect(view.help).toBe('8 hồ sơ đã giải quyết quá hạn trong kỳ hoặc còn quá hạn vào cuối ngày 14/3/2023. Trong mỗi cơ quan: hồ sơ đang quá hạn trước, rồi theo số ngày trễ giảm dần.');
		expect(view.agencies.map((a) => [a.heading, a.counts, a.before])).toEqual([
			['Sở TN&MT (1)', '1 đang quá hạn · 0 giải quyết quá hạn', 0],
			['Sở Tư pháp (2)', '0 đang quá hạn · 2 giải quyết quá hạn', 1],
			['UBND huyện Đức Phổ (1)', '0 đang quá hạn · 1 giải quyết quá hạn', 3],
			['UBND huyện Mộ Đức (2)', '1 đang quá hạn · 1 giải quyết quá hạn', 4],
			['UBND xã Đức Lân (1)', '0 đang quá hạn · 1 giải quyết quá hạn', 6],
			['UBND xã Phổ An (1)', '1 đang quá hạn · 0 giải quyết quá hạn', 7]
		]);
		const lines = view.agencies.flatMap((a) => annexRows(a, catalog, 'vi'));
		expect(lines.map((d) => [d.number, d.id, d.procedure, d.due, d.status, d.daysLate, d.apology])).toEqual(
			LATE_ANNEX.map((d, i) => [String(i + 1), d.id, d.procedure, d.due, d.overdue ? 'Đang quá hạn' : 'Giải quyết quá hạn', String(d.daysLate), d.apology ? 'Có' : 'Không'])
		);
		expect(lines[1].procedureName).toBe(catalog.procedures.get('1.000001')!.name);
	});

	it('opens a short annex whole and a long one agency by agency; a click folds or opens one', () => {
		expect([...openAtFirst(annex)]).toEqual(['P2', 'P1', 'D2', 'D1', 'C1', 'C2']);
		const long: AnnexGroup[] = [{ ...annex[0], dossiers: Array.from({ length: 201 }, (_, i) => ({ ...annex[0].dossiers[0], id: `X${i}` })) }];
		expect(openAtFirst(long).size).toBe(0);
		expect(annexView(long, report, 'vi').long).toBe(true);
		expect([...toggled(new Set(['P1', 'P2']), 'P1')]).toEqual(['P2']);
		expect([...toggled(new Set(['P2']), 'P1')]).toEqual(['P2', 'P1']);
	});

	it('writes the form and the annex as CSV, and names the files after the period', () => {
		const view = formView(report, QUARTER, info, ISSUED, 'vi');
		const form = formCsv(report, view.layout, false);
		expect(form.name).toBe('bieu-06-quy-i-2023.csv');
		const lines = form.text.slice(1).trimEnd().split('\r\n');
		expect(lines[0].split(',').slice(0, 3)).toEqual(['STT', 'Tên cơ quan', 'Số hồ sơ tiếp nhận: Tổng số']);
		expect(lines[0].split(',').at(-1)).toBe('Tỷ lệ đúng hạn (%)');
		expect(lines[1]).toBe('I,Cấp tỉnh,9,4,5,2,7,4,1,1,2,1,4,3,1,50');
		expect(lines[2]).toBe('1,Sở Nội vụ,,,,,,,,,,,,,,');
		const file = annexCsv(report, annex, 'vi');
		expect(file.name).toBe('phu-luc-ho-so-tre-han-quy-i-2023.csv');
		expect(file.text.slice(1).split('\r\n')[1]).toBe('1,Sở TN&MT,R09,1.000010,3/2/2023 17:00,Đang quá hạn,39,Có');
		expect(workbookName(report)).toBe('bieu-06-quy-i-2023.xlsx');
		expect(workbookTitle(report, info, ISSUED, 'en', true)).toEqual({
			province: 'Province Fixture',
			lines: ['Reporting period: Quarter I 2023, from 15/12/2022 to 14/3/2023', expect.stringContaining('31/3/2023'), expect.stringMatching(/^By the units as they were: /)],
			locale: 'en',
			compare: true
		});
	});

	it('guesses the next report: the year holding the period (the last complete one), then the period before; nothing for a custom range', () => {
		// Reporting year 2023 (15/12/2022 – 14/12/2023) is not over on 31/3/2023: the one before.
		expect(likelyNext(QUARTER, info).map((q) => q.period)).toEqual(['r15-year-2022-1', 'r15-quarter-2022-4']);
		expect(likelyNext({ ...QUARTER, period: 'c-month-2022-6', compare: true }, info)).toEqual([
			{ ...QUARTER, period: 'c-year-2022-1', compare: true },
			{ ...QUARTER, period: 'c-month-2022-5', compare: true }
		]);
		expect(likelyNext({ ...QUARTER, period: 'r15-year-2022-1' }, info).map((q) => q.period)).toEqual(['r15-year-2021-1']);
		expect(likelyNext({ ...QUARTER, period: '2023-01-01_2023-01-31' }, info)).toEqual([]);
		expect(parsePeriodKey('r15-year-2022-1')).toMatchObject({ first: '2021-12-15', last: '2022-12-14' });
	});
});

describe('the report page’s sequencing', () => {
	/** Every statement the engine received, in order. */
	const sent: string[] = [];
	/** The lane of every querier handed out, in order. */
	const lanes: string[] = [];
	/** A session over the fixture whose engine starts when the test says so: queries asked meanwhile wait in their lanes. */
	function session(): { s: Session; start: () => void } {
		let start!: () => void;
		const counting: Engine = { query: (sql) => (sent.push(sql), engine.query(sql)), close: async () => {} } as Engine;
		const db = new Coordinator(new Promise<Engine>((resolve) => (start = () => resolve(counting))));
		const lane = db.lane.bind(db);
		db.lane = (priority, owner) => (lanes.push(priority), lane(priority, owner));
		return { s: { db, info, catalog, base: 'sample', siteAsOf: null, saved: null }, start };
	}
	/** Frames drawn when the test says so. */
	function frames() {
		const waiting: (() => void)[] = [];
		const next = async () => {
			while (waiting.length === 0) await tick();
		};
		return { afterFrame: (f: () => void) => waiting.push(f), draw: () => waiting.splice(0).forEach((f) => f()), next };
	}
	const isForm = (sql: string) => sql.includes('period_counts') || sql.includes('period_level_counts');
	const isAnnex = (sql: string) => sql.includes('late_dossiers');
	const kinds = () => sent.map((q) => (isForm(q) ? 'form' : isAnnex(q) ? 'annex' : q));
	const tick = () => new Promise((r) => setTimeout(r, 0));

	it('asks for the form in the now lane, then, once the form is drawn, for its annex in the soon lane', async () => {
		const { s, start } = session();
		const f = frames();
		const figures = new ReportFigures(f.afterFrame, 60_000);
		sent.length = 0;
		lanes.length = 0;
		const done = figures.show(s, QUARTER);
		start();
		await f.next();
		// The form is on screen; nothing more is asked until the frame that shows it is drawn.
		expect(figures.shownKey).toBe(reportKey(QUARTER));
		expect(figures.form.data!.rows.map((r) => r.label)).toEqual(BY_AGENCY.map((e) => e.label));
		expect(kinds()).toEqual(['form']);
		expect(figures.annex).toBeNull();
		f.draw();
		await done;
		expect(kinds()).toEqual(['form', 'annex']);
		expect(lanes).toEqual(['now', 'soon']);
		expect(figures.annex!.key).toBe(reportKey(QUARTER));
		expect(figures.annex!.groups.flatMap((g) => g.dossiers.map((d) => d.id))).toEqual(LATE_ANNEX.map((d) => d.id));
		expect([...figures.open]).toEqual(['P2', 'P1', 'D2', 'D1', 'C1', 'C2']);
		// The files take the annex on screen: nothing more is asked.
		sent.length = 0;
		expect(await figures.annexFor(s, QUARTER)).toBe(figures.annex!.groups);
		expect(sent).toEqual([]);
		figures.stopPrefetching(s);
	});

	it('drops a superseded report’s queries, draws only the newest report, and asks once for one asked twice', async () => {
		const { s, start } = session();
		const f = frames();
		const figures = new ReportFigures(f.afterFrame, 60_000);
		sent.length = 0;
		const old = figures.show(s, QUARTER);
		const month = { ...QUARTER, period: 'r15-month-2023-3' };
		const newest = figures.show(s, month);
		// Asked again as the navigation ends: the same request.
		expect(figures.show(s, { ...month })).toBe(newest);
		start();
		await old;
		await f.next();
		f.draw();
		await newest;
		// The month's form and annex; the quarter's form never reached the engine.
		expect(kinds()).toEqual(['form', 'annex']);
		expect(sent[0]).toContain("d.period IN ('r15-month-2023-3')");
		expect(figures.shownKey).toBe(reportKey(month));
		expect(figures.annex!.key).toBe(reportKey(month));
		figures.stopPrefetching(s);
	});

	it('does not draw an annex under a newer form, and keeps the old one (hidden) until the new one is drawn', async () => {
		const { s, start } = session();
		const f = frames();
		const figures = new ReportFigures(f.afterFrame, 60_000);
		start();
		const first = figures.show(s, QUARTER);
		await f.next();
		f.draw();
		await first;
		const district = { ...QUARTER, levels: ['district' as const] };
		const second = figures.show(s, district);
		await f.next();
		// The new form is on screen, the old annex still held (the page hides it), the new one a frame away.
		expect(figures.shownKey).toBe(reportKey(district));
		expect(figures.annex!.key).toBe(reportKey(QUARTER));
		// A newer report asked for before that frame: the district's annex is never asked for.
		sent.length = 0;
		const third = figures.show(s, QUARTER);
		f.draw();
		await second;
		expect(kinds()).not.toContain('annex');
		await f.next();
		f.draw();
		await third;
		expect(figures.annex!.key).toBe(reportKey(QUARTER));
		const fourth = figures.show(s, district);
		await f.next();
		f.draw();
		await fourth;
		expect(figures.annex!.groups.map((g) => g.label)).toEqual(['UBND huyện Đức Phổ', 'UBND huyện Mộ Đức']);
		figures.stopPrefetching(s);
	});

	it('asks for the likely next forms in the later lane once a report is drawn, so that the year’s form is drawn without asking the engine', async () => {
		const { s, start } = session();
		const f = frames();
		const figures = new ReportFigures(f.afterFrame, 0);
		start();
		const first = figures.show(s, QUARTER);
		await f.next();
		f.draw();
		await first;
		sent.length = 0;
		lanes.length = 0;
		while (sent.length < 2) await tick();
		await s.db.query(sent[1]); // the last guess has been answered
		expect(kinds()).toEqual(['form', 'form']);
		expect(lanes).toEqual(['later', 'later']);
		expect(sent[0]).toContain("d.period IN ('r15-year-2022-1')");
		expect(sent[1]).toContain("d.period IN ('r15-quarter-2022-4')");
		sent.length = 0;
		const year = { ...QUARTER, period: 'r15-year-2022-1' };
		figures.show(s, year);
		await f.next();
		// The year's form is on screen before the engine was asked anything.
		expect(figures.shownKey).toBe(reportKey(year));
		expect(sent).toEqual([]);
		f.draw();
		await figures.show(s, year);
		expect(kinds()).toEqual(['annex']);
		figures.stopPrefetching(s);
	});

	it('stops guessing when another report is asked for: the guesses not yet sent are dropped', async () => {
		const { s, start } = session();
		const figures = new ReportFigures((f) => f(), 0);
		start();
		await figures.show(s, QUARTER);
		sent.length = 0;
		while (sent.length < 1) await tick();
		const month = { ...QUARTER, period: 'r15-month-2023-3' };
		await figures.show(s, month);
		figures.stopPrefetching(s);
		await new Promise((r) => setTimeout(r, 50));
		// The year's form was on its way; the rest of the plan was not asked for.
		expect(kinds()).toEqual(['form', 'form', 'annex']);
		expect(sent[1]).toContain("d.period IN ('r15-month-2023-3')");
	});

	it('shows no form and lists nothing when no level is chosen', async () => {
		const { s, start } = session();
		const figures = new ReportFigures((f) => f(), 60_000);
		start();
		sent.length = 0;
		const none = { ...QUARTER, levels: [] };
		await figures.show(s, none);
		expect(figures.shownKey).toBe(reportKey(none));
		expect(figures.form.data).toBeNull();
		expect(figures.annex!.groups).toEqual([]);
		expect(sent).toEqual([]);
		figures.stopPrefetching(s);
	});
});
