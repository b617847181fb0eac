/** The public page's words, in plain Vietnamese and English, and the names of its periods. */
import { formatDay, roman, type Locale } from '../core/format/format';
import type { PublicPeriod } from './figures';

export const PUBLIC_TEXT = {
	vi: {
		title: 'Kết quả giải quyết thủ tục hành chính',
		skip: 'Bỏ qua, đến nội dung chính',
		intro: 'Số liệu về hồ sơ thủ tục hành chính mà các cơ quan của tỉnh tiếp nhận và giải quyết, đến hết ngày {day}.',
		other: 'English',
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
		level: 'Cấp',
		month: 'Tháng',
		merged: 'Các cơ quan khác ({n} cơ quan, mỗi cơ quan dưới {t} hồ sơ)',
		suppressed: '{n} cơ quan có dưới {t} hồ sơ không được công bố riêng, và cả nhóm cũng dưới {t} hồ sơ nên không hiện.',
		mergedNote: 'Để không ai bị nhận ra qua số liệu, cơ quan có dưới {t} hồ sơ được gộp chung, và tỷ lệ tính trên dưới {t} hồ sơ không được công bố.',
		chartSummary: 'Biểu đồ cột: số hồ sơ tiếp nhận mỗi tháng, từ {first} ({a} hồ sơ) đến {last} ({b} hồ sơ); nhiều nhất {max} hồ sơ.',
		definitions: 'Cách tính',
		privacy: 'Trang này chỉ công bố số liệu tổng hợp: không có mã hồ sơ hay thông tin của người nộp nào.',
		noFigures: 'Chưa có số liệu công bố.',
		details: 'Xem chi tiết',
		quarter: 'Quý {i}/{y}',
		month_n: 'Tháng {i}/{y}',
		yearToDate: 'Từ đầu năm {y} đến hết ngày {day}'
	},
	en: {
		title: 'How public services were delivered',
		skip: 'Skip to the main content',
		intro: "Dossiers for administrative procedures received and resolved by the province's agencies, up to the end of {day}.",
		other: 'Tiếng Việt',
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
		level: 'Level',
		month: 'Month',
		merged: 'Other agencies ({n} agencies, each under {t} dossiers)',
		suppressed: '{n} agencies with under {t} dossiers are not published on their own, and together they are still under {t}, so they are not shown.',
		mergedNote: 'So that no one can be recognised from the figures, agencies with under {t} dossiers are grouped, and rates from under {t} dossiers are not published.',
		chartSummary: 'Bar chart: dossiers received each month, from {first} ({a} dossiers) to {last} ({b} dossiers); at most {max} dossiers.',
		definitions: 'How the figures are counted',
		privacy: 'This page publishes totals only: no dossier number and nothing about any applicant.',
		noFigures: 'No figures have been published yet.',
		details: 'See the details',
		quarter: 'Quarter {i} {y}',
		month_n: 'Month {i}/{y}',
		yearToDate: 'Year {y} to the end of {day}'
	}
} as const;

export type PublicKey = keyof (typeof PUBLIC_TEXT)['vi'];

export function pt(locale: Locale, key: PublicKey, params: Record<string, string | number> = {}): string {
	return PUBLIC_TEXT[locale][key].replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? `{${k}}`));
}

export function publicPeriodName(p: PublicPeriod, locale: Locale): string {
	if (p.kind === 'year-to-date') return pt(locale, 'yearToDate', { y: p.year, day: formatDay(p.last) });
	if (p.kind === 'reporting-quarter') return `${pt(locale, 'quarter', { i: roman(p.index), y: p.year })} (${formatDay(p.first)} – ${formatDay(p.last)})`;
	return pt(locale, 'month_n', { i: p.index, y: p.year });
}
