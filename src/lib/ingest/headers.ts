/**
 * Header mapping: which column of an export holds which field of a dossier. Headers are
 * compared without diacritics, case, punctuation or extra spaces, against the Vietnamese
 * and English names vendors use. The user sees the proposal and can correct it; a mapping
 * is remembered for files with the same headers (mappings.ts).
 */

/** The fields a column can feed, in the order the mapping table shows them. */
export const FIELDS = [
	'id',
	'received_at',
	'due_at',
	'resolved_at',
	'withdrawn_at',
	'status',
	'agency',
	'agency_code',
	'level',
	'procedure',
	'procedure_code',
	'field',
	'channel',
	'rating',
	'fee',
	'paid_online',
	'digitised',
	'result_electronic',
	'apology_issued'
] as const;
export type Field = (typeof FIELDS)[number];

/** A file cannot load without these; the others have a stated default when absent. */
export const REQUIRED: readonly Field[] = ['id', 'received_at', 'due_at', 'agency', 'channel'];

/** Names a vendor may give each field, already normalised (see normaliseHeader). */
const SYNONYMS: Record<Field, string[]> = {
	id: ['ma ho so', 'so ho so', 'ma hs', 'so hs', 'ma bien nhan', 'so bien nhan', 'so bien nhan ho so', 'ma so ho so', 'dossier id', 'dossier code', 'dossier', 'id'],
	received_at: ['ngay tiep nhan', 'ngay nop', 'ngay nop ho so', 'thoi gian tiep nhan', 'ngay nhan', 'ngay nhan ho so', 'ngay tiep nhan ho so', 'received', 'received at', 'received date', 'date received', 'submitted at'],
	due_at: ['ngay hen tra', 'ngay hen tra ket qua', 'han xu ly', 'han giai quyet', 'han tra', 'han tra ket qua', 'thoi han giai quyet', 'ngay het han', 'due', 'due at', 'due date', 'deadline'],
	resolved_at: [
		'ngay tra ket qua',
		'ngay co ket qua',
		'ngay hoan thanh',
		'ngay giai quyet',
		'ngay xu ly xong',
		'ngay ket thuc',
		'thoi gian tra ket qua',
		'ngay tra',
		'resolved',
		'resolved at',
		'date resolved',
		'completed at',
		'result date'
	],
	withdrawn_at: ['ngay rut', 'ngay rut ho so', 'ngay cong dan rut', 'withdrawn', 'withdrawn at', 'date withdrawn'],
	status: ['trang thai', 'trang thai ho so', 'tinh trang', 'tinh trang ho so', 'tinh trang xu ly', 'status'],
	agency: ['co quan', 'don vi', 'don vi tiep nhan', 'co quan tiep nhan', 'co quan giai quyet', 'don vi xu ly', 'don vi giai quyet', 'ten don vi', 'ten co quan', 'noi tiep nhan', 'agency', 'agency name'],
	agency_code: ['ma don vi', 'ma co quan', 'ma don vi tiep nhan', 'agency id', 'agency code'],
	level: ['cap', 'cap thuc hien', 'cap hanh chinh', 'cap don vi', 'cap co quan', 'cap giai quyet', 'level', 'administrative level'],
	procedure: ['thu tuc', 'ten thu tuc', 'thu tuc hanh chinh', 'ten thu tuc hanh chinh', 'ten tthc', 'tthc', 'procedure', 'procedure name'],
	procedure_code: ['ma thu tuc', 'ma tthc', 'ma thu tuc hanh chinh', 'procedure code'],
	field: ['linh vuc', 'ten linh vuc', 'field', 'sector'],
	channel: ['hinh thuc nop', 'kenh nop', 'kenh tiep nhan', 'hinh thuc tiep nhan', 'hinh thuc nop ho so', 'phuong thuc nop', 'muc do dvc', 'muc do dich vu cong', 'channel', 'submission channel'],
	rating: ['danh gia', 'muc do hai long', 'danh gia hai long', 'ket qua danh gia', 'danh gia muc do hai long', 'rating', 'satisfaction'],
	fee: ['phi', 'le phi', 'phi le phi', 'phi va le phi', 'so tien', 'fee', 'fees'],
	paid_online: ['thanh toan truc tuyen', 'thanh toan online', 'paid online'],
	digitised: ['so hoa', 'da so hoa', 'so hoa ho so', 'digitised', 'digitized'],
	result_electronic: ['ket qua dien tu', 'tra ket qua dien tu', 'result electronic', 'electronic result'],
	apology_issued: ['phieu xin loi', 'xin loi', 'thu xin loi', 'phieu xin loi va hen lai', 'apology', 'apology issued']
};

/** Without diacritics (đ → d), lower case, punctuation and runs of spaces as one space. */
export function normaliseText(s: string): string {
	return s
		.normalize('NFD')
		.replace(/\p{M}/gu, '')
		.replace(/[đĐ]/g, 'd')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, ' ')
		.trim();
}

/** column index per field; null where no column holds it. */
export type Mapping = Record<Field, number | null>;

function emptyMapping(): Mapping {
	return Object.fromEntries(FIELDS.map((f) => [f, null])) as Mapping;
}

/**
 * The proposed mapping of a header row. An exact name wins; otherwise a header that
 * begins with a known name ("Ngày tiếp nhận (dd/mm/yyyy)"). Each column feeds one field.
 */
export function proposeMapping(headers: readonly string[]): Mapping {
	const mapping = emptyMapping();
	const names = headers.map(normaliseText);
	const taken = new Set<number>();
	const claim = (match: (name: string, synonym: string) => boolean) => {
		for (const field of FIELDS) {
			if (mapping[field] !== null) continue;
			for (const synonym of SYNONYMS[field]) {
				const col = names.findIndex((n, i) => !taken.has(i) && match(n, synonym));
				if (col >= 0) {
					mapping[field] = col;
					taken.add(col);
					break;
				}
			}
		}
	};
	claim((n, s) => n === s);
	// Prefix matches need a name of two words or more: "ma" or "cap" alone would match too much.
	claim((n, s) => s.includes(' ') && n.startsWith(s + ' '));
	return mapping;
}

/** What identifies a header row for a remembered mapping: its normalised names in order. */
export function headerSignature(headers: readonly string[]): string {
	return headers.map(normaliseText).join('|');
}

/** The fields a mapping still lacks to load. */
export function missingRequired(mapping: Mapping): Field[] {
	return REQUIRED.filter((f) => mapping[f] === null);
}
