/**
 * Two ways to count across the 2025 reorganisation (docs/METRICS.md, "Two ways to count
 * units"): by the units that received the dossiers and by today's units. On the
 * reorganisation fixture, both ways give the figures worked out by hand, on both roads (the
 * pre-aggregated counts and the dossiers); a file without successor ranks, and a cycle of
 * successors, are read as documented; the catalogue names and lists units for the pickers.
 * On a small sample province, both ways give the same province totals in every reporting
 * month, quarter and year.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aggregatesSql, standardPeriods } from '../../src/lib/core/domain/aggregates';
import { COUNT_IDS, type Counts } from '../../src/lib/core/domain/metrics';
import { period, periodKey, periodsCovering, type Period } from '../../src/lib/core/domain/periods';
import type { Dimension, MetricsRequest, MetricsRow } from '../../src/lib/core/domain/query';
import { CURRENT_UNITS_SQL, UNITS, type Units } from '../../src/lib/core/domain/succession';
import { currentUnits, loadCatalog, unitName, unitsBecoming, unitsInPeriod, type AgencyEntry } from '../../src/lib/core/engine/catalog';
import { aggregatedPeriods, queryDossiers, queryMetrics } from '../../src/lib/core/engine/metrics';
import { NodeEngine } from '../../src/lib/core/engine/node';
import { generateSample } from '../../scripts/generate';
import { NEW_SEAT_NAMES } from '../../scripts/sample/province';
import { COUNTED, CURRENT, CURRENT_BY_LOWEST_CODE, DATA_AS_OF, NAMES, PERIODS, RECEIVED, TODAY, TODAY_UNITS, UNITS_IN, type Counted, type Figures } from '../fixtures/reorg/expected';
import { openFixture } from './helpers';

const pick = (c: Counts): Counted => Object.fromEntries(COUNTED.map((k) => [k, c[k]])) as Counted;
const keyed = (rows: readonly MetricsRow[], d: Dimension) => Object.fromEntries(rows.map((r) => [r.keys[d], pick(r.counts)]));

/** The counts of a request on each road: from the dossiers, and from the aggregates (every period here is standard). */
async function roads(engine: NodeEngine, req: MetricsRequest): Promise<{ raw: MetricsRow[]; fast: MetricsRow[] }> {
	const held = await aggregatedPeriods(engine);
	for (const p of req.periods) expect(held.has(periodKey(p)), periodKey(p)).toBe(true);
	return { raw: await queryMetrics(engine, req), fast: await queryMetrics(engine, req, held) };
}

