/**
 * The public page's own words, in plain Vietnamese and English, and with the core's its `t`
 * (docs/ARCHITECTURE.md, "Messages"); the names of the periods it publishes are the other
 * pages' own (core/i18n/periods.ts).
 */
import type { Span } from '../core/domain/periods';
import { formatDay, type Locale } from '../core/format/format';
import { CORE_MESSAGES, join, translator } from '../core/i18n/messages';
import { periodName, periodRange } from '../core/i18n/periods';
import type { PublicPeriod } from './figures';

export { LEVEL_NAMES } from '../core/i18n/messages';

const vi = {
	title: 'Kết quả giải quyết thủ tục hành chính',
	skip: 'Bỏ qua, đến nội dung chính',
	intro: 'Số liệu về hồ sơ thủ tục hành chính mà các cơ quan của tỉnh tiếp nhận và giải quyết, đến hết ngày {day}.',
	received: 'Hồ sơ tiếp nhận',
	resolved: 'Hồ sơ đã giải quyết',
	on_time_rate: 'Giải quyết đúng hạn',
	online_share: 'Nộp trực tuyến',
	satisfaction_rate: 'Người dân hài lòng',
	withheld: 'Không công bố (dưới {n} hồ sơ)',
	byLevel: 'Theo cấp',
	byAgency: 'Theo cơ quan',
	byMonth: 'Theo tháng',
	unit: 'Cơ quan',
	merged: 'Các cơ quan khác ({n} cơ quan, mỗi cơ quan dưới {t} hồ sơ)',
	suppressed: '{n} cơ quan có dưới {t} hồ sơ không được công bố riêng, và cả nhóm cũng dưới {t} hồ sơ nên không hiện.',
	mergedNote: 'Để không ai bị nhận ra qua số liệu, cơ quan có dưới {t} hồ sơ được gộp chung, và tỷ lệ tính trên dưới {t} hồ sơ không được công bố.',
	chartSummary: 'Biểu đồ cột: số hồ sơ tiếp nhận mỗi tháng, từ {first} ({a} hồ sơ) đến {last} ({b} hồ sơ); nhiều nhất {max} hồ sơ.',
	definitions: 'Cách tính',
	privacy: 'Trang này chỉ công bố số liệu tổng hợp: không có mã hồ sơ hay thông tin của người nộp nào.',
	noFigures: 'Chưa có số liệu công bố.',
	details: 'Xem chi tiết',
	yearToDate: 'Từ đầu năm {y} đến hết ngày {day}'
};

const en: typeof vi = {
	title: 'How public services were delivered',
	skip: 'Skip to the main content',
	intro: "Dossiers for administrative procedures received and resolved by the province's agencies, up to the end of {day}.",
	received: 'Dossiers received',
	resolved: 'Dossiers resolved',
	on_time_rate: 'Resolved on time',
	online_share: 'Submitted online',
	satisfaction_rate: 'Citizens satisfied',
	withheld: 'Not published (under {n} dossiers)',
	byLevel: 'By level',
	byAgency: 'By agency',
	byMonth: 'By month',
	unit: 'Agency',
	merged: 'Other agencies ({n} agencies, each under {t} dossiers)',
	suppressed: '{n} agencies with under {t} dossiers are not published on their own, and together they are still under {t}, so they are not shown.',
	mergedNote: 'So that no one can be recognised from the figures, agencies with under {t} dossiers are grouped, and rates from under {t} dossiers are not published.',
	chartSummary: 'Bar chart: dossiers received each month, from {first} ({a} dossiers) to {last} ({b} dossiers); at most {max} dossiers.',
	definitions: 'How the figures are counted',
	privacy: 'This page publishes totals only: no dossier number and nothing about any applicant.',
	noFigures: 'No figures have been published yet.',
	details: 'See the details',
	yearToDate: 'Year {y} to the end of {day}'
};

export const PUBLIC_MESSAGES = join(CORE_MESSAGES, { vi, en });
export type MessageKey = keyof (typeof PUBLIC_MESSAGES)['vi'];
export const t = translator(PUBLIC_MESSAGES);

/** A published period's name: a reporting quarter with its days, as the report names it; a month; the year so far. */
export function publicPeriodName(p: PublicPeriod, locale: Locale): string {
	if (p.kind === 'year-to-date') return t(locale, 'yearToDate', { y: p.year, day: formatDay(p.last) });
	const span: Span = p.kind === 'reporting-quarter' ? 'quarter' : 'month';
	const named = { spec: { kind: 'reporting', span, year: p.year, index: p.index }, first: p.first, last: p.last } as const;
	return span === 'quarter' ? `${periodName(named, locale)} (${periodRange(named)})` : periodName(named, locale);
}
