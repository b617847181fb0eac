/**
 * The Decision 766 scorecard: the points function at, below and above each indicator's
 * target, and, on native DuckDB, the `scorecard` fixture's scores, ranking, links and CSV
 * equal to the points worked out by hand (tests/fixtures/scorecard/expected.ts), from the
 * pre-aggregated counts and from the dossiers alike.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parsePeriodKey } from '../../src/lib/core/domain/periods';
import { INDEX_GROUPS, INDICATORS, indicatorPoints, notFromData, type IndicatorId, type Score } from '../../src/lib/core/domain/scorecard';
import { LEVELS } from '../../src/lib/core/domain/types';
import { loadCatalog, type Catalog } from '../../src/lib/core/engine/catalog';
import { aggregatedPeriods } from '../../src/lib/core/engine/metrics';
import type { NodeEngine } from '../../src/lib/core/engine/node';
import { DEFAULT_SCORECARD, parseScorecard, serializeScorecard, type ScorecardQuery } from '../../src/lib/scorecard/address';
import { scorecardData, type ScorecardData } from '../../src/lib/scorecard/data';
import { detailView, rankingLines, scorecardCsv } from '../../src/lib/scorecard/model';
import { parseView } from '../../src/lib/dashboard/view';
import { A1_PREVIOUS, BY_AGENCY, PROVINCE, PROVINCE_LEVEL, QUARTER, RANKING, type ExpectedScore } from '../fixtures/scorecard/expected';
import { openFixture } from './helpers';

const byId = (id: IndicatorId) => INDICATORS.find((i) => i.id === id)!;

describe('the points of an indicator', () => {
	// By hand, for each indicator: at its target the full points; above it the same; below it R × P_max / target.
	const cases: [IndicatorId, number, number][] = [
		['2.1', 1, 20],
		['2.1', 0.9, 18], // 0,9 × 20 / 1
		['2.1', 0, 0],
		['3.3', 0.5, 6],
		['3.3', 0.75, 6],
		['3.3', 0.25, 3], // 0,25 × 6 / 0,5
		['3.6', 1, 6],
		['3.6', 0.5, 3],
		['4.1', 1, 6],
		['4.1', 0.8, 4.8], // 4.1 is full at 100%, not 80%: 0,8 × 6 / 1
		['4.2', 0.8, 4],
		['4.2', 0.95, 4],
		['4.2', 0.6, 3], // 0,6 × 4 / 0,8
		['5.4', 0.9, 6],
		['5.4', 0.99, 6],
		['5.4', 0.45, 3], // 0,45 × 6 / 0,9
		['5.4', -0.2, 0] // late and dissatisfied above 100% of the dossiers: no points, never fewer than none
	];
	for (const [id, ratio, expected] of cases) it(`${id} at ${ratio * 100}% scores ${expected}`, () => expect(indicatorPoints(ratio, byId(id))).toBeCloseTo(expected, 12));

	it('declares the portal’s points and targets with a source beside each, and what dossier data cannot give', () => {
		expect(INDICATORS.map((i) => [i.id, i.points, i.target])).toEqual([
			['2.1', 20, 1],
			['3.3', 6, 0.5],
			['3.6', 6, 1],
			['4.1', 6, 1],
			['4.2', 4, 0.8],
			['5.4', 6, 0.9]
		]);
		for (const i of INDICATORS) expect(i.source).toContain(`766/QĐ-TTg`);
		expect(INDEX_GROUPS.reduce((s, g) => s + g.points, 0)).toBe(100);
		// 18 publicity; 22 − 6 − 6 online; 22 − 6 − 4 digitisation; 18 − 6 satisfaction; the 20 of progress all from 2.1.
		expect(notFromData().map((g) => [g.group.id, g.points])).toEqual([
			['publicity', 18],
			['online', 10],
			['digitisation', 12],
			['satisfaction', 12]
		]);
	});
});

/** A score as the expected figures write it. */
function plain(s: Score): ExpectedScore {
	return {
		indicators: Object.fromEntries(s.indicators.map((i) => [i.indicator.id, i.points === null ? null : { ratio: i.ratio!, points: i.points }])) as ExpectedScore['indicators'],
		points: s.points,
		possible: s.possible
	};
}

function expectScore(actual: Score, expected: ExpectedScore) {
	const a = plain(actual);
	expect(a.possible).toBe(expected.possible);
	expect(a.points).toBeCloseTo(expected.points, 10);
	for (const id of Object.keys(expected.indicators) as IndicatorId[]) {
		const e = expected.indicators[id];
		if (e === null) expect(a.indicators[id], id).toBeNull();
		else {
			expect(a.indicators[id]?.ratio, id).toBeCloseTo(e.ratio, 12);
			expect(a.indicators[id]?.points, id).toBeCloseTo(e.points, 12);
		}
	}
}