describe('the reorganisation fixture', () => {
	let engine: NodeEngine;
	beforeAll(async () => (engine = await openFixture('reorg', DATA_AS_OF)));
	afterAll(() => engine.close());

	const ways: [Units, Record<keyof typeof PERIODS, Figures>][] = [
		['received', RECEIVED],
		['current', CURRENT]
	];
	const cases = ways.flatMap(([units, figures]) => (Object.keys(PERIODS) as (keyof typeof PERIODS)[]).map((p) => [units, p, figures[p]] as const));

	it.each(cases)('by %s units, period %s: the hand-worked figures by agency, by level and in all, on both roads', async (units, p, want) => {
		const periods = [period(PERIODS[p])];
		for (const [groupBy, expected] of [
			[['agency'], want.byAgency],
			[['level'], want.byLevel]
		] as const) {
			const { raw, fast } = await roads(engine, { periods, groupBy, units });
			expect(keyed(raw, groupBy[0]), `${groupBy[0]}, from the dossiers`).toEqual(expected);
			expect(keyed(fast, groupBy[0]), `${groupBy[0]}, from the aggregates`).toEqual(expected);
		}
		const { raw, fast } = await roads(engine, { periods, units });
		expect([pick(raw[0].counts), pick(fast[0].counts)]).toEqual([want.total, want.total]);
	});

	it('filters by today’s units and their levels: XMD2 holds what four units received, and no dossier is at district level', async () => {
		const periods = [period(PERIODS.B)];
		for (const held of [new Set<string>(), await aggregatedPeriods(engine)]) {
			const [xmd2] = await queryMetrics(engine, { periods, units: 'current', filters: { agencies: ['XMD2'] } }, held);
			expect(pick(xmd2.counts)).toEqual(CURRENT.B.byAgency.XMD2);
			expect(await queryMetrics(engine, { periods, units: 'current', filters: { levels: ['district'] } }, held)).toEqual([]);
			const [commune] = await queryMetrics(engine, { periods, units: 'current', filters: { levels: ['commune'] } }, held);
			expect(pick(commune.counts)).toEqual(CURRENT.B.byLevel.commune);
			// The same filter by the receiving units: XMD2 received one of them.
			const [received] = await queryMetrics(engine, { periods, filters: { agencies: ['XMD2'] } }, held);
			expect(pick(received.counts)).toEqual(RECEIVED.B.byAgency.XMD2);
		}
	});

	it('lists the dossiers of today’s unit, each with the agency that received it', async () => {
		const rows = await queryDossiers(engine, { period: period(PERIODS.B), units: 'current', filters: { agencies: ['XMD2'] } });
		expect(rows.map((r) => [r.id, r.agency_id, r.outcome]).sort()).toEqual([
			['R09', 'HMD', 'early'],
			['R11', 'XDL', 'early'],
			['R12', 'XDH', 'overdue'],
			['R14', 'XMD2', 'on_time']
		]);
		const late = await queryDossiers(engine, { period: period(PERIODS.B), units: 'current', filters: { levels: ['commune'] }, outcomes: ['overdue'] }, await aggregatedPeriods(engine));
		expect(late.map((r) => r.id).sort()).toEqual(['R12', 'R15']);
	});

	it('gives the same province totals both ways in every standard period, each agency’s dossiers under one unit', async () => {
		const held = await aggregatedPeriods(engine);
		const all = standardPeriods('2024-12-10', DATA_AS_OF, 15);
		expect(all.map(periodKey).sort()).toEqual([...held].sort());
		for (const aggregated of [new Set<string>(), held]) {
			const total = byPeriod(await queryMetrics(engine, { periods: all }, aggregated));
			for (const units of UNITS)
				for (const groupBy of [['agency'], ['level']] as const) {
					const summed = byPeriod(await queryMetrics(engine, { periods: all, groupBy, units }, aggregated));
					expect(summed, `${units}, ${groupBy[0]}, ${aggregated.size ? 'aggregates' : 'dossiers'}`).toEqual(total);
				}
		}
	});

	it('follows the primary successor through chains to a unit that exists; a unit that ceased with no successor stays itself', async () => {
		const rows = await engine.query<{ agency_id: string; current_id: string; current_level: string }>(CURRENT_UNITS_SQL);
		expect(Object.fromEntries(rows.map((r) => [r.agency_id, r.current_id]))).toEqual(TODAY);
		expect(new Set(rows.map((r) => r.current_level))).toEqual(new Set(['province', 'commune']));
	});

	it('reads a file written before successors were ranked: the lowest successor code is the primary one', async () => {
		const old = await openFixture('reorg', DATA_AS_OF);
		try {
			// The successors as such files have them, two columns, and no table of today's units beside the aggregates:
			// every view counts from the dossiers.
			await old.run('CREATE OR REPLACE TABLE agency_successors AS SELECT agency_id, successor_id FROM agency_successors; DROP TABLE current_units');
			expect(await aggregatedPeriods(old)).toEqual(new Set());
			for (const p of ['A', 'B'] as const) {
				expect(keyed(await queryMetrics(old, { periods: [period(PERIODS[p])], groupBy: ['agency'], units: 'current' }), 'agency'), p).toEqual(CURRENT_BY_LOWEST_CODE[p]);
			}
			expect((await loadCatalog(old)).agencies.get('XDH')!.currentId).toBe('XLP2');
			// Its aggregates written again (as npm run ingest does when it brings a file up to date): both roads agree.
			await old.run(aggregatesSql(standardPeriods('2024-12-10', DATA_AS_OF, 15), { dataAsOf: DATA_AS_OF, holidays: [] }));
			for (const p of ['A', 'B'] as const) {
				const { raw, fast } = await roads(old, { periods: [period(PERIODS[p])], groupBy: ['agency'], units: 'current' });
				expect([keyed(raw, 'agency'), keyed(fast, 'agency')], p).toEqual([CURRENT_BY_LOWEST_CODE[p], CURRENT_BY_LOWEST_CODE[p]]);
			}
		} finally {
			await old.close();
		}
	});

	it('stops at a cycle of successors (an error in the register) at the last unit before it comes back, and still counts every dossier once', async () => {
		const cyclic = await openFixture('reorg', DATA_AS_OF);
		try {
			// SXD2 ceases and passes its work back to SGT: SGT → SXD2 → SGT; TT names itself.
			await cyclic.run(`UPDATE agencies SET valid_to = DATE '2025-08-31' WHERE id = 'SXD2';
INSERT INTO agency_successors VALUES ('SXD2', 'SGT', 1), ('TT', 'TT', 1)`);
			const rows = await cyclic.query<{ agency_id: string; current_id: string }>(CURRENT_UNITS_SQL);
			const today = Object.fromEntries(rows.map((r) => [r.agency_id, r.current_id]));
			expect([today.SGT, today.SXD, today.SXD2, today.TT]).toEqual(['SXD2', 'SGT', 'SGT', 'TT']);
			const periods = [period(PERIODS.A), period(PERIODS.B)];
			const total = byPeriod(await queryMetrics(cyclic, { periods }));
			expect(byPeriod(await queryMetrics(cyclic, { periods, groupBy: ['agency'], units: 'current' }))).toEqual(total);
		} finally {
			await cyclic.close();
		}
	});
});

