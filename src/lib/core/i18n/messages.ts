/**
 * Messages: every word of the interface, Vietnamese first (the default) and English.
 * Here are the words the core's own parts say and those more than one feature says; each
 * feature keeps its own in its folder (`<feature>/messages.ts`) and builds its `t` from
 * these and its own with `join` and `translator` (docs/ARCHITECTURE.md, "Messages").
 * Metric names and definitions live with the metrics (domain/metrics.ts), not here.
 */
import type { Span } from '../domain/periods';
import type { Units } from '../domain/succession';
import type { Channel, Level } from '../domain/types';
import type { Locale } from '../format/format';

/** The values put into a message's {name} placeholders. */
export type Params = Record<string, string | number>;
/** One locale's words, by key. */
type Words = Record<string, string>;
/** A catalogue: the same keys in every locale. */
export type Catalogue<W extends Words> = Record<Locale, W>;
/** The names of a closed set (levels, reasons, scenes …) in every locale: a name missing for a member does not compile. */
export type Names<K extends string> = Record<Locale, Record<K, string>>;

/** A text with its {name} placeholders filled in; a placeholder without a value is left as it is. */
export function fill(text: string, params: Params = {}): string {
	return text.replace(/\{(\w+)\}/g, (_, k: string) => (params[k] === undefined ? `{${k}}` : String(params[k])));
}

/** Two catalogues as one. A key both define does not compile: the second would hide the first. */
export function join<A extends Words, B extends Words>(a: Catalogue<A>, b: Catalogue<B & { [K in keyof A]?: never }>): Catalogue<A & B> {
	return { vi: { ...a.vi, ...b.vi }, en: { ...a.en, ...b.en } };
}

/** The `t` of a catalogue: `t(locale, key, params)`, where a key the catalogue lacks does not compile. */
export function translator<W extends Words>(catalogue: Catalogue<W>): (locale: Locale, key: keyof W & string, params?: Params) => string {
	return (locale, key, params) => fill(catalogue[locale][key], params);
}

const vi = {
	appTitle: 'Bảng điều khiển một cửa',
	province: 'Tỉnh',
	loadingManifest: 'Đang tìm dữ liệu…',
	loadingEngine: 'Đang khởi động bộ máy dữ liệu (DuckDB-WASM)…',
	loadingData: 'Đang mở cơ sở dữ liệu hồ sơ…',
	loadingQuery: 'Đang tính số liệu…',
	errorTitle: 'Không tải được số liệu',
	errorHelp: 'Hãy tải lại trang. Nếu lỗi vẫn còn, kiểm tra rằng thư mục data/ (manifest.json và province.duckdb) đã được chép lên máy chủ cùng trang web.',
	queryErrorTitle: 'Không tính được số liệu cho lựa chọn này',
	queryErrorHelp: 'Số liệu đang hiển thị là của lựa chọn trước. Hãy thử lại, hoặc quay về toàn tỉnh.',
	errorDetail: 'Chi tiết kỹ thuật',
	total: 'Tổng cộng',
	language: 'English',
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
	level: 'Cấp',
	agency: 'Cơ quan',
	field: 'Lĩnh vực',
	procedure: 'Thủ tục',
	channel: 'Hình thức nộp',
	month: 'Tháng',
	showTable: 'Xem bảng số liệu',
	showChart: 'Xem biểu đồ',
	downloadPng: 'Tải PNG',
	downloadSvg: 'Tải SVG',
	downloadCsv: 'Tải CSV',
	unknown: '(không rõ)',
	dossierId: 'Mã hồ sơ',
	receivedAt: 'Ngày tiếp nhận',
	dueAt: 'Hạn trả',
	resolvedAt: 'Ngày có kết quả',
	outcome: 'Tình trạng cuối kỳ',
	daysLate: 'Số ngày trễ',
	apology: 'Thư xin lỗi',
	yes: 'Có',
	no: 'Không',
	navDashboard: 'Bảng điều khiển',
	navReport: 'Báo cáo Biểu 06',
	navScorecard: 'Chỉ số 766',
	cutoffDay: 'Ngày chốt',
	navData: 'Dữ liệu',
	loadingSaved: 'Đang mở dữ liệu bạn đã tải lên…',
	emptySiteTitle: 'Chưa có dữ liệu',
	emptySiteHelp: 'Trang được triển khai không kèm dữ liệu. Các số liệu sẽ hiện ra sau khi bạn tải lên tệp xuất hồ sơ từ hệ thống một cửa; tệp không rời khỏi trình duyệt.',
	emptySiteLink: 'Tải dữ liệu lên',
	// The days that tell apart units of one name (engine/catalog.ts, unitName).
	unitUntil: 'đến {day}',
	unitFrom: 'từ {day}',
	unitBetween: '{from} – {to}',
	// The choice of units (core/ui/UnitsChoice.svelte) and a level no unit has any more.
	unitsLegend: 'Cách tính đơn vị',
	levelGone: 'Từ {day} không còn {level}'
};

