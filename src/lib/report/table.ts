/**
 * The report as a table, the one layout the screen, the CSV and the workbook all draw: the
 * form's two-row header (groups over columns) and each row's figures in column order; and
 * the annex as the files write it, one dossier a line.
 */
import type { DossierListRow } from '../core/domain/query';
import { formatMoment, type Locale } from '../core/format/format';
import { COLUMN_NAMES, GROUP_NAMES, t } from './messages';
import { periodName } from '../core/i18n/periods';
import type { AnnexGroup, Report } from './data';
import { FORM_COLUMNS, FORM_GROUPS, formValue, type FormRow, type Grouping } from './form';

export interface ReportColumn {
	label: string;
	/** The full name of a figure column: its group and its own label. */
	long: string;
	kind: 'count' | 'rate';
}

/** A cell of the header's first row: a group over `span` columns, or a lone column over both rows. */
export interface HeaderGroup {
	label: string;
	span: number;
	rows: 1 | 2;
}

export interface ReportLayout {
	/** The number and name columns, each over both header rows. */
	leading: [string, string];
	groups: HeaderGroup[];
	columns: ReportColumn[];
}

export function reportLayout(report: Report, grouping: Grouping, compare: boolean, locale: Locale): ReportLayout {
	const groups: HeaderGroup[] = FORM_GROUPS.map((g) => ({ label: GROUP_NAMES[locale][g.group], span: g.span, rows: g.span === 1 ? 2 : 1 }));
	const columns: ReportColumn[] = FORM_COLUMNS.map((c) => {
		const group = GROUP_NAMES[locale][c.group];
		const label = COLUMN_NAMES[locale][c.id];
		return { label, long: group === label ? label : `${group}: ${label}`, kind: c.id === 'on_time_rate' ? 'rate' : 'count' };
	});
	if (compare) {
		for (const [key, p] of [
			['groupPrevious', report.previous],
			['groupLastYear', report.lastYear]
		] as const) {
			const group = t(locale, key, { period: periodName(p, locale) });
			groups.push({ label: group, span: 2, rows: 1 });
			columns.push({ label: t(locale, 'cmpReceived'), long: `${group}: ${t(locale, 'cmpReceived')}`, kind: 'count' });
			columns.push({ label: t(locale, 'cmpRate'), long: `${group}: ${t(locale, 'cmpRate')}`, kind: 'rate' });
		}
	}
	return { leading: [t(locale, 'colNumber'), t(locale, grouping === 'agency' ? 'colNameAgency' : 'colNameField')], groups, columns };
}

/** A row's figures in column order; null where there is no dossier (or no rate). */
export function rowFigures(row: FormRow, compare: boolean): (number | null)[] {
	const own = FORM_COLUMNS.map((c) => (row.counts ? formValue(c.id, row.counts) : null));
	if (!compare) return own;
	const other = (c: FormRow['previous']) => (c ? [c.received, formValue('on_time_rate', c)] : [null, null]);
	return [...own, ...other(row.previous), ...other(row.lastYear)];
}

/** The annex's columns in the CSV and the workbook. */
export function annexHeader(locale: Locale): string[] {
	return (['colNumber', 'agency', 'dossierId', 'procedure', 'dueAt', 'annexStatus', 'daysLate', 'apology'] as const).map((k) => t(locale, k));
}

/** The annex one dossier a line, numbered through, in its order. */
export function annexLines(groups: readonly AnnexGroup[], locale: Locale): (string | number | null)[][] {
	let n = 0;
	return groups.flatMap((g) =>
		g.dossiers.map((d: DossierListRow) => [
			++n,
			g.label,
			d.id,
			d.procedure_code,
			formatMoment(d.due_at),
			t(locale, d.outcome === 'overdue' ? 'annexOverdue' : 'annexLate'),
			d.days_late,
			t(locale, d.apology_issued ? 'yes' : 'no')
		])
	);
}
