/**
 * The sample province: deterministic, every identity holds for every agency in every
 * reporting period, and its aggregates match the calibration drawn from the seed reports.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rate } from '../../src/lib/core/domain/metrics';
import { period, periodsCovering, type Period } from '../../src/lib/core/domain/periods';
import { queryMetrics } from '../../src/lib/core/engine/metrics';
import { NodeEngine } from '../../src/lib/core/engine/node';
import { generateSample } from '../../scripts/generate';

const END = '2026-11-20';
const SIZE = 60_000;
let dir: string;
let engine: NodeEngine;

beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), 'sample-'));
	await generateSample({ size: SIZE, end: END, out: dir });
	engine = await NodeEngine.open(join(dir, 'province.duckdb'), { access_mode: 'READ_ONLY' });
});
afterAll(async () => {
	await engine?.close();
	rmSync(dir, { recursive: true, force: true });
});

const year = (y: number) => period({ kind: 'calendar', span: 'year', year: y, index: 1 });

describe('the sample province', () => {
	it('has exactly the requested number of dossiers, from 1/1/2022 to the end day, that pass the schema', async () => {
		const [r] = await engine.query<{ n: number; ids: number; first: string; last: string; bad: number }>(`
			SELECT count(*)::DOUBLE AS n, count(DISTINCT id)::DOUBLE AS ids,
			       min(received_at)::DATE::VARCHAR AS first, max(received_at)::DATE::VARCHAR AS last,
			       count_if(agency_id NOT IN (SELECT id FROM agencies) OR procedure_code NOT IN (SELECT code FROM procedures))::DOUBLE AS bad
			FROM dossiers`);
		expect(r).toEqual({ n: SIZE, ids: SIZE, first: '2022-01-01', last: END, bad: 0 });
	});

	it('keeps the settings’ holidays, a row a day, each named', async () => {
		// 29 ranges in data/sample/settings.json, 125 days in all; 2/9/2025 is Quốc khánh (30/8–2/9).
		const [r] = await engine.query<{ n: number; first: string; qk: string }>(`SELECT count(*)::INTEGER AS n, min(day)::VARCHAR AS first, (SELECT name FROM holidays WHERE day = DATE '2025-09-02') AS qk FROM holidays`);
		expect(r).toEqual({ n: 125, first: '2022-01-01', qk: 'Quốc khánh' });
	});

	it('is the same, dossier for dossier, when generated again with the same seed', async () => {
		const again = mkdtempSync(join(tmpdir(), 'sample-'));
		try {
			await generateSample({ size: 5000, end: '2023-06-30', out: again });
			const first = await NodeEngine.open(join(again, 'province.duckdb'), { access_mode: 'READ_ONLY' });
			const digest = async (e: NodeEngine) =>
				createHash('sha256')
					.update(JSON.stringify(await e.query('SELECT * FROM dossiers ORDER BY id')))
					.digest('hex');
			const a = await digest(first);
			await first.close();
			await generateSample({ size: 5000, end: '2023-06-30', out: join(again, 'b') });
			const second = await NodeEngine.open(join(again, 'b', 'province.duckdb'), { access_mode: 'READ_ONLY' });
			expect(await digest(second)).toBe(a);
			await second.close();
		} finally {
			rmSync(again, { recursive: true, force: true });
		}
	});

	it('satisfies every identity for every agency in every reporting month, quarter and year', async () => {
		const periods: Period[] = [...periodsCovering('2022-01-01', END, 'reporting', 'month'), ...periodsCovering('2022-01-01', END, 'reporting', 'quarter'), ...periodsCovering('2022-01-01', END, 'reporting', 'year')];
		const rows = await queryMetrics(engine, { periods, groupBy: ['agency'] });
		expect(new Set(rows.map((r) => r.period)).size).toBe(periods.length);
		let checked = 0;
		for (const { counts: c } of rows) {
			expect(c.received).toBe(c.resolved + c.withdrawn + c.in_progress);
			expect(c.received).toBe(c.new + c.carried);
			expect(c.resolved).toBe(c.early + c.on_time + c.late);
			expect(c.in_progress).toBe(c.not_yet_due + c.overdue);
			checked += 1;
		}
		expect(checked).toBeGreaterThan(5000);
	});

	it('matches the calibration of the seeds (2022–2024, before the reorganisation)', async () => {
		const years = [year(2022), year(2023), year(2024)];
		const byLevel = await queryMetrics(engine, { periods: years, groupBy: ['level'] });
		// Each year holds the three levels (districts existed until 30/6/2025): none escapes its bounds below by being absent.
		expect(byLevel.map((r) => `${r.period.slice(7, 11)} ${r.keys.level}`).sort()).toEqual(['2022', '2023', '2024'].flatMap((y) => [`${y} commune`, `${y} district`, `${y} province`]));
		for (const r of byLevel) {
			const onTime = rate('on_time_rate', r.counts)!;
			if (r.keys.level === 'province') expect(onTime).toBeGreaterThan(0.995); // ≈ 99.9% (Quảng Ngãi 2023: 99.94%)
			if (r.keys.level === 'district') expect(onTime).toBeGreaterThan(0.935); // 94–96%
			if (r.keys.level === 'district') expect(onTime).toBeLessThan(0.97);
			if (r.keys.level === 'commune') expect(onTime).toBeGreaterThan(0.983); // ≈ 98.9% (Đồng Nai)
			if (r.keys.level === 'commune') expect(onTime).toBeLessThan(0.995);
		}
		const [land] = await queryMetrics(engine, { periods: [period({ kind: 'custom', first: '2022-01-01', last: '2024-12-31' })], filters: { fields: ['Đất đai'] } });
		expect(rate('on_time_rate', land.counts)).toBeGreaterThan(0.91); // ≈ 93.2% (Quảng Ngãi 2023)
		expect(rate('on_time_rate', land.counts)).toBeLessThan(0.95);

		const all = await queryMetrics(engine, { periods: years });
		expect(all).toHaveLength(3);
		const online = Object.fromEntries(all.map((r) => [r.period.slice(7, 11), rate('online_share', r.counts)!]));
		expect(online['2022']).toBeGreaterThan(0.34); // about 40%
		expect(online['2022']).toBeLessThan(0.46);
		expect(online['2024']).toBeGreaterThan(0.7); // over 70% from 2024
		for (const r of all) {
			expect(rate('satisfaction_rate', r.counts)).toBeGreaterThan(0.995); // ≈ 99.8% positive
			expect(r.counts.rated / r.counts.resolved).toBeLessThan(0.5); // most unrated
			expect(r.counts.withdrawn).toBeGreaterThan(0);
		}
	});

	it('receives more at commune than district than province level (Đồng Nai, quarter I 2023)', async () => {
		const rows = await queryMetrics(engine, { periods: [period({ kind: 'reporting', span: 'quarter', year: 2023, index: 1, cutoffDay: 15 })], groupBy: ['level'] });
		const by = Object.fromEntries(rows.map((r) => [r.keys.level, r.counts.received]));
		expect(by.commune).toBeGreaterThan(by.district);
		expect(by.district).toBeGreaterThan(by.province);
	});

	it('has transport and justice as the largest departments (Hà Nam appendix)', async () => {
		const top = await engine.query<{ id: string }>(`
			SELECT agency_id AS id FROM dossiers d JOIN agencies a ON a.id = d.agency_id
			WHERE a.level = 'province' AND received_at < TIMESTAMP '2025-03-01' GROUP BY ALL ORDER BY count(*) DESC LIMIT 2`);
		expect(top.map((t) => t.id)).toEqual(['SGTVT', 'STP']);
	});

	it('has fewer dossiers at weekends and around Tết, and desk dossiers only in office hours', async () => {
		const [r] = await engine.query<{ weekday: number; sunday: number; tet: number; before: number; deskNight: number }>(`
			SELECT count_if(dayofweek(received_at) BETWEEN 1 AND 5)::DOUBLE / 5 AS weekday,
			       count_if(dayofweek(received_at) = 0)::DOUBLE AS sunday,
			       count_if(received_at >= TIMESTAMP '2023-01-20' AND received_at < TIMESTAMP '2023-01-27')::DOUBLE AS tet,
			       count_if(received_at >= TIMESTAMP '2023-01-06' AND received_at < TIMESTAMP '2023-01-13')::DOUBLE AS before,
			       count_if(channel IN ('in_person', 'postal') AND (hour(received_at) < 7 OR hour(received_at) >= 17))::DOUBLE AS deskNight
			FROM dossiers`);
		expect(r.sunday).toBeLessThan(r.weekday / 2);
		expect(r.tet).toBeLessThan(r.before / 2);
		expect(r.deskNight).toBe(0);
	});

	it('has the two-level organisation from 1/7/2025: no district dossier after 30/6/2025, every old unit with a successor', async () => {
		const [r] = await engine.query<{ late: number; orphans: number; split: number }>(`
			SELECT (SELECT count(*) FROM dossiers d JOIN agencies a ON a.id = d.agency_id
			         WHERE a.level = 'district' AND d.received_at >= TIMESTAMP '2025-07-01')::DOUBLE AS late,
			       (SELECT count(*) FROM agencies a WHERE a.valid_to IS NOT NULL
			         AND a.id NOT IN (SELECT agency_id FROM agency_successors))::DOUBLE AS orphans,
			       (SELECT count(*) FROM (SELECT agency_id FROM agency_successors a JOIN agencies o ON o.id = a.agency_id
			         WHERE o.level = 'commune' GROUP BY ALL HAVING count(*) > 1))::DOUBLE AS split`);
		expect(r).toEqual({ late: 0, orphans: 0, split: expect.any(Number) });
		expect(r.split).toBeGreaterThan(0); // one old commune may map to several new ones
	});

	it('has a few dossiers still open and overdue at the end day', async () => {
		const [r] = await queryMetrics(engine, { periods: [period({ kind: 'custom', first: END, last: END })] });
		expect(r.counts.overdue).toBeGreaterThan(0);
		expect(r.counts.overdue).toBeLessThan(r.counts.not_yet_due);
	});
});
