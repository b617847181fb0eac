/**
 * The report's own words (Biểu 06: the page, the form's header, the annex, the workbook)
 * and, with the core's, its `t` (docs/ARCHITECTURE.md, "Messages").
 */
import { CORE_MESSAGES, join, translator, type Names } from '../core/i18n/messages';
import type { FormColumnId, FormGroup } from './form';

export { LEVEL_NAMES } from '../core/i18n/messages';

const vi = {
	reportTitle: 'Tình hình, kết quả giải quyết thủ tục hành chính',
	reportForm: 'Biểu số 06 (Thông tư 01/2020/TT-VPCP)',
	reportOptions: 'Tùy chọn báo cáo',
	reportLevels: 'Các cấp',
	reportGrouping: 'Chia dòng theo',
	groupByAgency: 'Cơ quan',
	groupByField: 'Lĩnh vực trong từng cấp',
	reportCompare: 'So sánh với kỳ trước và cùng kỳ năm trước',
	reportPeriodLine: 'Kỳ báo cáo: {period}, từ ngày {first} đến ngày {last}',
	reportIssued: 'Ngày lập: {day}',
	reportDataAsOf: 'Số liệu đến hết ngày {day}',
	reportNoLevel: 'Hãy chọn ít nhất một cấp.',
	colNumber: 'STT',
	colNameAgency: 'Tên cơ quan',
	colNameField: 'Lĩnh vực',
	groupPrevious: 'Kỳ trước ({period})',
	groupLastYear: 'Cùng kỳ năm trước ({period})',
	cmpReceived: 'Tiếp nhận',
	cmpRate: 'Tỷ lệ đúng hạn',
	unknownLevel: 'Cơ quan không có trong danh mục',
	reportNote: 'Tỷ lệ đúng hạn = (trước hạn + đúng hạn) / đã giải quyết. Dấu “–”: không có hồ sơ.',
	identitiesOk:
		'Mọi dòng thỏa các đẳng thức của biểu: tiếp nhận = đã giải quyết + rút + đang giải quyết = mới + kỳ trước chuyển qua; đã giải quyết = trước hạn + đúng hạn + quá hạn; đang giải quyết = trong hạn + quá hạn.',
	identitiesBroken: 'Cảnh báo: {n} dòng không thỏa các đẳng thức của biểu.',
	annexTitle: 'Phụ lục: hồ sơ giải quyết quá hạn và hồ sơ đang quá hạn',
	annexHelp: '{n} hồ sơ đã giải quyết quá hạn trong kỳ hoặc còn quá hạn vào cuối ngày {last}. Trong mỗi cơ quan: hồ sơ đang quá hạn trước, rồi theo số ngày trễ giảm dần.',
	annexNone: 'Không có hồ sơ nào giải quyết quá hạn hay đang quá hạn trong kỳ.',
	annexLoading: 'Đang lập danh sách hồ sơ quá hạn…',
	annexLong: 'Danh sách dài: bấm tên một cơ quan để xem hồ sơ của cơ quan đó. Tệp Excel và CSV có đủ mọi hồ sơ.',
	annexCounts: '{overdue} đang quá hạn · {late} giải quyết quá hạn',
	annexStatus: 'Tình trạng',
	annexOverdue: 'Đang quá hạn',
	annexLate: 'Giải quyết quá hạn',
	exportXlsx: 'Tải Excel (.xlsx)',
	exportCsv: 'Tải CSV',
	print: 'In (A4 ngang)',
	sheetForm: 'Biểu 06',
	sheetAnnex: 'Phụ lục',
	preparing: 'Đang chuẩn bị tệp…',
	exportFailed: 'Không tạo được tệp: {detail}'
};

