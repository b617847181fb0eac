/** Names of periods as the reports write them: "Quý I/2023 (15/12/2022 – 14/3/2023)". */
import type { Period, Span } from '../domain/periods';
import { formatDay, roman, type Locale } from '../format/format';

/**
 * What a period's name is made of: a Period, or a period published with only these (the
 * public page's figures, public/figures.ts), so that every page names periods alike.
 */
export type NamedPeriod = Pick<Period, 'first' | 'last'> & {
	spec: { kind: 'reporting' | 'calendar'; span: Span; year: number; index: number } | { kind: 'custom' };
};

export function periodName(p: NamedPeriod, locale: Locale): string {
	const s = p.spec;
	if (s.kind === 'custom') return periodRange(p);
	const calendar = s.kind === 'calendar' ? (locale === 'vi' ? ' (dương lịch)' : ' (calendar)') : '';
	const vi = {
		month: `Tháng ${s.index}/${s.year}`,
		quarter: `Quý ${roman(s.index)}/${s.year}`,
		half: `6 tháng ${s.index === 1 ? 'đầu' : 'cuối'} năm ${s.year}`,
		nine_months: `9 tháng năm ${s.year}`,
		year: `Năm ${s.year}`
	};
	const en = {
		month: `Month ${s.index}/${s.year}`,
		quarter: `Quarter ${roman(s.index)} ${s.year}`,
		half: `${s.index === 1 ? 'First' : 'Second'} half of ${s.year}`,
		nine_months: `Nine months of ${s.year}`,
		year: `Year ${s.year}`
	};
	return (locale === 'vi' ? vi : en)[s.span] + calendar;
}

export function periodRange(p: Pick<Period, 'first' | 'last'>): string {
	return `${formatDay(p.first)} – ${formatDay(p.last)}`;
}
