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
	wall_dueSoonTotal: '{n} hồ sơ sắp đến hạn',
	wall_dueSoonWindow: 'hạn trả đến hết ngày {until}, trong {days} ngày làm việc tới',
	wall_dueSoonOverdue: 'đang quá hạn: {n}',
	wall_noneDueSoon: 'Không có hồ sơ nào đến hạn trong {days} ngày làm việc tới.',
	wall_noHolidays: 'Chưa có lịch nghỉ lễ: chỉ trừ thứ Bảy, Chủ nhật.',
	wall_dueSoonColumn: 'sắp đến hạn',
	wall_overdueColumn: 'quá hạn',
	wall_onTime: 'đúng hạn',
	wall_onlineOf: '{online} trên {received} hồ sơ nộp trực tuyến',
	wall_onlineByMonth: 'Tỷ lệ nộp trực tuyến theo tháng',
	wall_received: 'Tiếp nhận',
	wall_noLoss: 'Không mất điểm',
	wall_scorecardNote: 'Điểm QĐ 766 tính được từ dữ liệu hồ sơ (tối đa {max}), xếp theo tỷ lệ điểm đạt; bên phải: chỉ số mất nhiều điểm nhất.',
	wall_scorecardLeft: '{n} đơn vị không có hồ sơ.'
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
	wall_dueSoonTotal: '{n} dossiers due soon',
	wall_dueSoonWindow: 'due by the end of {until}, within {days} working days',
	wall_dueSoonOverdue: 'overdue now: {n}',
	wall_noneDueSoon: 'No dossier falls due within the next {days} working days.',
	wall_noHolidays: 'No holiday calendar yet: only Saturdays and Sundays are skipped.',
	wall_dueSoonColumn: 'due soon',
	wall_overdueColumn: 'overdue',
	wall_onTime: 'on time',
	wall_onlineOf: '{online} of {received} dossiers submitted online',
	wall_onlineByMonth: 'Online share by month',
	wall_received: 'Received',
	wall_noLoss: 'No points lost',
	wall_scorecardNote: 'Decision 766 points from dossier data (at most {max}), ranked by share of points possible; right: the indicator that lost most.',
	wall_scorecardLeft: '{n} units have no dossiers.'
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
		scorecard: 'Chỉ số 766: điểm và điểm mất',
		levels: 'So sánh các cấp',
		overdue: 'Hồ sơ đang quá hạn',
		duesoon: 'Hồ sơ sắp đến hạn',
		online: 'Nộp hồ sơ trực tuyến'
	},
	en: {
		headline: 'Key figures',
		trend: 'Dossiers received, 12 months',
		ranking: 'On-time rate',
		scorecard: 'Decision 766: points and losses',
		levels: 'Levels compared',
		overdue: 'Overdue dossiers',
		duesoon: 'Dossiers due soon',
		online: 'Online submission'
	}
};