describe('the catalogue across the reorganisation', () => {
	let agencies: Map<string, AgencyEntry>;
	beforeAll(async () => {
		const engine = await openFixture('reorg', DATA_AS_OF);
		agencies = (await loadCatalog(engine)).agencies;
		await engine.close();
	});

	it('knows each agency’s unit today', () => {
		expect(Object.fromEntries([...agencies.values()].map((a) => [a.id, a.currentId]))).toEqual(TODAY);
		expect(agencies.get('XDH')).toMatchObject({ parentId: 'HMD', validFrom: '2020-01-01', validTo: '2025-06-30' });
	});

	it('lists the units that existed in a period, and today’s units, by level and name', () => {
		expect(unitsInPeriod(agencies, period(PERIODS.A)).map((a) => a.id)).toEqual(UNITS_IN.A);
		expect(unitsInPeriod(agencies, period(PERIODS.B)).map((a) => a.id)).toEqual(UNITS_IN.B);
		// A unit's last day is inside it: VP existed on 30/6/2025, SXD2 on its first day.
		expect(unitsInPeriod(agencies, { first: '2025-06-30', last: '2025-06-30' }).map((a) => a.id)).toEqual(['SXD2', 'VP', 'HMD', 'XDH', 'XDL']);
		expect(currentUnits(agencies).map((a) => a.id)).toEqual(TODAY_UNITS);
		expect(unitsBecoming(agencies, 'XMD2').map((a) => a.id)).toEqual(['HMD', 'XDH', 'XDL', 'XMD2']);
		expect(unitsBecoming(agencies, 'TT').map((a) => a.id)).toEqual(['TT']);
	});

	it('names units that share a name with their days, and others by their name alone', () => {
		for (const [id, name] of Object.entries(NAMES.full)) expect(unitName(agencies, id), id).toBe(name);
		for (const [id, name] of Object.entries(NAMES.short)) expect(unitName(agencies, id, { short: true }), id).toBe(name);
		for (const [id, name] of Object.entries(NAMES.ceased)) expect(unitName(agencies, id, { markCeased: true }), id).toBe(name);
		for (const [id, name] of Object.entries(NAMES.english)) expect(unitName(agencies, id, { locale: 'en' }), id).toBe(name);
		expect(unitName(agencies, 'NOPE')).toBe('NOPE');
	});

	it('tells apart namesakes the days do not: by their district, else by their code; a unit between two namesakes by both its days', () => {
		const unit = (id: string, name: string, parentId: string | null, validFrom: string, validTo: string | null): AgencyEntry => ({
			id,
			name,
			shortName: name,
			level: parentId ? 'commune' : 'district',
			parentId,
			validFrom,
			validTo,
			currentId: id
		});
		const twins = new Map(
			[
				unit('H1', 'Ủy ban nhân dân thành phố Quảng Ngãi', null, '2020-01-01', '2025-06-30'),
				unit('H2', 'Ủy ban nhân dân thị xã Đức Phổ', null, '2020-01-01', '2025-06-30'),
				unit('X1', 'Phường Nguyễn Nghiêm', 'H1', '2020-01-01', '2025-06-30'),
				unit('X2', 'Phường Nguyễn Nghiêm', 'H2', '2020-01-01', '2025-06-30'),
				unit('X3', 'Phường Nguyễn Nghiêm', 'H2', '2020-01-01', '2025-06-30'),
				unit('S1', 'Sở Nội vụ', null, '2020-01-01', '2023-12-31'),
				unit('S2', 'Sở Nội vụ', null, '2024-01-01', '2025-02-28'),
				unit('S3', 'Sở Nội vụ', null, '2025-03-01', null)
			].map((a) => [a.id, a])
		);
		expect(['X1', 'X2', 'X3'].map((id) => unitName(twins, id))).toEqual([
			'Phường Nguyễn Nghiêm (đến 30/6/2025; Ủy ban nhân dân thành phố Quảng Ngãi)',
			'Phường Nguyễn Nghiêm (đến 30/6/2025; X2)',
			'Phường Nguyễn Nghiêm (đến 30/6/2025; X3)'
		]);
		expect(['S1', 'S2', 'S3'].map((id) => unitName(twins, id))).toEqual(['Sở Nội vụ (đến 31/12/2023)', 'Sở Nội vụ (1/1/2024 – 28/2/2025)', 'Sở Nội vụ (từ 1/3/2025)']);
	});
});

