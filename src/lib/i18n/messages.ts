/**
 * Message catalogues: every word of the interface, Vietnamese first (the default) and English.
 * Metric names and definitions live with the metrics (domain/metrics.ts), not here.
 */
import type { Level } from '../domain/types';
import type { Locale } from '../format/format';

const vi = {
	appTitle: 'Bảng điều khiển một cửa',
	province: 'Tỉnh',
	latestQuarter: 'Quý báo cáo gần nhất đã kết thúc',
	dataAsOf: 'Dữ liệu đến hết ngày',
	computedBy: 'Số liệu được tính ngay trong trình duyệt bằng DuckDB-WASM từ {n} hồ sơ.',
	loadingManifest: 'Đang tìm dữ liệu…',
	loadingEngine: 'Đang khởi động bộ máy dữ liệu (DuckDB-WASM)…',
	loadingData: 'Đang mở cơ sở dữ liệu hồ sơ…',
	loadingQuery: 'Đang tính số liệu…',
	errorTitle: 'Không tải được số liệu',
	errorHelp: 'Hãy tải lại trang. Nếu lỗi vẫn còn, kiểm tra rằng thư mục data/ (manifest.json và province.duckdb) đã được chép lên máy chủ cùng trang web.',
	errorDetail: 'Chi tiết kỹ thuật',
	vsPrevious: 'so với kỳ trước',
	vsLastYear: 'so với cùng kỳ năm trước',
	byLevel: 'Theo cấp',
	level: 'Cấp',
	total: 'Tổng cộng',
	noData: 'Không có hồ sơ nào trong kỳ này.',
	definition: 'Định nghĩa',
	dossiers: 'hồ sơ',
	language: 'English'
};

const en: typeof vi = {
	appTitle: 'One-stop dashboard',
	province: 'Province',
	latestQuarter: 'Latest complete reporting quarter',
	dataAsOf: 'Data up to the end of',
	computedBy: 'Figures computed in your browser by DuckDB-WASM from {n} dossiers.',
	loadingManifest: 'Looking for the data…',
	loadingEngine: 'Starting the data engine (DuckDB-WASM)…',
	loadingData: 'Opening the dossier database…',
	loadingQuery: 'Computing the figures…',
	errorTitle: 'The figures could not be loaded',
	errorHelp: 'Reload the page. If the error remains, check that the data/ folder (manifest.json and province.duckdb) was copied to the web server with the site.',
	errorDetail: 'Technical detail',
	vsPrevious: 'vs previous period',
	vsLastYear: 'vs same period last year',
	byLevel: 'By level',
	level: 'Level',
	total: 'Total',
	noData: 'No dossiers in this period.',
	definition: 'Definition',
	dossiers: 'dossiers',
	language: 'Tiếng Việt'
};

export type MessageKey = keyof typeof vi;
export const MESSAGES: Record<Locale, typeof vi> = { vi, en };

/** A message with {name} placeholders filled in. */
export function t(locale: Locale, key: MessageKey, params: Record<string, string> = {}): string {
	return MESSAGES[locale][key].replace(/\{(\w+)\}/g, (_, k: string) => params[k] ?? `{${k}}`);
}

export const LEVEL_NAMES: Record<Locale, Record<Level, string>> = {
	vi: { province: 'Cấp tỉnh', district: 'Cấp huyện', commune: 'Cấp xã' },
	en: { province: 'Province', district: 'District', commune: 'Commune' }
};
