/**
 * Every metric, declared once: id, Vietnamese and English name, the definition text users see
 * next to the figure, and how it is computed (docs/METRICS.md repeats them for readers). Every
 * view, the report, the exports and the tests read these declarations; nothing else defines a
 * metric.
 *
 * Counts are sums over the as-of-period-end state of each dossier (see query.ts for the
 * columns the SQL below may use). Rates are ratios of sums of counts, so a rate can be
 * re-aggregated at any level from the counts alone.
 */
import { sqlDate } from './sql';
import type { DueSoonWindow } from './workdays';

export interface Text {
	vi: string;
	en: string;
}

export interface CountMetric {
	id: CountId;
	kind: 'count';
	name: Text;
	definition: Text;
	/** A boolean SQL expression over one row of the state relation (query.ts). */
	sql: string;
}

export interface RateMetric {
	id: RateId;
	kind: 'rate';
	name: Text;
	definition: Text;
	numerator: readonly CountId[];
	denominator: readonly CountId[];
	/** The rate is 1 − numerator / denominator: what is left once a share of losses is taken away. */
	complement?: boolean;
}

export type Metric = CountMetric | RateMetric;

type CountSpec = Omit<CountMetric, 'id'> & { id: string };
type RateSpec = Omit<RateMetric, 'id' | 'numerator' | 'denominator' | 'complement'> & {
	id: string;
	numerator: readonly string[];
	denominator: readonly string[];
	complement?: boolean;
};

// Building blocks of the state relation, named once so that the counts below stay readable.
const RESOLVED = 'is_resolved';
const WITHDRAWN = 'is_withdrawn';
const IN_PROGRESS = `(NOT ${RESOLVED} AND NOT ${WITHDRAWN})`;
// Early: issued on a calendar day before the due day. Late: after the due date and time.
const EARLY = `(${RESOLVED} AND CAST(resolved_at AS DATE) < CAST(due_at AS DATE))`;
const LATE = `(${RESOLVED} AND resolved_at > due_at)`;