const en: typeof vi = {
	appTitle: 'One-stop dashboard',
	province: 'Province',
	loadingManifest: 'Looking for the data…',
	loadingEngine: 'Starting the data engine (DuckDB-WASM)…',
	loadingData: 'Opening the dossier database…',
	loadingQuery: 'Computing the figures…',
	errorTitle: 'The figures could not be loaded',
	errorHelp: 'Reload the page. If the error remains, check that the data/ folder (manifest.json and province.duckdb) was copied to the web server with the site.',
	queryErrorTitle: 'The figures for this choice could not be computed',
	queryErrorHelp: 'The figures on screen are those of the previous choice. Try again, or go back to the whole province.',
	errorDetail: 'Technical detail',
	total: 'Total',
	language: 'Tiếng Việt',
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
	level: 'Level',
	agency: 'Agency',
	field: 'Field',
	procedure: 'Procedure',
	channel: 'Channel',
	month: 'Month',
	showTable: 'Show the data table',
	showChart: 'Show the chart',
	downloadPng: 'Download PNG',
	downloadSvg: 'Download SVG',
	downloadCsv: 'Download CSV',
	unknown: '(unknown)',
	dossierId: 'Dossier id',
	receivedAt: 'Received',
	dueAt: 'Due',
	resolvedAt: 'Result',
	outcome: 'Status at period end',
	daysLate: 'Days late',
	apology: 'Apology letter',
	yes: 'Yes',
	no: 'No',
	navDashboard: 'Dashboard',
	navReport: 'Report (form 06)',
	navScorecard: 'Decision 766 scorecard',
	cutoffDay: 'Cut-off day',
	navData: 'Data',
	loadingSaved: 'Opening the data you loaded before…',
	emptySiteTitle: 'No data yet',
	emptySiteHelp: 'This site was deployed without data. The figures appear once you load dossier exports from your one-stop system; the files never leave the browser.',
	emptySiteLink: 'Load data',
	unitUntil: 'until {day}',
	unitFrom: 'from {day}',
	unitBetween: '{from} – {to}',
	unitsLegend: 'Counting units',
	levelGone: 'No {level} since {day}'
};

export const CORE_MESSAGES: Catalogue<typeof vi> = { vi, en };
export type MessageKey = keyof typeof vi;
/** The core's words: the feature's own `t` (`<feature>/messages.ts`) knows these and the feature's. */
export const t = translator(CORE_MESSAGES);

export const LEVEL_NAMES: Names<Level> = {
	vi: { province: 'Cấp tỉnh', district: 'Cấp huyện', commune: 'Cấp xã' },
	en: { province: 'Province', district: 'District', commune: 'Commune' }
};

export const CHANNEL_NAMES: Names<Channel> = {
	vi: { in_person: 'Trực tiếp', postal: 'Bưu chính', online_partial: 'Trực tuyến một phần', online_full: 'Trực tuyến toàn trình' },
	en: { in_person: 'In person', postal: 'Postal', online_partial: 'Online (partial)', online_full: 'Online (full)' }
};

/** The two ways to count units across the 2025 reorganisation (docs/METRICS.md). */
export const UNITS_NAMES: Names<Units> = {
	vi: { received: 'Theo đơn vị lúc tiếp nhận', current: 'Theo đơn vị hiện nay' },
	en: { received: 'By the units as they were', current: "By today's units" }
};

/** What each way means, shown beside the figures counted that way. */
export const UNITS_DEFINITIONS: Names<Units> = {
	vi: {
		received: 'Mỗi hồ sơ được tính cho đơn vị đã tiếp nhận nó, ở cấp của đơn vị đó, như biểu báo cáo yêu cầu cho kỳ đã qua.',
		current: 'Hồ sơ của đơn vị đã sáp nhập, giải thể được tính cho đơn vị kế thừa hiện nay, ở cấp của đơn vị đó; không còn cấp huyện.'
	},
	en: {
		received: 'Each dossier is counted under the unit that received it, at that unit’s level, as the report form requires for a past period.',
		current: 'The dossiers of a unit that merged or was dissolved are counted under its successor today, at that unit’s level; there is no district level.'
	}
};

/** A level in the middle of a sentence ("không còn cấp huyện"). */
export const LEVEL_WORDS: Names<Level> = {
	vi: { province: 'cấp tỉnh', district: 'cấp huyện', commune: 'cấp xã' },
	en: { province: 'province level', district: 'district level', commune: 'commune level' }
};

export const SPAN_NAMES: Names<Span> = {
	vi: { month: 'Tháng', quarter: 'Quý', half: '6 tháng', nine_months: '9 tháng', year: 'Năm' },
	en: { month: 'Month', quarter: 'Quarter', half: 'Half year', nine_months: 'Nine months', year: 'Year' }
};
