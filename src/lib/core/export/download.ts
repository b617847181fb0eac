/** Saves a file made in the page: nothing leaves the browser. */
export function download(filename: string, content: Blob | string, type = 'text/plain;charset=utf-8'): void {
	const blob = typeof content === 'string' ? new Blob([content], { type }) : content;
	const url = URL.createObjectURL(blob);
	const a = document.createElement('a');
	a.href = url;
	a.download = filename;
	document.body.append(a);
	a.click();
	a.remove();
	setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** A file name safe on every system, from words with diacritics: "Quý I/2023" → "quy-i-2023". */
export function fileSlug(...parts: string[]): string {
	return parts
		.join('-')
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.replace(/đ/g, 'd')
		.replace(/Đ/g, 'D')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-|-$/g, '');
}