export const COUNTS = [
	{
		id: 'received',
		kind: 'count',
		name: { vi: 'Tiếp nhận', en: 'Received' },
		definition: {
			vi: 'Hồ sơ tiếp nhận trong kỳ: hồ sơ mới tiếp nhận trong kỳ cộng hồ sơ từ kỳ trước chuyển sang.',
			en: 'Dossiers received in the period: new in the period plus carried over from before it.'
		},
		sql: 'true'
	},
	{
		id: 'new',
		kind: 'count',
		name: { vi: 'Mới tiếp nhận', en: 'New' },
		definition: {
			vi: 'Hồ sơ tiếp nhận vào một ngày trong kỳ.',
			en: 'Dossiers received on a day inside the period.'
		},
		sql: 'received_at >= p_start'
	},
	{
		id: 'carried',
		kind: 'count',
		name: { vi: 'Từ kỳ trước chuyển sang', en: 'Carried over' },
		definition: {
			vi: 'Hồ sơ tiếp nhận trước ngày đầu kỳ, chưa giải quyết và chưa rút trước ngày đầu kỳ.',
			en: 'Dossiers received before the first day and neither resolved nor withdrawn before it.'
		},
		sql: 'received_at < p_start'
	},
	{
		id: 'resolved',
		kind: 'count',
		name: { vi: 'Đã giải quyết', en: 'Resolved' },
		definition: {
			vi: 'Hồ sơ có kết quả vào một ngày trong kỳ.',
			en: 'Dossiers whose result was issued on a day inside the period.'
		},
		sql: RESOLVED
	},
	{
		id: 'early',
		kind: 'count',
		name: { vi: 'Trước hạn', en: 'Early' },
		definition: {
			vi: 'Đã giải quyết vào một ngày trước ngày hẹn trả.',
			en: 'Resolved on a calendar day before the due day.'
		},
		sql: EARLY
	},
	{
		id: 'on_time',
		kind: 'count',
		name: { vi: 'Đúng hạn', en: 'On time' },
		definition: {
			vi: 'Đã giải quyết trong ngày hẹn trả, không muộn hơn giờ hẹn (hẹn trả chỉ có ngày thì tính đến hết ngày).',
			en: 'Resolved on the due day, at or before the due time (a due date without a time means the end of that day).'
		},
		sql: `(${RESOLVED} AND NOT ${EARLY} AND NOT ${LATE})`
	},
	{
		id: 'late',
		kind: 'count',
		name: { vi: 'Quá hạn', en: 'Late' },
		definition: {
			vi: 'Đã giải quyết sau ngày giờ hẹn trả.',
			en: 'Resolved after the due date and time.'
		},
		sql: LATE
	},
	{
		id: 'withdrawn',
		kind: 'count',
		name: { vi: 'Rút hồ sơ', en: 'Withdrawn' },
		definition: {
			vi: 'Hồ sơ người nộp rút vào một ngày trong kỳ.',
			en: 'Dossiers the applicant withdrew on a day inside the period.'
		},
		sql: WITHDRAWN
	},
	{
		id: 'in_progress',
		kind: 'count',
		name: { vi: 'Đang giải quyết', en: 'In progress' },
		definition: {
			vi: 'Hồ sơ tiếp nhận trong kỳ, đến hết ngày cuối kỳ chưa giải quyết và chưa rút (kể cả hồ sơ có kết quả sau kỳ).',
			en: 'Received in the period and neither resolved nor withdrawn by the end of its last day (including dossiers resolved after the period).'
		},
		sql: IN_PROGRESS
	},
	{
		id: 'not_yet_due',
		kind: 'count',
		name: { vi: 'Chưa đến hạn', en: 'Not yet due' },
		definition: {
			vi: 'Đang giải quyết, hạn trả không trước thời điểm hết ngày cuối kỳ.',
			en: 'In progress, due no earlier than the end of the last day.'
		},
		sql: `(${IN_PROGRESS} AND due_at >= p_last)`
	},
	{
		id: 'overdue',
		kind: 'count',
		name: { vi: 'Quá hạn (đang giải quyết)', en: 'Overdue (in progress)' },
		definition: {
			vi: 'Đang giải quyết, hạn trả trước thời điểm hết ngày cuối kỳ.',
			en: 'In progress, due before the end of the last day.'
		},
		sql: `(${IN_PROGRESS} AND due_at < p_last)`
	},
	{
		id: 'online',
		kind: 'count',
		name: { vi: 'Trực tuyến', en: 'Online' },
		definition: {
			vi: 'Hồ sơ tiếp nhận qua dịch vụ công trực tuyến một phần hoặc toàn trình.',
			en: 'Received dossiers submitted online, partial or full.'
		},
		sql: "channel IN ('online_partial', 'online_full')"
	},
	{
		id: 'online_partial',
		kind: 'count',
		name: { vi: 'Trực tuyến một phần', en: 'Online, partial' },
		definition: { vi: 'Hồ sơ tiếp nhận qua dịch vụ công trực tuyến một phần.', en: 'Received dossiers submitted through a partial online service.' },
		sql: "channel = 'online_partial'"
	},
	{
		id: 'online_full',
		kind: 'count',
		name: { vi: 'Trực tuyến toàn trình', en: 'Online, full' },
		definition: { vi: 'Hồ sơ tiếp nhận qua dịch vụ công trực tuyến toàn trình.', en: 'Received dossiers submitted through a full online service.' },
		sql: "channel = 'online_full'"
	},
	{
		id: 'in_person',
		kind: 'count',
		name: { vi: 'Trực tiếp', en: 'In person' },
		definition: { vi: 'Hồ sơ nộp trực tiếp tại Bộ phận Một cửa.', en: 'Received dossiers submitted in person at the one-stop desk.' },
		sql: "channel = 'in_person'"
	},
	{
		id: 'postal',
		kind: 'count',
		name: { vi: 'Bưu chính công ích', en: 'Postal' },
		definition: { vi: 'Hồ sơ nộp qua dịch vụ bưu chính công ích.', en: 'Received dossiers submitted through the public postal service.' },
		sql: "channel = 'postal'"
	},
	{
		id: 'with_fee',
		kind: 'count',
		name: { vi: 'Có phí, lệ phí', en: 'With a fee' },
		definition: { vi: 'Hồ sơ tiếp nhận có phí, lệ phí lớn hơn 0.', en: 'Received dossiers with a fee above zero.' },
		sql: 'fee > 0'
	},
	{
		id: 'paid_online',
		kind: 'count',
		name: { vi: 'Thanh toán trực tuyến', en: 'Paid online' },
		definition: { vi: 'Hồ sơ tiếp nhận có phí, lệ phí được thanh toán trực tuyến.', en: 'Received dossiers with a fee that was paid online.' },
		sql: '(fee > 0 AND paid_online)'
	},
	{
		id: 'digitised',
		kind: 'count',
		name: { vi: 'Số hóa khi tiếp nhận', en: 'Digitised at receipt' },
		definition: { vi: 'Hồ sơ tiếp nhận được số hóa khi tiếp nhận.', en: 'Received dossiers scanned and signed at receipt.' },
		sql: 'digitised'
	},
	{
		id: 'result_electronic',
		kind: 'count',
		name: { vi: 'Kết quả điện tử', en: 'Electronic result' },
		definition: { vi: 'Hồ sơ đã giải quyết có kết quả điện tử.', en: 'Resolved dossiers whose result was issued electronically.' },
		sql: `(${RESOLVED} AND result_electronic)`
	},
	{
		id: 'rated',
		kind: 'count',
		name: { vi: 'Được đánh giá', en: 'Rated' },
		definition: { vi: 'Hồ sơ đã giải quyết có đánh giá mức độ hài lòng.', en: 'Resolved dossiers with a satisfaction rating.' },
		sql: `(${RESOLVED} AND rating IS NOT NULL)`
	},
	{
		id: 'satisfied',
		kind: 'count',
		name: { vi: 'Hài lòng', en: 'Satisfied' },
		definition: { vi: 'Hồ sơ đã giải quyết được đánh giá rất hài lòng hoặc hài lòng.', en: 'Resolved dossiers rated very satisfied or satisfied.' },
		sql: `(${RESOLVED} AND rating >= 4)`
	},
	{
		id: 'dissatisfied',
		kind: 'count',
		name: { vi: 'Không hài lòng', en: 'Dissatisfied' },
		definition: { vi: 'Hồ sơ đã giải quyết được đánh giá không hài lòng hoặc rất không hài lòng.', en: 'Resolved dossiers rated dissatisfied or very dissatisfied.' },
		sql: `(${RESOLVED} AND rating <= 2)`
	}
] as const satisfies readonly CountSpec[];

