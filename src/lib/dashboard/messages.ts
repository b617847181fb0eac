/**
 * The dashboard's own words (the page, its filter bar, ranking and dossier list) and, with
 * the core's, its `t` (docs/ARCHITECTURE.md, "Messages").
 */
import type { Outcome } from '../core/domain/query';
import { CORE_MESSAGES, join, translator, type Names } from '../core/i18n/messages';

export { CHANNEL_NAMES, LEVEL_NAMES } from '../core/i18n/messages';

const vi = {
	latestQuarter: 'Quý báo cáo gần nhất đã kết thúc',
	chosenPeriod: 'Kỳ đang xem',
	dataAsOf: 'Dữ liệu đến hết ngày',
	computedBy: 'Số liệu được tính ngay trong trình duyệt bằng DuckDB-WASM từ {n} hồ sơ.',
	updating: 'Đang cập nhật số liệu…',
	vsPrevious: 'so với kỳ trước',
	vsLastYear: 'so với cùng kỳ năm trước',
	noData: 'Không có hồ sơ nào khớp với kỳ và bộ lọc đã chọn.',
	noDataHelp: 'Hãy chọn kỳ khác hoặc bỏ bớt bộ lọc.',
	clearFilters: 'Bỏ mọi bộ lọc',
	dossiers: 'hồ sơ',
	filters: 'Bộ lọc',
	filtersOn: 'có lọc',
	all: 'Tất cả',
	breadcrumb: 'Vị trí đang xem',
	wholeProvince: 'Toàn tỉnh',
	dossierList: 'Danh sách hồ sơ',
	showDossiers: 'Xem danh sách hồ sơ ({n})',
	drillHint: 'Bấm vào một cột, một dòng hoặc một ô số để xem chi tiết.',
	rankBy: 'Xếp theo chỉ số này',
	openDossiers: 'Xem các hồ sơ',
	trendVolume: 'Hồ sơ tiếp nhận theo tháng, theo cấp',
	trendVolumeSummary: 'Biểu đồ cột chồng: số hồ sơ tiếp nhận mỗi tháng trong 12 tháng đến {last}, chia theo cấp. Bấm một tháng để xem riêng tháng đó.',
	trendRates: 'Các tỷ lệ theo tháng',
	trendRatesSummary: 'Biểu đồ đường: tỷ lệ đúng hạn, tỷ lệ nộp trực tuyến và tỷ lệ hài lòng mỗi tháng trong 12 tháng đến {last}. Bấm một tháng để xem riêng tháng đó.',
	compareLevels: 'So sánh các cấp',
	compareLevelsSummary: 'Biểu đồ cột nhóm: ba tỷ lệ của từng cấp trong kỳ. Bấm một cấp để xem chi tiết cấp đó.',
	comparePath: 'So sánh với các cấp trên',
	comparePathSummary: 'Biểu đồ cột nhóm: ba tỷ lệ của lựa chọn hiện tại và của từng bước phía trên nó. Bấm một nhóm để quay lên bước đó.',
	rankingOf: 'Xếp hạng {what}',
	rankingHelp: 'Bấm tên cột để sắp xếp. Số nhỏ bên cạnh mỗi tỷ lệ là số hồ sơ tính ra tỷ lệ đó; nhóm dưới {n} hồ sơ được đánh dấu và xếp cuối khi sắp theo tỷ lệ.',
	fewDossiers: 'ít hồ sơ',
	showAll: 'Hiện tất cả {n} dòng',
	showFewer: 'Chỉ hiện {n} dòng đầu',
	name: 'Tên',
	pageOf: 'Trang {page}/{pages}',
	previousPage: 'Trang trước',
	nextPage: 'Trang sau',
	listSummary: '{n} hồ sơ, quá hạn trước, rồi trễ hạn, mỗi nhóm theo số ngày trễ giảm dần.',
	overdueBeside: 'Đang quá hạn: {n}',
	dueSoonWindow: 'Hạn trả đến hết {until} ({n} ngày làm việc sau {day})',
	noHolidays: 'Chưa có lịch nghỉ lễ: chỉ trừ thứ Bảy, Chủ nhật.',
	dueSoonDays: 'Số ngày làm việc',
	openDueSoon: 'Xem các hồ sơ sắp đến hạn',
	dueSoonList: 'Hồ sơ sắp đến hạn',
	dueSoonListSummary: '{n} hồ sơ đang giải quyết có hạn trả đến hết ngày {until} ({days} ngày làm việc sau ngày {day}), hạn sớm nhất trước.',
	wholeList: 'Xem mọi hồ sơ của kỳ',
	workingDaysLeft: 'Số ngày làm việc còn lại'
};

