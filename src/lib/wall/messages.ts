/**
 * The wall screen's own words and, with the core's, its `t` (docs/ARCHITECTURE.md, "Messages").
 */
import { CORE_MESSAGES, join, translator, type Names } from '../core/i18n/messages';
import type { SceneId } from './settings';

export { LEVEL_NAMES } from '../core/i18n/messages';

const vi = {
	wall_title: 'Màn hình điều hành',
	wall_province: 'Toàn tỉnh',
	wall_dataAsOf: 'Số liệu đến hết ngày {day}',
	wall_updated: 'đọc lúc {time}',
	wall_stale: 'Số liệu đã cũ: chưa có dữ liệu sau ngày {day} ({hours} giờ trước).',
	wall_failing: 'Không đọc được nguồn dữ liệu từ {since}; đang hiện số liệu đọc lúc {updated}.',
	wall_offline: 'Không kết nối được máy chủ từ {since}; đang hiện bản lưu trên màn hình: số liệu đến hết ngày {day}, đọc lúc {updated}.',
	wall_loading: 'Đang tải số liệu…',
	wall_firstFailure: 'Chưa đọc được dữ liệu ({detail}). Màn hình tự thử lại sau {seconds} giây.',
	wall_vsPrevious: 'so với {period}',
	wall_best: 'Cao nhất',
	wall_worst: 'Thấp nhất',
	wall_dossiersN: '{n} hồ sơ',
	wall_rankNote: 'Chỉ xếp hạng đơn vị có từ {n} hồ sơ đã giải quyết trở lên.',
	wall_unranked: '{n} đơn vị có ít hơn không được xếp hạng.',
	wall_atEndOf: 'Lúc hết ngày {day}',
	wall_overdueTotal: '{n} hồ sơ đang quá hạn lúc hết ngày {day}',
	wall_noneOverdue: 'Không có hồ sơ nào quá hạn lúc hết ngày {day}.',
	wall_othersOverdue: 'Và {units} đơn vị khác: {n} hồ sơ',
	wall_onTime: 'đúng hạn',
	wall_onlineOf: '{online} trên {received} hồ sơ nộp trực tuyến',
	wall_onlineByMonth: 'Tỷ lệ nộp trực tuyến theo tháng',
	wall_received: 'Tiếp nhận'
};

const en: typeof vi = {
	wall_title: 'Operations wall',
	wall_province: 'Whole province',
	wall_dataAsOf: 'Data up to the end of {day}',
	wall_updated: 'read at {time}',
	wall_stale: 'Data is stale: nothing after {day} ({hours} hours ago).',
	wall_failing: 'The data source cannot be read since {since}; showing the figures read at {updated}.',
	wall_offline: 'The server cannot be reached since {since}; showing the copy kept on this screen: data up to the end of {day}, read at {updated}.',
	wall_loading: 'Loading the figures…',
	wall_firstFailure: 'The data could not be read ({detail}). The screen retries in {seconds} seconds.',
	wall_vsPrevious: 'against {period}',
	wall_best: 'Highest',
	wall_worst: 'Lowest',
	wall_dossiersN: '{n} dossiers',
	wall_rankNote: 'Only units with at least {n} resolved dossiers are ranked.',
	wall_unranked: '{n} units with fewer are not ranked.',
	wall_atEndOf: 'At the end of {day}',
	wall_overdueTotal: '{n} dossiers overdue at the end of {day}',
	wall_noneOverdue: 'No dossier was overdue at the end of {day}.',
	wall_othersOverdue: 'And {units} other units: {n} dossiers',
	wall_onTime: 'on time',
	wall_onlineOf: '{online} of {received} dossiers submitted online',
	wall_onlineByMonth: 'Online share by month',
	wall_received: 'Received'
};

export const WALL_MESSAGES = join(CORE_MESSAGES, { vi, en });
export type MessageKey = keyof (typeof WALL_MESSAGES)['vi'];
export const t = translator(WALL_MESSAGES);

/** The scenes' titles (settings.ts). */
export const SCENE_NAMES: Names<SceneId> = {
	vi: {
		headline: 'Số liệu chính',
		trend: 'Hồ sơ tiếp nhận 12 tháng',
		ranking: 'Tỷ lệ giải quyết đúng hạn',
		levels: 'So sánh các cấp',
		overdue: 'Hồ sơ đang quá hạn',
		online: 'Nộp hồ sơ trực tuyến'
	},
	en: {
		headline: 'Key figures',
		trend: 'Dossiers received, 12 months',
		ranking: 'On-time rate',
		levels: 'Levels compared',
		overdue: 'Overdue dossiers',
		online: 'Online submission'
	}
};
