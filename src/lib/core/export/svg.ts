/**
 * A chart on screen as a self-contained SVG file, or as a PNG drawn from it. The page styles
 * its charts with CSS; a file has no stylesheet, so the computed styles that matter are
 * copied onto each element of a clone.
 */
const STYLE_PROPS = ['fill', 'fill-opacity', 'stroke', 'stroke-width', 'stroke-dasharray', 'stroke-opacity', 'opacity', 'font-family', 'font-size', 'font-weight', 'text-anchor', 'dominant-baseline', 'visibility'];

export function svgMarkup(svg: SVGSVGElement, title: string): string {
	const clone = svg.cloneNode(true) as SVGSVGElement;
	const source = [svg, ...svg.querySelectorAll('*')];
	const target = [clone, ...clone.querySelectorAll('*')];
	source.forEach((el, i) => {
		const style = getComputedStyle(el);
		const decl = STYLE_PROPS.map((p) => `${p}:${style.getPropertyValue(p)}`).join(';');
		target[i].setAttribute('style', decl);
	});
	const { width, height } = svg.getBoundingClientRect();
	clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
	clone.setAttribute('width', String(Math.round(width)));
	clone.setAttribute('height', String(Math.round(height)));
	const titleEl = document.createElementNS('http://www.w3.org/2000/svg', 'title');
	titleEl.textContent = title;
	clone.prepend(titleEl);
	// A white ground, so that the PNG is not transparent.
	const ground = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
	ground.setAttribute('width', '100%');
	ground.setAttribute('height', '100%');
	ground.setAttribute('fill', '#ffffff');
	titleEl.after(ground);
	return '<?xml version="1.0" encoding="UTF-8"?>\n' + new XMLSerializer().serializeToString(clone);
}

/** The SVG drawn at `scale` times its size into a PNG. */
export async function svgToPng(markup: string, width: number, height: number, scale = 2): Promise<Blob> {
	const url = URL.createObjectURL(new Blob([markup], { type: 'image/svg+xml;charset=utf-8' }));
	try {
		const img = new Image();
		img.src = url;
		await img.decode();
		const canvas = document.createElement('canvas');
		canvas.width = Math.round(width * scale);
		canvas.height = Math.round(height * scale);
		const ctx = canvas.getContext('2d')!;
		ctx.scale(scale, scale);
		ctx.drawImage(img, 0, 0, width, height);
		return await new Promise<Blob>((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG could not be made'))), 'image/png'));
	} finally {
		URL.revokeObjectURL(url);
	}
}
