/**
 * What `npm run ingest` prints, Vietnamese first (the default) and English (`--lang en`).
 * The reasons of the row account, the file refusals and the field names are the data
 * page's too (messages.ts, beside this): the two say the same thing in the same words.
 */
import { translator } from '../core/i18n/messages';

const vi = {
	usage:
		'Cách dùng: npm run ingest -- --out THƯ_MỤC [--agencies DANH_MỤC.csv] [--holidays NGÀY_NGHỈ.csv] [--mapping GHÉP_CỘT.json] [--header-line SỐ_DÒNG] [--province "Tên tỉnh"] [--cutoff-day 15] [--keep 7] [--rewrite-above 0.1] [--lang en] TỆP…',
	noFiles: 'Chưa chỉ ra tệp xuất nào để nạp.',
	noOut: 'Chưa chỉ ra thư mục dữ liệu (--out THƯ_MỤC).',
	locked: 'Thư mục {dir} đang được một lần nạp khác dùng (tiến trình {pid}). Hãy chờ lần đó xong rồi chạy lại.',
	fileMissing: 'Không thấy tệp {file}. Hãy kiểm tra đường dẫn.',
	fileRefused: 'Không đọc được tệp {file}: {reason}',
	missingFields:
		'Tệp {file}: không tìm thấy cột cho {fields}. Các cột của tệp: {headers}. Hãy đổi tên cột cho khớp, hoặc ghép cột một lần trên trang Tải dữ liệu, tải cách ghép cột (.json) về và chạy lại với --mapping TỆP.json.',
	mappingUnreadable: 'Tệp ghép cột {file} không phải là cách ghép cột tải từ trang Tải dữ liệu (JSON không đọc được hoặc sai cấu trúc).',
	mappingUnknownField: 'Tệp ghép cột {file} có trường không biết: "{detail}".',
	mappingColumnNotFound: 'Tệp {file} không có cột "{detail}" mà tệp ghép cột {mapping} chỉ ra. Hãy sửa tệp ghép cột, hoặc bỏ --mapping để dùng cách ghép tự động.',
	registerRefused: 'Không đọc được danh mục đơn vị {file}: {reason}',
	registerMissingColumns: 'Danh mục đơn vị {file}: thiếu cột {columns}. Các cột bắt buộc: Mã đơn vị, Tên đầy đủ, Cấp.',
	reading: 'Đang đọc {file}: {rows} dòng ({percent}%)',
	writing: 'Đang ghi cơ sở dữ liệu mới và tính sẵn các kỳ báo cáo…',
	account: '{files}: {read} dòng đã đọc = {new} mới + {updated} cập nhật + {unchanged} không đổi + {rejected} bị loại; {warnings} cảnh báo.',
	registerAccount: 'Danh mục đơn vị {file}: {units} đơn vị, {rejected} dòng bị loại.',
	holidaysRefused: 'Không đọc được lịch nghỉ lễ {file}: {reason}',
	holidaysMissingColumns: 'Lịch nghỉ lễ {file}: thiếu cột {columns}. Các cột: Ngày (dd/mm/yyyy), Tên ngày nghỉ.',
	holidaysBadDay: 'Lịch nghỉ lễ {file}, dòng {line}: "{value}" không phải là một ngày (dd/mm/yyyy). Chưa ghi gì; hãy sửa dòng đó rồi chạy lại.',
	holidaysAccount: 'Lịch nghỉ lễ {file}: {days} ngày nghỉ.',
	unchanged: 'Không có hồ sơ nào mới hoặc thay đổi: dữ liệu trong {dir} giữ nguyên ({database}).',
	written: 'Đã cập nhật {dir}: {dossiers} hồ sơ đến hết ngày {asOf}, trong {database}. Nhật ký: {log}',
	registerWritten: 'Danh mục đơn vị: {file} ({units} đơn vị, {inferred} đơn vị có cấp suy đoán từ tên: hãy kiểm tra cột "Cấp suy đoán").',
	noProvince: 'Chưa đặt tên tỉnh: dùng --province "Tên tỉnh" (lần nạp đầu tiên lấy tạm "{province}").',
	failed: 'Nạp dữ liệu không thành công; dữ liệu trong {dir} giữ nguyên như trước.',
	unexpected: 'Lỗi không mong đợi khi nạp. Chi tiết kỹ thuật cho bộ phận CNTT: {detail}'
};

const en: typeof vi = {
	usage:
		'Usage: npm run ingest -- --out DIR [--agencies REGISTER.csv] [--holidays HOLIDAYS.csv] [--mapping MAPPING.json] [--header-line N] [--province "Name"] [--cutoff-day 15] [--keep 7] [--rewrite-above 0.1] [--lang en] FILE…',
	noFiles: 'No export file to ingest was given.',
	noOut: 'No data folder was given (--out DIR).',
	locked: 'The folder {dir} is in use by another ingest (process {pid}). Wait for it to finish, then run again.',
	fileMissing: 'The file {file} does not exist. Check the path.',
	fileRefused: 'Could not read {file}: {reason}',
	missingFields:
		'{file}: no column found for {fields}. The file’s columns: {headers}. Rename the columns to match, or map them once on the data page, download the mapping (.json) and run again with --mapping FILE.json.',
	mappingUnreadable: 'The mapping file {file} is not a mapping downloaded from the data page (unreadable JSON or the wrong shape).',
	mappingUnknownField: 'The mapping file {file} names an unknown field: "{detail}".',
	mappingColumnNotFound: '{file} has no column "{detail}", which the mapping file {mapping} names. Correct the mapping file, or leave out --mapping to use the automatic mapping.',
	registerRefused: 'Could not read the unit register {file}: {reason}',
	registerMissingColumns: 'The unit register {file} lacks the columns {columns}. Required: Mã đơn vị (code), Tên đầy đủ (name), Cấp (level).',
	reading: 'Reading {file}: {rows} rows ({percent}%)',
	writing: 'Writing the new database and pre-computing the reporting periods…',
	account: '{files}: {read} rows read = {new} new + {updated} updated + {unchanged} unchanged + {rejected} rejected; {warnings} warnings.',
	registerAccount: 'Unit register {file}: {units} units, {rejected} rows rejected.',
	holidaysRefused: 'Could not read the holiday calendar {file}: {reason}',
	holidaysMissingColumns: 'The holiday calendar {file} lacks the columns {columns}. Columns: Ngày (day, dd/mm/yyyy), Tên ngày nghỉ (name).',
	holidaysBadDay: 'Holiday calendar {file}, line {line}: "{value}" is not a day (dd/mm/yyyy). Nothing was written; correct that line and run again.',
	holidaysAccount: 'Holiday calendar {file}: {days} days off.',
	unchanged: 'No dossier is new or changed: the data in {dir} is unchanged ({database}).',
	written: 'Updated {dir}: {dossiers} dossiers up to {asOf}, in {database}. Log: {log}',
	registerWritten: 'Unit register: {file} ({units} units, {inferred} with a level inferred from the name: check the column "Cấp suy đoán").',
	noProvince: 'No province name: use --province "Name" (the first ingest uses "{province}" for now).',
	failed: 'The ingest failed; the data in {dir} is as it was.',
	unexpected: 'Unexpected error while ingesting. Technical detail for the IT office: {detail}'
};

export type CliMessage = keyof typeof vi;

export const cliText = translator({ vi, en });
