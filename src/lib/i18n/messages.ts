/**
 * Message catalogues: every word of the interface, Vietnamese first (the default) and English.
 * Metric names and definitions live with the metrics (domain/metrics.ts), not here.
 */
import type { Span } from '../domain/periods';
import type { Outcome } from '../domain/query';
import type { Channel, Level } from '../domain/types';
import type { Locale } from '../format/format';

const vi = {
	appTitle: 'Bảng điều khiển một cửa',
	province: 'Tỉnh',
	latestQuarter: 'Quý báo cáo gần nhất đã kết thúc',
	chosenPeriod: 'Kỳ đang xem',
	dataAsOf: 'Dữ liệu đến hết ngày',
	computedBy: 'Số liệu được tính ngay trong trình duyệt bằng DuckDB-WASM từ {n} hồ sơ.',
	loadingManifest: 'Đang tìm dữ liệu…',
	loadingEngine: 'Đang khởi động bộ máy dữ liệu (DuckDB-WASM)…',
	loadingData: 'Đang mở cơ sở dữ liệu hồ sơ…',
	loadingQuery: 'Đang tính số liệu…',
	updating: 'Đang cập nhật số liệu…',
	errorTitle: 'Không tải được số liệu',
	errorHelp: 'Hãy tải lại trang. Nếu lỗi vẫn còn, kiểm tra rằng thư mục data/ (manifest.json và province.duckdb) đã được chép lên máy chủ cùng trang web.',
	queryErrorTitle: 'Không tính được số liệu cho lựa chọn này',
	queryErrorHelp: 'Số liệu đang hiển thị là của lựa chọn trước. Hãy thử lại, hoặc quay về toàn tỉnh.',
	errorDetail: 'Chi tiết kỹ thuật',
	vsPrevious: 'so với kỳ trước',
	vsLastYear: 'so với cùng kỳ năm trước',
	total: 'Tổng cộng',
	noData: 'Không có hồ sơ nào khớp với kỳ và bộ lọc đã chọn.',
	noDataHelp: 'Hãy chọn kỳ khác hoặc bỏ bớt bộ lọc.',
	clearFilters: 'Bỏ mọi bộ lọc',
	dossiers: 'hồ sơ',
	language: 'English',
	// Filter bar
	filters: 'Bộ lọc',
	filtersOn: 'có lọc',
	period: 'Kỳ',
	periodKind: 'Loại kỳ',
	kindReporting: 'Kỳ báo cáo (chốt ngày {day})',
	kindCalendar: 'Theo lịch',
	kindCustom: 'Tự chọn ngày',
	span: 'Độ dài',
	year: 'Năm',
	which: 'Kỳ số',
	from: 'Từ ngày',
	to: 'Đến ngày',
	apply: 'Áp dụng',
	all: 'Tất cả',
	level: 'Cấp',
	agency: 'Cơ quan',
	field: 'Lĩnh vực',
	procedure: 'Thủ tục',
	channel: 'Hình thức nộp',
	// Drill-down
	breadcrumb: 'Vị trí đang xem',
	wholeProvince: 'Toàn tỉnh',
	dossierList: 'Danh sách hồ sơ',
	showDossiers: 'Xem danh sách hồ sơ ({n})',
	drillHint: 'Bấm vào một cột, một dòng hoặc một ô số để xem chi tiết.',
	rankBy: 'Xếp theo chỉ số này',
	openDossiers: 'Xem các hồ sơ',
	// Charts
	trendVolume: 'Hồ sơ tiếp nhận theo tháng, theo cấp',
	trendVolumeSummary: 'Biểu đồ cột chồng: số hồ sơ tiếp nhận mỗi tháng trong 12 tháng đến {last}, chia theo cấp. Bấm một tháng để xem riêng tháng đó.',
	trendRates: 'Các tỷ lệ theo tháng',
	trendRatesSummary: 'Biểu đồ đường: tỷ lệ đúng hạn, tỷ lệ nộp trực tuyến và tỷ lệ hài lòng mỗi tháng trong 12 tháng đến {last}. Bấm một tháng để xem riêng tháng đó.',
	compareLevels: 'So sánh các cấp',
	compareLevelsSummary: 'Biểu đồ cột nhóm: ba tỷ lệ của từng cấp trong kỳ. Bấm một cấp để xem chi tiết cấp đó.',
	comparePath: 'So sánh với các cấp trên',
	comparePathSummary: 'Biểu đồ cột nhóm: ba tỷ lệ của lựa chọn hiện tại và của từng bước phía trên nó. Bấm một nhóm để quay lên bước đó.',
	month: 'Tháng',
	showTable: 'Xem bảng số liệu',
	showChart: 'Xem biểu đồ',
	downloadPng: 'Tải PNG',
	downloadSvg: 'Tải SVG',
	downloadCsv: 'Tải CSV',
	// Ranking
	rankingOf: 'Xếp hạng {what}',
	rankingHelp: 'Bấm tên cột để sắp xếp. Số nhỏ bên cạnh mỗi tỷ lệ là số hồ sơ tính ra tỷ lệ đó; nhóm dưới {n} hồ sơ được đánh dấu và xếp cuối khi sắp theo tỷ lệ.',
	fewDossiers: 'ít hồ sơ',
	showAll: 'Hiện tất cả {n} dòng',
	showFewer: 'Chỉ hiện {n} dòng đầu',
	name: 'Tên',
	unknown: '(không rõ)',
	sortAscending: 'tăng dần',
	sortDescending: 'giảm dần',
	// Dossier list
	dossierId: 'Mã hồ sơ',
	receivedAt: 'Ngày tiếp nhận',
	dueAt: 'Hạn trả',
	resolvedAt: 'Ngày có kết quả',
	outcome: 'Tình trạng cuối kỳ',
	daysLate: 'Số ngày trễ',
	apology: 'Thư xin lỗi',
	yes: 'Có',
	no: 'Không',
	pageOf: 'Trang {page}/{pages}',
	previousPage: 'Trang trước',
	nextPage: 'Trang sau',
	listSummary: '{n} hồ sơ, quá hạn trước, rồi trễ hạn, mỗi nhóm theo số ngày trễ giảm dần.',
	backToFigures: 'Quay lại số liệu'
};

