// Serves a built site on localhost: static files with Range requests (DuckDB-WASM reads the
// database in place) and the right type for .wasm. `--data DIR` serves /data/ from another
// folder, so tests can point the same build at different data. `--live` looks at the disk
// at every request, as a province's web server does: for a root that is replaced while it
// is served (a symbolic link switched to each night's build, docs/PUBLISHING.md).
import { createServer } from 'node:http';
import { parseArgs } from 'node:util';
import sirv from 'sirv';

/** @param {{ root?: string, data?: string, port?: number, host?: string, live?: boolean }} [options] */
export function serve({ root = 'build', data, port = 4173, host = '127.0.0.1', live = false } = {}) {
	const site = sirv(root, { dev: live, etag: true, gzip: false, brotli: false });
	const dataFiles = data ? sirv(data, { dev: true, etag: true }) : null;
	const notFound = (/** @type {import('node:http').ServerResponse} */ res) => {
		res.statusCode = 404;
		res.end('Not found');
	};
	const server = createServer((req, res) => {
		res.on('pipe', (file) => {
			// A file removed between sirv's look at it and its read (data replaced under the running
			// site) fails that request alone: without a listener, the stream's error ended the server.
			file.on('error', () => res.destroy());
			// sirv reads the file for a HEAD too: 0.8 s for the 700 MB database, at every check.
			if (req.method === 'HEAD') {
				file.unpipe(res);
				file.destroy();
				res.end();
			}
		});
		if (dataFiles && req.url?.startsWith('/data/')) {
			req.url = req.url.slice('/data'.length);
			return dataFiles(req, res, () => notFound(res));
		}
		site(req, res, () => notFound(res));
	});
	return new Promise((resolve) => server.listen(port, host, () => resolve(server)));
}

if (import.meta.url === `file://${process.argv[1]}`) {
	const { values } = parseArgs({
		options: {
			root: { type: 'string', default: 'build' },
			data: { type: 'string' },
			port: { type: 'string', default: process.env.PORT ?? '4173' },
			live: { type: 'boolean', default: false }
		}
	});
	await serve({ root: values.root, data: values.data, port: Number(values.port), live: values.live });
	console.log(`Serving ${values.root}${values.data ? ` with data from ${values.data}` : ''} at http://127.0.0.1:${values.port}/`);
}