/** Each period's counts summed over its rows (a grouping's rows add up to the province's total when every dossier is in one group). */
function byPeriod(rows: readonly MetricsRow[]): Record<string, Counts> {
	const out: Record<string, Counts> = {};
	for (const r of rows) {
		const sum = (out[r.period] ??= Object.fromEntries(COUNT_IDS.map((id) => [id, 0])) as Counts);
		for (const id of COUNT_IDS) sum[id] += r.counts[id];
	}
	return out;
}

describe('a small sample province', () => {
	// Reused while the generator's inputs are unchanged (generateSample checks them); tests/.out is not committed.
	const dir = 'tests/.out/sample-reorganisation';
	const END = '2026-11-20';
	let engine: NodeEngine;
	beforeAll(async () => {
		mkdirSync(dir, { recursive: true });
		await generateSample({ size: 5000, end: END, out: dir });
		engine = await NodeEngine.open(join(dir, 'province.duckdb'), { access_mode: 'READ_ONLY' });
	});
	afterAll(() => engine?.close());

	it('ranks every ceased unit’s successors 1, 2 …: one primary each; an abolished district’s is the new commune of its seat', async () => {
		const [r] = await engine.query<{ ceased: number; ranked: number; gaps: number }>(`
			SELECT (SELECT count(*) FROM agencies WHERE valid_to IS NOT NULL)::DOUBLE AS ceased,
			       (SELECT count(DISTINCT agency_id) FROM agency_successors WHERE rank = 1)::DOUBLE AS ranked,
			       (SELECT count(*) FROM (SELECT agency_id FROM agency_successors GROUP BY agency_id HAVING max(rank) <> count(*) OR min(rank) <> 1))::DOUBLE AS gaps`);
		expect(r).toEqual({ ceased: expect.any(Number), ranked: r.ceased, gaps: 0 });
		const primaries = await engine.query<{ district: string; commune: string }>(`
			SELECT s.agency_id AS district, c.short_name AS commune FROM agency_successors s JOIN agencies c ON c.id = s.successor_id
			WHERE s.agency_id LIKE 'H-%' AND s.rank = 1 ORDER BY 1`);
		expect(Object.fromEntries(primaries.map((p) => [p.district, p.commune]))).toEqual(Object.fromEntries(Object.entries(NEW_SEAT_NAMES).map(([d, name]) => [`H-${d}`, `UBND ${name}`])));
	});

	it('has no district level by today’s units, and every dossier under a unit that exists', async () => {
		const year = period({ kind: 'calendar', span: 'year', year: 2024, index: 1 });
		const levels = await queryMetrics(engine, { periods: [year], groupBy: ['level'], units: 'current' }, await aggregatedPeriods(engine));
		expect(levels.map((r) => r.keys.level).sort()).toEqual(['commune', 'province']);
		const [gone] = await engine.query<{ n: number }>('SELECT count(*)::DOUBLE AS n FROM current_units cu JOIN agencies a ON a.id = cu.current_id WHERE a.valid_to IS NOT NULL');
		expect(gone.n).toBe(0);
	});

	it('gives the same province totals both ways in every reporting month, quarter and year, on both roads', async () => {
		const held = await aggregatedPeriods(engine);
		const periods: Period[] = (['month', 'quarter', 'year'] as const).flatMap((span) => periodsCovering('2022-01-01', END, 'reporting', span, 15));
		// Reporting months 1/2022 (from 15/12/2021) … 12/2026 (holding the last day, 20/11/2026), quarters and years.
		expect(periods.length).toBe(60 + 20 + 5);
		const total = byPeriod(await queryMetrics(engine, { periods }, held));
		expect(Object.keys(total)).toHaveLength(periods.length);
		for (const aggregated of [held, new Set<string>()])
			for (const units of UNITS)
				for (const groupBy of [['agency'], ['level'], ['level', 'agency']] as Dimension[][]) {
					const summed = byPeriod(await queryMetrics(engine, { periods, groupBy, units }, aggregated));
					expect(summed, `${units}, ${groupBy.join('+')}, ${aggregated.size ? 'aggregates' : 'dossiers'}`).toEqual(total);
				}
		// The two ways do differ below the province: the comparison compares something.
		const [q] = periods.filter((p) => p.first === '2025-06-15' && p.last === '2025-09-14');
		const agencies = async (units: Units) => (await queryMetrics(engine, { periods: [q], groupBy: ['agency'], units }, held)).length;
		expect(await agencies('current')).toBeLessThan(await agencies('received'));
	});
});
