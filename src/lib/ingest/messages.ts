/**
 * The words of reading the user's files, which the data page and `npm run ingest` both say:
 * a file's refusal, a row's reasons, the fields, the account's columns; with the core's, the
 * feature's `t` (docs/ARCHITECTURE.md, "Messages"). What only the command line prints is in
 * cli-messages.ts.
 */
import { CORE_MESSAGES, join, translator, type Names } from '../core/i18n/messages';
import type { Field } from './headers';
import type { FileErrorCode } from './sources';
import type { Reason } from './tally';

const vi = {
	colFile: 'Tệp',
	colLine: 'Dòng',
	colColumn: 'Cột',
	colValue: 'Giá trị',
	colPrevious: 'Giá trị trước',
	colReason: 'Lý do',
	qualityByMonth: 'Theo tháng tiếp nhận',
	ingest_unexpected: 'lỗi không lường trước khi đọc tệp. Hãy thử lại; nếu vẫn lỗi, mở tệp bằng Excel và lưu lại dưới dạng .xlsx hoặc CSV UTF-8 rồi tải lên.',
	atLine: ' ở dòng {line}'
};

const en: typeof vi = {
	colFile: 'File',
	colLine: 'Line',
	colColumn: 'Column',
	colValue: 'Value',
	colPrevious: 'Value before',
	colReason: 'Reason',
	qualityByMonth: 'By month received',
	ingest_unexpected: 'an unexpected error while reading the file. Try again; if it persists, open the file in Excel and save it as .xlsx or CSV UTF-8, then load that.',
	atLine: ' at line {line}'
};

export const INGEST_MESSAGES = join(CORE_MESSAGES, { vi, en });
export type MessageKey = keyof (typeof INGEST_MESSAGES)['vi'];
export const t = translator(INGEST_MESSAGES);

