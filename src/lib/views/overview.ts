/**
 * The figures of the overview: a period, the previous one and the same one a year before,
 * by level and in total, from one query.
 */
import { addCounts, type Counts } from '../domain/metrics';
import { latestCompletePeriod, periodKey, previousPeriod, samePeriodLastYear, type Period } from '../domain/periods';
import type { Level } from '../domain/types';
import { LEVELS } from '../domain/types';
import { queryMetrics } from '../engine/metrics';
import type { Engine } from '../engine/types';

export interface PeriodFigures {
	period: Period;
	total: Counts;
	byLevel: { level: Level; counts: Counts }[];
}

export interface OverviewFigures {
	current: PeriodFigures;
	previous: PeriodFigures;
	lastYear: PeriodFigures;
}

export async function overviewFigures(engine: Engine, period: Period): Promise<OverviewFigures> {
	const periods = [period, previousPeriod(period), samePeriodLastYear(period)];
	const rows = await queryMetrics(engine, { periods, groupBy: ['level'] });
	const figures = (p: Period): PeriodFigures => {
		const mine = rows.filter((r) => r.period === periodKey(p));
		return {
			period: p,
			total: addCounts(mine.map((r) => r.counts)),
			byLevel: LEVELS.flatMap((level) => {
				const row = mine.find((r) => r.keys.level === level);
				return row ? [{ level, counts: row.counts }] : [];
			})
		};
	};
	return { current: figures(periods[0]), previous: figures(periods[1]), lastYear: figures(periods[2]) };
}

/** The latest reporting quarter that has ended on or before the last day of the data. */
export function latestQuarter(dataAsOf: string, cutoffDay: number): Period {
	return latestCompletePeriod(dataAsOf, 'reporting', 'quarter', cutoffDay);
}
