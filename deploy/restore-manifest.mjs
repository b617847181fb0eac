// Points a data folder back at the database a published release was built from:
// `node deploy/restore-manifest.mjs RELEASE/data/manifest.json DATA_DIR` (deploy/rollback.sh).
// The release's manifest names its own copy of the database and, as `sourceDatabase`, the
// file of the data folder it was copied from (scripts/build.mjs copyData). The data folder's
// manifest is replaced whole or not at all (a temporary file renamed over it).
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const [releaseManifest, dataDir] = process.argv.slice(2);
const { sourceDatabase, ...manifest } = JSON.parse(readFileSync(releaseManifest, 'utf8'));
if (!sourceDatabase || !existsSync(join(dataDir, sourceDatabase))) {
	// Exit 3: the caller goes on with the web root alone and says so.
	console.error(`Thư mục dữ liệu ${dataDir} không còn cơ sở dữ liệu ${sourceDatabase ?? 'của bản công bố đó'}: thư mục dữ liệu giữ nguyên, lần nạp sau vẫn tiếp nối dữ liệu hiện tại.`);
	process.exit(3);
}
const tmp = join(dataDir, '.manifest.json.tmp');
writeFileSync(tmp, JSON.stringify({ ...manifest, database: sourceDatabase }, null, 2) + '\n');
renameSync(tmp, join(dataDir, 'manifest.json'));
console.log(`Thư mục dữ liệu ${dataDir}: manifest.json lại chỉ đến ${sourceDatabase}.`);