const en: typeof vi = {
	appTitle: 'One-stop dashboard',
	province: 'Province',
	latestQuarter: 'Latest complete reporting quarter',
	chosenPeriod: 'Period shown',
	dataAsOf: 'Data up to the end of',
	computedBy: 'Figures computed in your browser by DuckDB-WASM from {n} dossiers.',
	loadingManifest: 'Looking for the data…',
	loadingEngine: 'Starting the data engine (DuckDB-WASM)…',
	loadingData: 'Opening the dossier database…',
	loadingQuery: 'Computing the figures…',
	updating: 'Updating the figures…',
	errorTitle: 'The figures could not be loaded',
	errorHelp: 'Reload the page. If the error remains, check that the data/ folder (manifest.json and province.duckdb) was copied to the web server with the site.',
	queryErrorTitle: 'The figures for this choice could not be computed',
	queryErrorHelp: 'The figures on screen are those of the previous choice. Try again, or go back to the whole province.',
	errorDetail: 'Technical detail',
	vsPrevious: 'vs previous period',
	vsLastYear: 'vs same period last year',
	total: 'Total',
	noData: 'No dossiers match the chosen period and filters.',
	noDataHelp: 'Choose another period or remove some filters.',
	clearFilters: 'Remove all filters',
	dossiers: 'dossiers',
	language: 'Tiếng Việt',
	filters: 'Filters',
	filtersOn: 'filtered',
	period: 'Period',
	periodKind: 'Kind of period',
	kindReporting: 'Reporting period (cut-off day {day})',
	kindCalendar: 'Calendar',
	kindCustom: 'Custom dates',
	span: 'Length',
	year: 'Year',
	which: 'Number',
	from: 'From',
	to: 'To',
	apply: 'Apply',
	all: 'All',
	level: 'Level',
	agency: 'Agency',
	field: 'Field',
	procedure: 'Procedure',
	channel: 'Channel',
	breadcrumb: 'You are viewing',
	wholeProvince: 'Whole province',
	dossierList: 'Dossier list',
	showDossiers: 'Show the dossiers ({n})',
	drillHint: 'Click a bar, a row or a figure for detail.',
	rankBy: 'Rank by this metric',
	openDossiers: 'Show the dossiers',
	trendVolume: 'Dossiers received by month, by level',
	trendVolumeSummary: 'Stacked bar chart: dossiers received each month over the 12 months to {last}, split by level. Click a month to see that month alone.',
	trendRates: 'Rates by month',
	trendRatesSummary: 'Line chart: on-time rate, online share and satisfaction rate each month over the 12 months to {last}. Click a month to see that month alone.',
	compareLevels: 'Levels compared',
	compareLevelsSummary: 'Grouped bar chart: the three rates of each level in the period. Click a level for its detail.',
	comparePath: 'Compared with the steps above',
	comparePathSummary: 'Grouped bar chart: the three rates of the current choice and of each step above it. Click a group to go back up to it.',
	month: 'Month',
	showTable: 'Show the data table',
	showChart: 'Show the chart',
	downloadPng: 'Download PNG',
	downloadSvg: 'Download SVG',
	downloadCsv: 'Download CSV',
	rankingOf: 'Ranking of {what}',
	rankingHelp: 'Click a column name to sort. The small number beside each rate is the count of dossiers it is computed from; groups under {n} dossiers are marked and go last when sorting by a rate.',
	fewDossiers: 'few dossiers',
	showAll: 'Show all {n} rows',
	showFewer: 'Show the first {n} rows only',
	name: 'Name',
	unknown: '(unknown)',
	sortAscending: 'ascending',
	sortDescending: 'descending',
	dossierId: 'Dossier id',
	receivedAt: 'Received',
	dueAt: 'Due',
	resolvedAt: 'Result',
	outcome: 'Status at period end',
	daysLate: 'Days late',
	apology: 'Apology letter',
	yes: 'Yes',
	no: 'No',
	pageOf: 'Page {page} of {pages}',
	previousPage: 'Previous page',
	nextPage: 'Next page',
	listSummary: '{n} dossiers, overdue first, then late, each by days late, most first.',
	backToFigures: 'Back to the figures'
};