const en: typeof vi = {
	reportTitle: 'Results of resolving administrative procedures',
	reportForm: 'Form 06 (Circular 01/2020/TT-VPCP)',
	reportOptions: 'Report options',
	reportLevels: 'Levels',
	reportGrouping: 'Rows by',
	groupByAgency: 'Agency',
	groupByField: 'Field within each level',
	reportCompare: 'Compare with the previous period and the same period a year before',
	reportPeriodLine: 'Reporting period: {period}, from {first} to {last}',
	reportIssued: 'Issued on {day}',
	reportDataAsOf: 'Data up to the end of {day}',
	reportNoLevel: 'Choose at least one level.',
	colNumber: 'No.',
	colNameAgency: 'Agency',
	colNameField: 'Field',
	groupPrevious: 'Previous period ({period})',
	groupLastYear: 'Same period a year before ({period})',
	cmpReceived: 'Received',
	cmpRate: 'On-time rate',
	unknownLevel: 'Agencies missing from the list',
	reportNote: 'On-time rate = (early + on time) / resolved. A dash: no dossier.',
	identitiesOk: 'Every row keeps the form’s identities: received = resolved + withdrawn + in progress = new + carried over; resolved = early + on time + late; in progress = within the time limit + overdue.',
	identitiesBroken: 'Warning: {n} rows break the form’s identities.',
	annexTitle: 'Annex: dossiers resolved late and dossiers overdue',
	annexHelp: '{n} dossiers resolved late in the period or still overdue at the end of {last}. Within each agency: overdue ones first, then by days late, most first.',
	annexNone: 'No dossier was resolved late or overdue in the period.',
	annexLoading: 'Listing the late dossiers…',
	annexLong: 'A long list: click an agency to see its dossiers. The Excel and CSV files hold every one.',
	annexCounts: '{overdue} overdue · {late} resolved late',
	annexStatus: 'Status',
	annexOverdue: 'Overdue',
	annexLate: 'Resolved late',
	exportXlsx: 'Download Excel (.xlsx)',
	exportCsv: 'Download CSV',
	print: 'Print (A4 landscape)',
	sheetForm: 'Form 06',
	sheetAnnex: 'Annex',
	preparing: 'Preparing the file…',
	exportFailed: 'The file could not be made: {detail}'
};

export const REPORT_MESSAGES = join(CORE_MESSAGES, { vi, en });
export type MessageKey = keyof (typeof REPORT_MESSAGES)['vi'];
export const t = translator(REPORT_MESSAGES);

/** The groups of the form's header, over its columns (form.ts). */
export const GROUP_NAMES: Names<FormGroup> = {
	vi: {
		received: 'Số hồ sơ tiếp nhận',
		resolved: 'Số hồ sơ đã giải quyết',
		withdrawn: 'Rút hồ sơ',
		in_progress: 'Số hồ sơ đang giải quyết',
		on_time_rate: 'Tỷ lệ đúng hạn'
	},
	en: {
		received: 'Dossiers received',
		resolved: 'Dossiers resolved',
		withdrawn: 'Withdrawn',
		in_progress: 'Dossiers in progress',
		on_time_rate: 'On-time rate'
	}
};

/** The form's columns under their groups (form.ts). */
export const COLUMN_NAMES: Names<FormColumnId> = {
	vi: {
		received: 'Tổng số',
		online: 'Trực tuyến',
		in_person_postal: 'Trực tiếp, dịch vụ bưu chính',
		carried: 'Kỳ trước chuyển qua',
		new: 'Mới tiếp nhận',
		resolved: 'Tổng số',
		early: 'Trước hạn',
		on_time: 'Đúng hạn',
		late: 'Quá hạn',
		withdrawn: 'Rút hồ sơ',
		in_progress: 'Tổng số',
		not_yet_due: 'Trong hạn',
		overdue: 'Quá hạn',
		on_time_rate: 'Tỷ lệ đúng hạn'
	},
	en: {
		received: 'Total',
		online: 'Online',
		in_person_postal: 'In person, postal service',
		carried: 'Carried over',
		new: 'New',
		resolved: 'Total',
		early: 'Early',
		on_time: 'On time',
		late: 'Late',
		withdrawn: 'Withdrawn',
		in_progress: 'Total',
		not_yet_due: 'Within the time limit',
		overdue: 'Overdue',
		on_time_rate: 'On-time rate'
	}
};