export type CountId = (typeof COUNTS)[number]['id'];

/**
 * Due soon (sắp đến hạn): the early warning before a dossier goes overdue. Not a count of the
 * period like those above: it is judged at a reference time (the end of the data's last day
 * for the current period, the end of the period's last day for a past one), N working days
 * ahead (a setting) by the province's calendar (domain/workdays.ts), so it is never
 * pre-aggregated. Its SQL reads the state relation of the one-day period of the reference
 * day (query.ts dueSoonSql), where p_last is the reference time. `{n}` in the definition is N.
 */
export const DUE_SOON = {
	name: { vi: 'Sắp đến hạn', en: 'Due soon' },
	definition: {
		vi: 'Đang giải quyết, chưa quá hạn, hạn trả không muộn hơn hết ngày làm việc thứ {n} sau ngày tính (không kể thứ Bảy, Chủ nhật và ngày nghỉ lễ).',
		en: 'In progress, not yet overdue, due no later than the end of working day {n} after the reference day (Saturdays, Sundays and public holidays are not working days).'
	}
} as const;

/** In progress and not overdue at the reference time (p_last), due on or before the window's last working day. */
export function dueSoonCondition(w: DueSoonWindow): string {
	const until = w.days.at(-1) ?? w.reference;
	return `(${IN_PROGRESS} AND due_at >= p_last AND CAST(due_at AS DATE) <= ${sqlDate(until)})`;
}

