/**
 * The national quality index of Decision 766/QĐ-TTg (2022), as far as dossier data can give
 * it: the declared table of its groups and of the indicators computed from dossiers (points,
 * target, the metric behind each, where the formula comes from), and the points of a unit's
 * counts. A province adjusts the table here when the national portal changes its formula
 * (docs/METRICS.md, "The Decision 766 scorecard").
 */
import { rate, rateBase, type Counts, type RateId, type Text } from './metrics';

export type GroupId = 'publicity' | 'progress' | 'online' | 'digitisation' | 'satisfaction';

export interface IndexGroup {
	id: GroupId;
	name: Text;
	/** The group's share of the 100 points. */
	points: number;
}

export type IndicatorId = '2.1' | '3.3' | '3.6' | '4.1' | '4.2' | '5.4';

export interface Indicator {
	id: IndicatorId;
	group: GroupId;
	name: Text;
	/** The metric whose value is the indicator's ratio R (metrics.ts). */
	rate: RateId;
	/** P_max: the points of the indicator when R reaches the target. */
	points: number;
	/** R at which the indicator scores its full points; below it, R × P_max / target. */
	target: number;
	/** Where the formula, the points and the target come from. */
	source: string;
}

const SOURCE = 'Quyết định 766/QĐ-TTg (23/6/2022), Phụ lục: Bộ chỉ số chỉ đạo, điều hành và đánh giá chất lượng phục vụ người dân, doanh nghiệp';
const PORTAL = 'mô tả kỹ thuật của Cổng Dịch vụ công quốc gia';

export const INDEX_GROUPS: readonly IndexGroup[] = [
	{ id: 'publicity', name: { vi: 'Công khai, minh bạch', en: 'Publicity and transparency' }, points: 18 },
	{ id: 'progress', name: { vi: 'Tiến độ giải quyết', en: 'Progress of resolution' }, points: 20 },
	{ id: 'online', name: { vi: 'Dịch vụ công trực tuyến và thanh toán trực tuyến', en: 'Online services and payment' }, points: 22 },
	{ id: 'digitisation', name: { vi: 'Số hóa hồ sơ', en: 'Digitisation' }, points: 22 },
	{ id: 'satisfaction', name: { vi: 'Mức độ hài lòng', en: 'Satisfaction' }, points: 18 }
];

/** The indicators computable from dossier data alone, with the portal's defaults. */
export const INDICATORS: readonly Indicator[] = [
	{
		id: '2.1',
		group: 'progress',
		name: { vi: 'Hồ sơ giải quyết, đang giải quyết đúng hạn', en: 'Dossiers resolved or in progress on time' },
		rate: 'on_time_rate_766',
		points: 20,
		target: 1,
		source: `${SOURCE}, chỉ số 2.1; ${PORTAL}`
	},
	{
		id: '3.3',
		group: 'online',
		name: { vi: 'Hồ sơ nộp trực tuyến', en: 'Dossiers submitted online' },
		rate: 'online_share',
		points: 6,
		target: 0.5,
		source: `${SOURCE}, chỉ số 3.3; ${PORTAL}`
	},
	{
		id: '3.6',
		group: 'online',
		name: { vi: 'Hồ sơ thanh toán trực tuyến', en: 'Dossiers paid online' },
		rate: 'online_payment_share',
		points: 6,
		target: 1,
		source: `${SOURCE}, chỉ số 3.6; ${PORTAL}`
	},
	{
		id: '4.1',
		group: 'digitisation',
		name: { vi: 'Kết quả giải quyết điện tử', en: 'Electronic results' },
		rate: 'electronic_result_rate',
		points: 6,
		// Some summaries give 80% for 4.1 as for 4.2; the portal's description gives 100% for 4.1.
		target: 1,
		source: `${SOURCE}, chỉ số 4.1; ${PORTAL} (đạt đủ điểm ở 100%)`
	},
	{
		id: '4.2',
		group: 'digitisation',
		name: { vi: 'Hồ sơ được số hóa', en: 'Digitised dossiers' },
		rate: 'digitisation_rate',
		points: 4,
		target: 0.8,
		source: `${SOURCE}, chỉ số 4.2; ${PORTAL}`
	},
	{
		id: '5.4',
		group: 'satisfaction',
		name: { vi: 'Mức độ hài lòng về giải quyết thủ tục', en: 'Satisfaction with resolution' },
		rate: 'satisfaction_rate_766',
		points: 6,
		target: 0.9,
		source: `${SOURCE}, chỉ số 5.4; ${PORTAL}`
	}
];

/** The points the index gives for a ratio: P_max at or above the target, R × P_max / target below it (never below zero). */
export function indicatorPoints(ratio: number, indicator: Pick<Indicator, 'points' | 'target'>): number {
	if (ratio >= indicator.target) return indicator.points;
	return Math.max(0, (ratio * indicator.points) / indicator.target);
}

export interface Scored {
	indicator: Indicator;
	/** R; null when no dossier is in its denominator. */
	ratio: number | null;
	/** How many dossiers R is computed from. */
	base: number;
	/** Points won; null without dossiers (the indicator then counts neither way). */
	points: number | null;
	/** Points lost: P_max − points (0 without dossiers). */
	lost: number;
}

export interface Score {
	indicators: Scored[];
	/** Points won over the indicators that have dossiers. */
	points: number;
	/** The maxima of those indicators: what the unit could have won from its dossiers. */
	possible: number;
	/** The maxima of every indicator of the table: the points dossier data can give at all. */
	computable: number;
}

/** A unit's score from its counts: each indicator of the table, and the sums. */
export function score(counts: Counts, table: readonly Indicator[] = INDICATORS): Score {
	const indicators = table.map((indicator): Scored => {
		const ratio = rate(indicator.rate, counts);
		const points = ratio === null ? null : indicatorPoints(ratio, indicator);
		return { indicator, ratio, base: rateBase(indicator.rate, counts), points, lost: points === null ? 0 : indicator.points - points };
	});
	const scored = indicators.filter((s) => s.points !== null);
	return {
		indicators,
		points: scored.reduce((s, i) => s + i.points!, 0),
		possible: scored.reduce((s, i) => s + i.indicator.points, 0),
		computable: table.reduce((s, i) => s + i.points, 0)
	};
}

/** What dossier data cannot give, group by group: the group's points less those of its indicators in the table. */
export function notFromData(table: readonly Indicator[] = INDICATORS, groups: readonly IndexGroup[] = INDEX_GROUPS): { group: IndexGroup; points: number }[] {
	return groups.map((group) => ({ group, points: group.points - table.filter((i) => i.group === group.id).reduce((s, i) => s + i.points, 0) })).filter((g) => g.points > 0);
}