const en: typeof vi = {
	latestQuarter: 'Latest complete reporting quarter',
	chosenPeriod: 'Period shown',
	dataAsOf: 'Data up to the end of',
	computedBy: 'Figures computed in your browser by DuckDB-WASM from {n} dossiers.',
	updating: 'Updating the figures…',
	vsPrevious: 'vs previous period',
	vsLastYear: 'vs same period last year',
	noData: 'No dossiers match the chosen period and filters.',
	noDataHelp: 'Choose another period or remove some filters.',
	clearFilters: 'Remove all filters',
	dossiers: 'dossiers',
	filters: 'Filters',
	filtersOn: 'filtered',
	all: 'All',
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
	rankingOf: 'Ranking of {what}',
	rankingHelp: 'Click a column name to sort. The small number beside each rate is the count of dossiers it is computed from; groups under {n} dossiers are marked and go last when sorting by a rate.',
	fewDossiers: 'few dossiers',
	showAll: 'Show all {n} rows',
	showFewer: 'Show the first {n} rows only',
	name: 'Name',
	pageOf: 'Page {page} of {pages}',
	previousPage: 'Previous page',
	nextPage: 'Next page',
	listSummary: '{n} dossiers, overdue first, then late, each by days late, most first.',
	overdueBeside: 'Overdue now: {n}',
	dueSoonWindow: 'Due by the end of {until} ({n} working days after {day})',
	noHolidays: 'No holiday calendar yet: only Saturdays and Sundays are skipped.',
	dueSoonDays: 'Working days',
	openDueSoon: 'Show the dossiers due soon',
	dueSoonList: 'Dossiers due soon',
	dueSoonListSummary: '{n} dossiers in progress due by the end of {until} ({days} working days after {day}), soonest first.',
	wholeList: 'Show every dossier of the period',
	workingDaysLeft: 'Working days left'
};

export const DASHBOARD_MESSAGES = join(CORE_MESSAGES, { vi, en });
export type MessageKey = keyof (typeof DASHBOARD_MESSAGES)['vi'];
export const t = translator(DASHBOARD_MESSAGES);

export const OUTCOME_NAMES: Names<Outcome> = {
	vi: {
		overdue: 'Đang giải quyết, quá hạn',
		due_soon: 'Đang giải quyết, sắp đến hạn',
		not_yet_due: 'Đang giải quyết, trong hạn',
		late: 'Đã giải quyết, quá hạn',
		on_time: 'Đã giải quyết, đúng hạn',
		early: 'Đã giải quyết, trước hạn',
		withdrawn: 'Rút hồ sơ'
	},
	en: { overdue: 'In progress, overdue', due_soon: 'In progress, due soon', not_yet_due: 'In progress, not yet due', late: 'Resolved late', on_time: 'Resolved on time', early: 'Resolved early', withdrawn: 'Withdrawn' }
};

/** What the ranking lists, as a noun for its title. */
export const DIMENSION_NOUNS: Names<'level' | 'agency' | 'field' | 'procedure' | 'channel'> = {
	vi: { level: 'các cấp', agency: 'các cơ quan', field: 'các lĩnh vực', procedure: 'các thủ tục', channel: 'các hình thức nộp' },
	en: { level: 'levels', agency: 'agencies', field: 'fields', procedure: 'procedures', channel: 'channels' }
};