/**
 * A dossier's step at the end of a window's reference day, the key of the due-soon counts
 * kept ahead of time (domain/aggregates.ts): -1 when overdue; when in progress and not
 * overdue, the least k whose k-th working day of the window is on or after its due day (0:
 * due on the reference day itself); null otherwise (closed, or due after the window). So a
 * dossier is due soon within n working days (dueSoonCondition with n days) when
 * 0 ≤ step ≤ n: the same rule, read from counts.
 */
export function dueStepSql(w: DueSoonWindow): string {
	const due = 'CAST(due_at AS DATE)';
	const steps = [w.reference, ...w.days].map((d, k) => `WHEN ${due} <= ${sqlDate(d)} THEN ${k}`);
	return `CASE WHEN ${IN_PROGRESS} AND due_at < p_last THEN -1 WHEN ${IN_PROGRESS} THEN CASE ${steps.join(' ')} END END`;
}

/**
 * Working days left for a dossier due soon: the working days after the reference day up to
 * and including its due day (due on the reference day: 0; due on a Saturday seen on the
 * Thursday before: 1, the Friday).
 */
export function workingDaysLeftSql(w: DueSoonWindow): string {
	const due = 'CAST(due_at AS DATE)';
	return `CASE ${w.days
		.map((d, i) => [d, i + 1] as const)
		.reverse()
		.map(([d, k]) => `WHEN ${due} >= ${sqlDate(d)} THEN ${k}`)
		.join(' ')} ELSE 0 END`;
}