export type MessageKey = keyof typeof vi;
export const MESSAGES: Record<Locale, typeof vi> = { vi, en };

/** A message with {name} placeholders filled in. */
export function t(locale: Locale, key: MessageKey, params: Record<string, string | number> = {}): string {
	return MESSAGES[locale][key].replace(/\{(\w+)\}/g, (_, k: string) => (params[k] === undefined ? `{${k}}` : String(params[k])));
}

export const LEVEL_NAMES: Record<Locale, Record<Level, string>> = {
	vi: { province: 'Cấp tỉnh', district: 'Cấp huyện', commune: 'Cấp xã' },
	en: { province: 'Province', district: 'District', commune: 'Commune' }
};

export const CHANNEL_NAMES: Record<Locale, Record<Channel, string>> = {
	vi: { in_person: 'Trực tiếp', postal: 'Bưu chính', online_partial: 'Trực tuyến một phần', online_full: 'Trực tuyến toàn trình' },
	en: { in_person: 'In person', postal: 'Postal', online_partial: 'Online (partial)', online_full: 'Online (full)' }
};

export const OUTCOME_NAMES: Record<Locale, Record<Outcome, string>> = {
	vi: { overdue: 'Đang giải quyết, quá hạn', not_yet_due: 'Đang giải quyết, trong hạn', late: 'Đã giải quyết, quá hạn', on_time: 'Đã giải quyết, đúng hạn', early: 'Đã giải quyết, trước hạn', withdrawn: 'Rút hồ sơ' },
	en: { overdue: 'In progress, overdue', not_yet_due: 'In progress, not yet due', late: 'Resolved late', on_time: 'Resolved on time', early: 'Resolved early', withdrawn: 'Withdrawn' }
};

export const SPAN_NAMES: Record<Locale, Record<Span, string>> = {
	vi: { month: 'Tháng', quarter: 'Quý', half: '6 tháng', nine_months: '9 tháng', year: 'Năm' },
	en: { month: 'Month', quarter: 'Quarter', half: 'Half year', nine_months: 'Nine months', year: 'Year' }
};

/** What the ranking lists, as a noun for its title. */
export const DIMENSION_NOUNS: Record<Locale, Record<'level' | 'agency' | 'field' | 'procedure' | 'channel', string>> = {
	vi: { level: 'các cấp', agency: 'các cơ quan', field: 'các lĩnh vực', procedure: 'các thủ tục', channel: 'các hình thức nộp' },
	en: { level: 'levels', agency: 'agencies', field: 'fields', procedure: 'procedures', channel: 'channels' }
};
