/**
 * The values of the data model (docs/DATA.md): levels, channels, statuses, online services,
 * ratings and timestamps. The tables and their row types are in schema.ts. Names follow the
 * glossary of the domain: dossier = hồ sơ, agency = cơ quan/đơn vị, procedure = thủ tục hành
 * chính, field = lĩnh vực.
 */

/** Administrative level of an agency: cấp tỉnh / huyện / xã. No district level since 1/7/2025. */
export const LEVELS = ['province', 'district', 'commune'] as const;
export type Level = (typeof LEVELS)[number];

/** How a dossier was submitted: trực tiếp, bưu chính công ích, dịch vụ công trực tuyến một phần / toàn trình. */
export const CHANNELS = ['in_person', 'postal', 'online_partial', 'online_full'] as const;
export type Channel = (typeof CHANNELS)[number];

/** The status recorded by the one-stop software when the data was exported. */
export const STATUSES = ['in_progress', 'resolved', 'withdrawn'] as const;
export type Status = (typeof STATUSES)[number];

/** The online service a procedure offers (Decree 42/2022): none, partial (ex "mức độ 3"), full (ex "mức độ 4"). */
export const ONLINE_SERVICES = ['none', 'partial', 'full'] as const;
export type OnlineService = (typeof ONLINE_SERVICES)[number];

/**
 * Satisfaction rating, five levels: 5 rất hài lòng, 4 hài lòng, 3 bình thường,
 * 2 không hài lòng, 1 rất không hài lòng.
 */
export type Rating = 1 | 2 | 3 | 4 | 5;

/**
 * A timestamp in Vietnam local time, 'YYYY-MM-DD HH:MM:SS[.ffffff]', stored in a DuckDB
 * TIMESTAMP column. A due date known only as a day is stored as the last instant of that
 * day ('YYYY-MM-DD 23:59:59.999999'), because a due date without a time means the end of
 * that day.
 */
export type VietnamTimestamp = string;