export const RATES = [
	{
		id: 'on_time_rate',
		kind: 'rate',
		name: { vi: 'Tỷ lệ đúng hạn', en: 'On-time rate' },
		definition: {
			vi: 'Số hồ sơ giải quyết trước hạn và đúng hạn chia cho số hồ sơ đã giải quyết trong kỳ (cách tính của Biểu 06).',
			en: 'Dossiers resolved early or on time divided by dossiers resolved in the period (as on the Form 06 report).'
		},
		numerator: ['early', 'on_time'],
		denominator: ['resolved']
	},
	{
		id: 'on_time_rate_766',
		kind: 'rate',
		name: { vi: 'Tỷ lệ đúng hạn (QĐ 766, chỉ số 2.1)', en: 'On-time rate (Decision 766, 2.1)' },
		definition: {
			vi: 'Hồ sơ giải quyết trước hạn, đúng hạn cộng hồ sơ đang giải quyết chưa đến hạn, chia cho hồ sơ đã giải quyết cộng đang giải quyết.',
			en: 'Dossiers resolved early or on time plus those in progress and not yet due, divided by dossiers resolved plus in progress.'
		},
		numerator: ['early', 'on_time', 'not_yet_due'],
		denominator: ['resolved', 'in_progress']
	},
	{
		id: 'online_share',
		kind: 'rate',
		name: { vi: 'Tỷ lệ trực tuyến', en: 'Online share' },
		definition: {
			vi: 'Hồ sơ tiếp nhận trực tuyến (một phần và toàn trình) chia cho hồ sơ tiếp nhận trong kỳ.',
			en: 'Dossiers received online (partial and full) divided by dossiers received in the period.'
		},
		numerator: ['online'],
		denominator: ['received']
	},
	{
		id: 'satisfaction_rate',
		kind: 'rate',
		name: { vi: 'Tỷ lệ hài lòng', en: 'Satisfaction rate' },
		definition: {
			vi: 'Đánh giá rất hài lòng và hài lòng chia cho số hồ sơ được đánh giá (hồ sơ giải quyết trong kỳ có đánh giá).',
			en: 'Ratings of very satisfied and satisfied divided by the dossiers rated (dossiers resolved in the period that have a rating).'
		},
		numerator: ['satisfied'],
		denominator: ['rated']
	},
	{
		id: 'online_payment_share',
		kind: 'rate',
		name: { vi: 'Tỷ lệ thanh toán trực tuyến', en: 'Online payment share' },
		definition: {
			vi: 'Hồ sơ thanh toán phí, lệ phí trực tuyến chia cho hồ sơ tiếp nhận có phí, lệ phí lớn hơn 0.',
			en: 'Dossiers paid online divided by received dossiers with a fee above zero.'
		},
		numerator: ['paid_online'],
		denominator: ['with_fee']
	},
	{
		id: 'digitisation_rate',
		kind: 'rate',
		name: { vi: 'Tỷ lệ số hóa hồ sơ', en: 'Digitisation rate' },
		definition: {
			vi: 'Hồ sơ được số hóa khi tiếp nhận chia cho hồ sơ tiếp nhận trong kỳ.',
			en: 'Dossiers digitised at receipt divided by dossiers received in the period.'
		},
		numerator: ['digitised'],
		denominator: ['received']
	},
	{
		id: 'electronic_result_rate',
		kind: 'rate',
		name: { vi: 'Tỷ lệ kết quả điện tử', en: 'Electronic result rate' },
		definition: {
			vi: 'Hồ sơ có kết quả điện tử chia cho hồ sơ đã giải quyết trong kỳ.',
			en: 'Results issued electronically divided by dossiers resolved in the period.'
		},
		numerator: ['result_electronic'],
		denominator: ['resolved']
	},
	{
		// Decision 766, indicator 5.4: the overdue share and the dissatisfied share, both over the
		// dossiers of indicator 2.1, taken from 100% (a dossier late and rated dissatisfied loses twice).
		id: 'satisfaction_rate_766',
		kind: 'rate',
		name: { vi: 'Mức độ hài lòng (QĐ 766, chỉ số 5.4)', en: 'Satisfaction (Decision 766, 5.4)' },
		definition: {
			vi: '100% trừ tỷ lệ hồ sơ quá hạn (giải quyết quá hạn và đang giải quyết quá hạn) và tỷ lệ hồ sơ bị đánh giá không hài lòng, cùng trên số hồ sơ đã giải quyết cộng đang giải quyết.',
			en: 'All dossiers (100%) less the share late (resolved late, or in progress and overdue) and the share rated dissatisfied, both over dossiers resolved plus in progress.'
		},
		numerator: ['late', 'overdue', 'dissatisfied'],
		denominator: ['resolved', 'in_progress'],
		complement: true
	}
] as const satisfies readonly RateSpec[];

export type RateId = (typeof RATES)[number]['id'];
export type MetricId = CountId | RateId;

export const COUNT_IDS: readonly CountId[] = COUNTS.map((c) => c.id);
export const RATE_IDS: readonly RateId[] = RATES.map((r) => r.id);

const BY_ID = new Map<string, Metric>([...COUNTS, ...RATES].map((m) => [m.id, m as Metric]));

export function metric(id: MetricId): Metric {
	const m = BY_ID.get(id);
	if (!m) throw new Error(`No metric ${id}`);
	return m;
}

export type Counts = Record<CountId, number>;

/** How many dossiers a rate is computed from (its denominator). */
export function rateBase(id: RateId, counts: Counts): number {
	return (metric(id) as RateMetric).denominator.reduce((s, c) => s + counts[c], 0);
}

/** The value of a rate from counts: null where the denominator is zero (no dossiers, no rate). */
export function rate(id: RateId, counts: Counts): number | null {
	const m = metric(id) as RateMetric;
	const den = rateBase(id, counts);
	if (den === 0) return null;
	const share = m.numerator.reduce((s, c) => s + counts[c], 0) / den;
	return m.complement ? 1 - share : share;
}

/** Sums counts, so that any grouping can be re-aggregated (every rate is a ratio of sums). */
export function addCounts(rows: readonly Counts[]): Counts {
	const total = Object.fromEntries(COUNT_IDS.map((id) => [id, 0])) as Counts;
	for (const row of rows) for (const id of COUNT_IDS) total[id] += row[id];
	return total;
}
