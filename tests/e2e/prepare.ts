/** Writes the data the browser tests serve: the fixtures as databases, and a small sample. */
import { mkdirSync } from 'node:fs';
import { writeFirstView } from '../../scripts/first-view';
import { generateSample } from '../../scripts/generate';
import { writeFixture } from './fixture-data';
import { buildPublic } from '../../scripts/build-public.mjs';
import { E2E_SERVERS, PUBLIC_FROM, SAMPLE_END, SAMPLE_SIZE } from './servers';

await writeFixture('basic', E2E_SERVERS.fixture.data);
await writeFixture('report', E2E_SERVERS.report.data);
await writeFixture('basic', E2E_SERVERS.wall.data);
await writeFixture('duesoon', E2E_SERVERS.duesoon.data, '', '2023-03-30');
mkdirSync(E2E_SERVERS.missing.data, { recursive: true });
await generateSample({ size: SAMPLE_SIZE, end: SAMPLE_END, out: E2E_SERVERS.sample.data });
await writeFirstView(E2E_SERVERS.sample.data);
buildPublic({ data: PUBLIC_FROM, out: E2E_SERVERS.public.root });
console.log('Browser-test data written.');
