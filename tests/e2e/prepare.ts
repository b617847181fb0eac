/** Writes the data the browser tests serve: the fixtures as databases, and a small sample. */
import { mkdirSync } from 'node:fs';
import { generateSample } from '../../scripts/generate';
import { writeFixture } from './fixture-data';
import { E2E_SERVERS, SAMPLE_END, SAMPLE_SIZE } from './servers';

await writeFixture('basic', E2E_SERVERS.fixture.data);
await writeFixture('report', E2E_SERVERS.report.data);
await writeFixture('basic', E2E_SERVERS.wall.data);
mkdirSync(E2E_SERVERS.missing.data, { recursive: true });
await generateSample({ size: SAMPLE_SIZE, end: SAMPLE_END, out: E2E_SERVERS.sample.data });
console.log('Browser-test data written.');
