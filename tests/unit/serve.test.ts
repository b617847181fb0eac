/**
 * The static server of `npm start` and the browser tests (scripts/serve.mjs): HEAD answers
 * without the body (DuckDB-WASM and the wall ask before reading), and a data file replaced
 * while it is being served fails that request, not the server. The wall reads its
 * data again every second, so a nightly replacement of the data met this race (it ended the
 * server before the fix, within a few hundred requests here).
 */
import { mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serve } from '../../scripts/serve.mjs';

const PORT = 4328;
let dir: string;
let server: { close(): void };
beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), 'serve-'));
	writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ padding: 'x'.repeat(100_000) }));
	server = await serve({ root: dir, data: dir, port: PORT });
});
afterAll(() => {
	server.close();
	rmSync(dir, { recursive: true, force: true });
});

describe('the static server', () => {
	it('answers a ranged HEAD with the length and range of the whole file, and no body', async () => {
		const size = (await (await fetch(`http://127.0.0.1:${PORT}/data/manifest.json`)).arrayBuffer()).byteLength;
		const res = await fetch(`http://127.0.0.1:${PORT}/data/manifest.json`, { method: 'HEAD', headers: { Range: 'bytes=0-' } });
		expect(res.status).toBe(206);
		expect(res.headers.get('content-length')).toBe(String(size));
		expect(res.headers.get('content-range')).toBe(`bytes 0-${size - 1}/${size}`);
		expect((await res.arrayBuffer()).byteLength).toBe(0);
		// A range GET after it still gets its bytes.
		const part = await fetch(`http://127.0.0.1:${PORT}/data/manifest.json`, { headers: { Range: 'bytes=2-11' } });
		expect(part.status).toBe(206);
		expect(await part.text()).toBe('padding":"'); // {"padding":"xxx…"}, bytes 2 to 11
	});

	it('keeps serving while a data file is removed and put back under it', async () => {
		const file = join(dir, 'manifest.json');
		const away = join(dir, 'manifest.away');
		const flip = setInterval(() => {
			renameSync(file, away);
			renameSync(away, file);
		}, 0);
		let answered = 0;
		try {
			for (let i = 0; i < 2000; i++) {
				const res = await fetch(`http://127.0.0.1:${PORT}/data/manifest.json`, { cache: 'no-store' }).catch(() => null);
				if (res?.ok && (await res.text().catch(() => '')).length > 100_000) answered++;
			}
		} finally {
			clearInterval(flip);
		}
		expect(answered).toBeGreaterThan(0);
		const after = await fetch(`http://127.0.0.1:${PORT}/data/manifest.json`);
		expect(after.status).toBe(200);
	});
});
