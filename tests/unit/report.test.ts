/**
 * The report form (Biểu 06) on native DuckDB: the `report` fixture's form, comparison and
 * annex equal the figures worked out by hand (tests/fixtures/report/expected.ts), and on the
 * sample province every row of every quarter's report keeps the form's identities.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addCounts, type Counts } from '../../src/lib/core/domain/metrics';
import { parsePeriodKey, periodsCovering } from '../../src/lib/core/domain/periods';
import { LEVELS } from '../../src/lib/core/domain/types';
import { loadCatalog } from '../../src/lib/core/engine/catalog';
import { aggregatedPeriods } from '../../src/lib/core/engine/metrics';
import { NodeEngine } from '../../src/lib/core/engine/node';
import { formatMoment } from '../../src/lib/core/format/format';
import { LEVEL_NAMES } from '../../src/lib/core/i18n/messages';
import { reportAnnex, reportData, type ReportOptions } from '../../src/lib/report/data';
import { FORM_COLUMNS, brokenIdentities, formValue, type FormRow } from '../../src/lib/report/form';
import { reportLayout } from '../../src/lib/report/table';
import { generateSample } from '../../scripts/generate';
import { BY_AGENCY, BY_FIELD, LATE_ANNEX, PREVIOUS_BY_AGENCY } from '../fixtures/report/expected';
import { openFixture } from './helpers';

const names = { level: (l: keyof (typeof LEVEL_NAMES)['vi'] | null) => (l ? LEVEL_NAMES.vi[l] : 'Không xác định'), unknown: 'Không xác định', total: 'Tổng cộng' };
const figures = (r: FormRow) => (r.counts ? FORM_COLUMNS.map((c) => formValue(c.id, r.counts!)) : null);

describe('the report form on the report fixture', () => {
	let engine: NodeEngine;
	beforeAll(async () => (engine = await openFixture('report')));
	afterAll(() => engine.close());

	const quarter: Omit<ReportOptions, 'grouping'> = { period: parsePeriodKey('r15-quarter-2023-1'), levels: LEVELS, compare: true };
	// Both paths: counted from the dossiers, and summed from the pre-aggregated counts.
	for (const path of ['dossiers', 'aggregates'] as const) {
		it(`by agency equals the form worked out by hand (from the ${path})`, async () => {
			const held = path === 'aggregates' ? await aggregatedPeriods(engine) : new Set<string>();
			expect(held.has('r15-quarter-2023-1')).toBe(path === 'aggregates');
			const r = await reportData(engine, { ...quarter, grouping: 'agency' }, held, await loadCatalog(engine), names);
			expect(r.rows.map((row) => ({ label: row.label, figures: figures(row) }))).toEqual(BY_AGENCY);
			expect(r.rows.map((row) => row.number)).toEqual(['I', '1', '2', '3', 'II', '1', '2', 'III', '1', '2', '']);
		});
	}

	it('names its columns in the words of Biểu 06 (Thông tư 01/2020/TT-VPCP), which leaders sign', async () => {
		const r = await reportData(engine, { ...quarter, grouping: 'agency' }, await aggregatedPeriods(engine), await loadCatalog(engine), names);
		const { columns } = reportLayout(r, 'agency', false, 'vi');
		// The form's own words; "Mới tiếp nhận" and "Rút hồ sơ" are the seeds' additions, the rate the dashboard's.
		expect(columns.map((c) => c.long)).toEqual([
			'Số hồ sơ tiếp nhận: Tổng số',
			'Số hồ sơ tiếp nhận: Trực tuyến',
			'Số hồ sơ tiếp nhận: Trực tiếp, dịch vụ bưu chính',
			'Số hồ sơ tiếp nhận: Kỳ trước chuyển qua',
			'Số hồ sơ tiếp nhận: Mới tiếp nhận',
			'Số hồ sơ đã giải quyết: Tổng số',
			'Số hồ sơ đã giải quyết: Trước hạn',
			'Số hồ sơ đã giải quyết: Đúng hạn',
			'Số hồ sơ đã giải quyết: Quá hạn',
			'Rút hồ sơ',
			'Số hồ sơ đang giải quyết: Tổng số',
			'Số hồ sơ đang giải quyết: Trong hạn',
			'Số hồ sơ đang giải quyết: Quá hạn',
			'Tỷ lệ đúng hạn'
		]);
	});

	it('by field within each level equals the form worked out by hand', async () => {
		const r = await reportData(engine, { ...quarter, grouping: 'field' }, await aggregatedPeriods(engine), await loadCatalog(engine), names);
		expect(r.rows.map((row) => ({ label: row.label, figures: figures(row) }))).toEqual(BY_FIELD);
	});

	it('compares with the previous quarter, and shows dashes for a year before the data', async () => {
		const r = await reportData(engine, { ...quarter, grouping: 'agency' }, await aggregatedPeriods(engine), await loadCatalog(engine), names);
		const previous = Object.fromEntries(r.rows.map((row) => [row.label, row.previous ? { received: row.previous.received, onTimeRate: formValue('on_time_rate', row.previous) } : null]));
		expect(previous).toEqual(PREVIOUS_BY_AGENCY);
		expect(r.rows.every((row) => row.lastYear === null)).toBe(true);
	});

	it('lists the late and overdue dossiers by agency, overdue first, from the ever-late copy as from every dossier', async () => {
		const catalog = await loadCatalog(engine);
		const aggregated = await aggregatedPeriods(engine);
		expect(aggregated.size).toBeGreaterThan(0); // the fixture is pre-aggregated: the ever-late copy is read
		for (const from of [aggregated, new Set<string>()]) {
			const groups = await reportAnnex(engine, quarter, from, catalog, names);
			const annex = groups.flatMap((g) =>
				g.dossiers.map((d) => ({ agency: g.label, id: d.id, procedure: d.procedure_code, due: formatMoment(d.due_at), daysLate: d.days_late, overdue: d.outcome === 'overdue', apology: d.apology_issued }))
			);
			expect(annex).toEqual(LATE_ANNEX);
		}
	});

	it('shows only the chosen levels, and no comparison unless asked', async () => {
		const r = await reportData(engine, { ...quarter, levels: ['district'], compare: false, grouping: 'agency' }, await aggregatedPeriods(engine), await loadCatalog(engine), names);
		expect(r.rows.map((row) => row.label)).toEqual(['Cấp huyện', 'UBND huyện Đức Phổ', 'UBND huyện Mộ Đức', 'Tổng cộng']);
		expect(figures(r.rows.at(-1)!)).toEqual(BY_AGENCY.find((e) => e.label === 'Cấp huyện')!.figures);
		expect(r.rows.every((row) => row.previous === undefined)).toBe(true);
		expect((await reportAnnex(engine, { ...quarter, levels: ['district'] }, await aggregatedPeriods(engine), await loadCatalog(engine), names)).map((g) => g.label)).toEqual(['UBND huyện Đức Phổ', 'UBND huyện Mộ Đức']);
	});
});

describe("the form's identities", () => {
	it('name each identity a row breaks, and none of a sound row', () => {
		// By hand: 10 received = 6 resolved + 1 withdrawn + 3 in progress = 4 new + 6 carried = 7 online + 2 in person + 1 postal;
		// 6 resolved = 2 early + 3 on time + 1 late; 3 in progress = 2 not yet due + 1 overdue.
		const sound: Counts = {
			...addCounts([]),
			received: 10,
			new: 4,
			carried: 6,
			resolved: 6,
			early: 2,
			on_time: 3,
			late: 1,
			withdrawn: 1,
			in_progress: 3,
			not_yet_due: 2,
			overdue: 1,
			online: 7,
			online_partial: 4,
			online_full: 3,
			in_person: 2,
			postal: 1
		};
		expect(brokenIdentities(sound)).toEqual([]);
		expect(brokenIdentities({ ...sound, late: 2 })).toEqual(['resolved = early + on time + late']);
		expect(brokenIdentities({ ...sound, overdue: 2 })).toEqual(['in progress = not yet due + overdue']);
		expect(brokenIdentities({ ...sound, postal: 2 })).toEqual(['received = online + in person and postal']);
		expect(brokenIdentities({ ...sound, carried: 5 })).toEqual(['received = new + carried']);
		expect(brokenIdentities({ ...sound, withdrawn: 0 })).toEqual(['received = resolved + withdrawn + in progress']);
	});
});

describe('the report form on the sample province', () => {
	let dir: string;
	let engine: NodeEngine;
	beforeAll(async () => {
		dir = mkdtempSync(join(tmpdir(), 'report-'));
		await generateSample({ size: 20_000, end: '2026-11-20', out: dir });
		engine = await NodeEngine.open(join(dir, 'province.duckdb'), { access_mode: 'READ_ONLY' });
	});
	afterAll(async () => {
		await engine?.close();
		rmSync(dir, { recursive: true, force: true });
	});

	it('keeps every identity in every row of every reporting quarter, and its subtotals add up', async () => {
		const catalog = await loadCatalog(engine);
		const held = await aggregatedPeriods(engine);
		const quarters = periodsCovering('2022-01-01', '2026-09-14', 'reporting', 'quarter', 15);
		expect(quarters.length).toBe(19);
		let checked = 0;
		for (const period of quarters) {
			for (const grouping of ['agency', 'field'] as const) {
				const { rows } = await reportData(engine, { period, levels: LEVELS, grouping, compare: false }, held, catalog, names);
				for (const row of rows) {
					if (!row.counts) continue;
					expect(brokenIdentities(row.counts), `${row.label}, ${period.first} – ${period.last}`).toEqual([]);
					checked++;
				}
				const levels = rows.filter((r) => r.kind === 'level');
				const sum = (rs: FormRow[]) => addCounts(rs.map((r) => r.counts).filter((c): c is Counts => c !== null));
				expect(sum(levels), `levels add up to the total, ${period.first}`).toEqual(rows.at(-1)!.counts);
				for (const level of levels) expect(sum(rows.filter((r) => r.kind === 'item' && r.level === level.level))).toEqual(level.counts ?? sum([]));
			}
		}
		expect(checked).toBeGreaterThan(1000);
	});
});