/** Why a row was rejected, or why it loaded with a warning (tally.ts), in words. */
export const REASONS: Names<Reason> = {
	vi: {
		missing_id: 'thiếu mã hồ sơ',
		missing_received: 'thiếu ngày tiếp nhận',
		missing_due: 'thiếu ngày hẹn trả',
		missing_agency: 'thiếu cơ quan',
		missing_channel: 'thiếu hình thức nộp',
		unreadable_date: 'ngày không đọc được',
		unreadable_channel: 'hình thức nộp không đọc được',
		unreadable_level: 'cấp không đọc được',
		unknown_level: 'cơ quan mới mà không rõ cấp (thêm cột Cấp)',
		garbled_text: 'ký tự không đọc được: tệp lẫn nhiều bảng mã',
		resolved_before_received: 'ngày trả kết quả trước ngày tiếp nhận',
		withdrawn_before_received: 'ngày rút trước ngày tiếp nhận',
		due_before_received: 'ngày hẹn trả trước ngày tiếp nhận',
		resolved_and_withdrawn: 'vừa có ngày trả kết quả vừa có ngày rút',
		resolved_without_date: 'trạng thái đã trả kết quả nhưng không có ngày trả',
		withdrawn_without_date: 'trạng thái đã rút nhưng không có ngày rút',
		recorded_long_after_due: 'kết quả ghi nhận hơn 30 ngày sau hạn (có thể cập nhật muộn trên phần mềm)',
		future_date: 'ngày ở tương lai',
		status_disagrees: 'trạng thái không khớp với các ngày (số liệu tính theo ngày)',
		unreadable_status: 'trạng thái không đọc được (số liệu tính theo ngày)',
		unreadable_rating: 'đánh giá không đọc được (coi như chưa đánh giá)',
		unreadable_flag: 'giá trị có/không không đọc được (coi như không)',
		unreadable_amount: 'số tiền không đọc được (coi như 0)',
		register_missing_code: 'danh mục đơn vị: thiếu mã đơn vị',
		register_missing_name: 'danh mục đơn vị: thiếu tên đơn vị',
		register_duplicate_code: 'danh mục đơn vị: mã đơn vị đã có ở dòng trước',
		register_unknown_successor: 'danh mục đơn vị: đơn vị kế thừa không có trong danh mục',
		reopened: 'hồ sơ đã giải quyết hoặc đã rút nay lại đang giải quyết (đính chính trên phần mềm?)',
		corrected_received: 'ngày tiếp nhận thay đổi so với lần tải trước',
		corrected_agency: 'cơ quan tiếp nhận thay đổi so với lần tải trước',
		corrected_closed: 'ngày trả kết quả hoặc ngày rút thay đổi so với lần tải trước',
		unclosed_quote: 'dấu ngoặc kép (") mở mà không đóng, nuốt các dòng sau đến hết tệp (giá trị ghi các dòng đó); các dòng sau đã được đọc lại, chỉ dòng này bị loại. Hãy sửa dấu ngoặc trong tệp',
		not_json: 'dòng không phải JSON hợp lệ',
		value_too_long: 'giá trị dài hơn 32.768 ký tự, không thể là giá trị của trường này (cột bị lệch hoặc dữ liệu hỏng)',
		rating_out_of_range: 'đánh giá ngoài thang 1–5 (coi như chưa đánh giá)',
		negative_amount: 'số tiền âm (coi như 0)',
		extra_cells: 'dòng có nhiều ô hơn dòng tiêu đề: các ô thừa không được đọc (hãy kiểm tra cột có bị lệch không)'
	},
	en: {
		missing_id: 'no dossier id',
		missing_received: 'no receipt date',
		missing_due: 'no due date',
		missing_agency: 'no agency',
		missing_channel: 'no channel',
		unreadable_date: 'a date that cannot be read',
		unreadable_channel: 'a channel that cannot be read',
		unreadable_level: 'a level that cannot be read',
		unknown_level: 'an agency new to the data with no level (add a level column)',
		garbled_text: 'unreadable characters: the file mixes encodings',
		resolved_before_received: 'resolved before received',
		withdrawn_before_received: 'withdrawn before received',
		due_before_received: 'due before received',
		resolved_and_withdrawn: 'both a result date and a withdrawal date',
		resolved_without_date: 'status resolved but no result date',
		withdrawn_without_date: 'status withdrawn but no withdrawal date',
		recorded_long_after_due: 'result recorded more than 30 days after the due date (perhaps recorded late in the software)',
		future_date: 'a date in the future',
		status_disagrees: 'the status disagrees with the dates (figures follow the dates)',
		unreadable_status: 'a status that cannot be read (figures follow the dates)',
		unreadable_rating: 'a rating that cannot be read (taken as not rated)',
		unreadable_flag: 'a yes/no value that cannot be read (taken as no)',
		unreadable_amount: 'an amount that cannot be read (taken as 0)',
		register_missing_code: 'unit register: no unit code',
		register_missing_name: 'unit register: no unit name',
		register_duplicate_code: 'unit register: a code already on an earlier line',
		register_unknown_successor: 'unit register: a successor that is not in the register',
		reopened: 'a resolved or withdrawn dossier is in progress again (a correction in the source system?)',
		corrected_received: 'the receipt date differs from the earlier load',
		corrected_agency: 'the receiving agency differs from the earlier load',
		corrected_closed: 'the result or withdrawal date differs from the earlier load',
		unclosed_quote:
			'a quote (") opened and never closed, swallowing the lines after it to the end of the file (the value gives those lines); they were read again and only this line is rejected. Fix the quote in the file',
		not_json: 'the line is not valid JSON',
		value_too_long: 'a value longer than 32,768 characters cannot be a value of this field (shifted columns or damaged data)',
		rating_out_of_range: 'a rating outside 1–5 (taken as not rated)',
		negative_amount: 'a negative amount (taken as 0)',
		extra_cells: 'the row has more cells than the header: the extra cells are not read (check that the columns are not shifted)'
	}
};