describe('the scorecard of the scorecard fixture', () => {
	let engine: NodeEngine;
	let catalog: Catalog;
	let aggregated: Set<string>;
	const quarter = parsePeriodKey(QUARTER);
	beforeAll(async () => {
		engine = await openFixture('scorecard');
		catalog = await loadCatalog(engine);
		aggregated = await aggregatedPeriods(engine);
	});
	afterAll(() => engine.close());

	for (const road of ['aggregates', 'dossiers'] as const) {
		it(`scores every agency, the period before and the province as worked out by hand (from the ${road})`, async () => {
			const held = road === 'aggregates' ? aggregated : new Set<string>();
			expect(held.has(QUARTER)).toBe(road === 'aggregates');
			const d = await scorecardData(engine, { period: quarter, levels: LEVELS, grouping: 'agency', units: 'received' }, held, catalog);
			expect(d.units.map((u) => u.key).sort()).toEqual(['A1', 'A2', 'C1', 'D1']);
			for (const u of d.units) expectScore(u.score, BY_AGENCY[u.key as keyof typeof BY_AGENCY]);
			const a1 = d.units.find((u) => u.key === 'A1')!;
			expectScore(a1.previous!, A1_PREVIOUS);
			// No dossier in the quarter before: no previous score, no change.
			expect(
				d.units
					.filter((u) => u.previous === null)
					.map((u) => u.key)
					.sort()
			).toEqual(['A2', 'C1', 'D1']);
			expectScore(d.total.score, PROVINCE);
		});
	}

	it('by level: the provincial level is its two departments together, the commune level has no dossiers', async () => {
		const d = await scorecardData(engine, { period: quarter, levels: LEVELS, grouping: 'level', units: 'received' }, aggregated, catalog);
		expect(d.units.map((u) => u.key)).toEqual(['province', 'district', 'commune']);
		expectScore(d.units[0].score, PROVINCE_LEVEL);
		expectScore(d.units[1].score, BY_AGENCY.D1);
		expectScore(d.units[2].score, BY_AGENCY.C1);
	});

	it('by field within the levels chosen', async () => {
		const d = await scorecardData(engine, { period: quarter, levels: ['province'], grouping: 'field', units: 'received' }, aggregated, catalog);
		expect(d.units.map((u) => u.key).sort()).toEqual(['Lý lịch tư pháp', 'Xây dựng']);
		expectScore(d.units.find((u) => u.key === 'Lý lịch tư pháp')!.score, BY_AGENCY.A1);
		expectScore(d.total.score, PROVINCE_LEVEL);
	});

	describe('the view model', () => {
		let data: ScorecardData;
		const q: ScorecardQuery = { ...DEFAULT_SCORECARD, period: QUARTER };
		beforeAll(async () => (data = await scorecardData(engine, { period: quarter, levels: LEVELS, grouping: 'agency', units: 'received' }, aggregated, catalog)));

		it('ranks by share of the points possible, prints the points and where the most were lost', () => {
			const lines = rankingLines(data, q, catalog, 'vi');
			expect(lines.map((l) => l.label)).toEqual(RANKING);
			expect(lines.map((l) => [l.rank, l.score, l.share, l.change])).toEqual([
				['1', '48,00 / 48', '100,0%', '+34,67'], // 48 − 40/3
				['2', '42,00 / 42', '100,0%', '—'],
				['3', '24,23 / 48', '50,5%', '—'], // 24,2333… / 48
				['', '—', '—', '—']
			]);
			// D1 loses 20 − 12 = 8 on 2.1, its biggest loss.
			expect(lines.map((l) => l.loss)).toEqual(['Không mất điểm', 'Không mất điểm', '2.1 · −8,00 điểm', 'không có hồ sơ']);
			expect(lines[1].cells.map((c) => c.text)).toEqual(['20,00', '6,00', '—', '6,00', '4,00', '6,00']);
			expect(lines[2].cells.map((c) => c.text)).toEqual(['12,00', '2,40', '1,50', '3,00', '2,00', '3,33']);
		});

		it('links each unit to its dossiers in the dashboard, for the same period', () => {
			const d1 = rankingLines(data, q, catalog, 'vi').find((l) => l.key === 'D1')!;
			const view = parseView(new URLSearchParams(d1.dossiers!));
			expect(view).toMatchObject({ period: QUARTER, dossiers: true, drill: { level: 'district', agency: 'D1' } });
			expect(rankingLines(data, q, catalog, 'vi').find((l) => l.key === 'C1')!.dossiers).toBeNull();
		});

		it('opens a unit: its indicators, points lost, the list behind each, and what dossier data cannot give', () => {
			const v = detailView(data, { ...q, unit: 'D1' }, catalog, 'vi');
			expect(v.title).toBe('Các chỉ số: UBND huyện Mộ Đức');
			expect(v.score).toBe('24,23 / 48 điểm tính được');
			expect(v.lines.map((l) => [l.id, l.ratio, l.base, l.target, l.points, l.max, l.lost])).toEqual([
				['2.1', '60,0%', '10', '100%', '12,00', '20', '8,00'],
				['3.3', '20,0%', '10', '50%', '2,40', '6', '3,60'],
				['3.6', '25,0%', '4', '100%', '1,50', '6', '4,50'],
				['4.1', '50,0%', '6', '100%', '3,00', '6', '3,00'],
				['4.2', '40,0%', '10', '80%', '2,00', '4', '2,00'],
				['5.4', '50,0%', '10', '90%', '3,33', '6', '2,67']
			]);
			// 3.3 loses on the dossiers not submitted online: the list filtered to in person and postal.
			expect(parseView(new URLSearchParams(v.lines[1].dossiers!)).filters.channels).toEqual(['in_person', 'postal']);
			// Where the dashboard has no filter for an indicator, the link says it lists every dossier.
			expect(v.lines.map((l) => l.dossiersLabel)).toEqual([
				'Hồ sơ, quá hạn trước',
				'Hồ sơ không nộp trực tuyến',
				'Mọi hồ sơ (chưa lọc được)',
				'Mọi hồ sơ (chưa lọc được)',
				'Mọi hồ sơ (chưa lọc được)',
				'Hồ sơ, quá hạn trước'
			]);
			expect(v.notFromData).toEqual([
				{ group: 'Công khai, minh bạch', max: '18' },
				{ group: 'Dịch vụ công trực tuyến và thanh toán trực tuyến', max: '10' },
				{ group: 'Số hóa hồ sơ', max: '12' },
				{ group: 'Mức độ hài lòng', max: '12' }
			]);
			const none = detailView(data, { ...q, unit: 'C1' }, catalog, 'vi');
			expect(none.score).toBe('Không có hồ sơ: không có điểm');
			expect(none.lines.map((l) => [l.ratio, l.base, l.points, l.dossiers])).toEqual(Array(6).fill(['—', 'không có hồ sơ', '—', null]));
			const all = detailView(data, q, catalog, 'vi');
			expect(all.score).toBe('42,19 / 48 điểm tính được'); // 52/3 + 6 + 33/7 + 69/13 + 3,5 + 16/3 = 42,1886…
		});

		it('writes the ranking as CSV: points as numbers, ratios in per cent, the total last', () => {
			const file = scorecardCsv(data, q, catalog, 'vi');
			expect(file.name).toBe('chi-so-766-quy-i-2023.csv');
			const lines = file.text.replace('\uFEFF', '').trim().split('\r\n');
			expect(lines[0].split(',').slice(0, 9)).toEqual(['Hạng', 'Đơn vị', 'Cấp', 'Điểm tính được', 'Điểm có thể đạt', 'Tỷ lệ điểm đạt (%)', 'Điểm kỳ trước', '2.1 tỷ lệ (%)', '2.1 điểm (tối đa 20)']);
			expect(lines[1]).toBe('1,Sở Tư pháp,Cấp tỉnh,48,48,100,13.33,100,20,50,6,100,6,100,6,80,4,90,6');
			expect(lines[3]).toBe('3,UBND huyện Mộ Đức,Cấp huyện,24.23,48,50.49,,60,12,20,2.4,25,1.5,50,3,40,2,50,3.33');
			expect(lines[4]).toBe(',UBND xã Đức Lân,Cấp xã,,0,,,,,,,,,,,,,,');
			expect(lines[5].startsWith(',Tất cả đơn vị đã chọn,,42.19,48,')).toBe(true);
		});
	});
});

describe('the address', () => {
	it('round-trips every option and ignores what it does not know', () => {
		const q: ScorecardQuery = { period: QUARTER, levels: ['district', 'commune'], grouping: 'field', unit: 'Đất đai', units: 'current', lang: 'en' };
		expect(parseScorecard(serializeScorecard(q))).toEqual(q);
		expect(serializeScorecard(DEFAULT_SCORECARD).toString()).toBe('');
		expect(parseScorecard(new URLSearchParams('group=procedure&x=1'))).toEqual(DEFAULT_SCORECARD);
	});
});