/** Why a whole file cannot be read (sources.ts FileError): {detail} and {where} are filled in by refusal.ts. */
export const REFUSALS: Names<FileErrorCode> = {
	vi: {
		empty_file: 'tệp rỗng.',
		binary_file: 'đây không phải tệp văn bản, Excel, Parquet hay JSON (nội dung nhị phân). Có thể tệp bị đổi đuôi.',
		old_xls: 'tệp Excel đời cũ (.xls). Hãy mở bằng Excel và lưu lại dưới dạng .xlsx hoặc CSV.',
		no_header:
			'không tìm thấy dòng tiêu đề: không dòng nào trong 30 dòng đầu có từ hai ô có giá trị trở lên (tệp chỉ có tiêu đề, hoặc không phải một bảng). Hãy mở tệp, kiểm tra rằng có một dòng tên cột và các dòng hồ sơ bên dưới, rồi lưu lại dưới dạng .xlsx hoặc CSV.',
		no_rows: 'tệp chỉ có dòng tiêu đề, không có hồ sơ nào.',
		bad_xlsx: 'tệp Excel bị hỏng hoặc không trọn vẹn (có thể tải về chưa xong).',
		bad_parquet: 'tệp Parquet bị hỏng hoặc không trọn vẹn.',
		bad_json: 'nội dung JSON bị hỏng{where}, có thể tệp chưa tải về xong. Hãy xuất lại tệp từ phần mềm, hoặc xuất ra CSV hay .xlsx.',
		json_no_records: 'tệp JSON không chứa danh sách hồ sơ (cần một mảng các bản ghi, hoặc một đối tượng chứa mảng đó). Có thể đây là thông báo lỗi của phần mềm thay cho dữ liệu: hãy xuất lại tệp.',
		too_large: 'tệp quá lớn cho định dạng này trong trình duyệt ({detail}). Hãy xuất ra CSV: CSV được đọc từng phần, không giới hạn kích thước.'
	},
	en: {
		empty_file: 'the file is empty.',
		binary_file: 'this is not a text, Excel, Parquet or JSON file (binary content). It may have been renamed.',
		old_xls: 'an old Excel file (.xls). Open it in Excel and save it as .xlsx or CSV.',
		no_header:
			'no header row found: none of the first 30 rows has two filled cells or more (the file holds only titles, or is not a table). Open the file, check that it has a row of column names with the dossiers below it, and save it as .xlsx or CSV.',
		no_rows: 'the file has a header row and no dossiers.',
		bad_xlsx: 'the Excel file is damaged or incomplete (perhaps a download that did not finish).',
		bad_parquet: 'the Parquet file is damaged or incomplete.',
		bad_json: 'the JSON is damaged{where}, perhaps a download that did not finish. Export the file again from the software, or export it as CSV or .xlsx.',
		json_no_records: 'the JSON file holds no list of dossiers (it needs an array of records, or an object holding one). It may be an error message from the software instead of data: export the file again.',
		too_large: 'the file is too large for this format in a browser ({detail}). Export it as CSV: CSV is read in parts, with no size limit.'
	}
};

/** The fields a file's columns are mapped to (headers.ts). */
export const FIELD_NAMES: Names<Field> = {
	vi: {
		id: 'Mã hồ sơ',
		received_at: 'Ngày tiếp nhận',
		due_at: 'Ngày hẹn trả',
		resolved_at: 'Ngày trả kết quả',
		withdrawn_at: 'Ngày rút hồ sơ',
		status: 'Trạng thái',
		agency: 'Cơ quan (tên)',
		agency_code: 'Mã cơ quan',
		level: 'Cấp',
		procedure: 'Thủ tục (tên)',
		procedure_code: 'Mã thủ tục',
		field: 'Lĩnh vực',
		channel: 'Hình thức nộp',
		rating: 'Đánh giá hài lòng',
		fee: 'Phí, lệ phí (đồng)',
		paid_online: 'Thanh toán trực tuyến',
		digitised: 'Số hóa hồ sơ',
		result_electronic: 'Kết quả điện tử',
		apology_issued: 'Phiếu xin lỗi'
	},
	en: {
		id: 'Dossier id',
		received_at: 'Received',
		due_at: 'Due',
		resolved_at: 'Resolved (result issued)',
		withdrawn_at: 'Withdrawn',
		status: 'Status',
		agency: 'Agency (name)',
		agency_code: 'Agency code',
		level: 'Level',
		procedure: 'Procedure (name)',
		procedure_code: 'Procedure code',
		field: 'Field',
		channel: 'Channel',
		rating: 'Satisfaction rating',
		fee: 'Fees (đồng)',
		paid_online: 'Paid online',
		digitised: 'Digitised',
		result_electronic: 'Electronic result',
		apology_issued: 'Apology letter'
	}
};
