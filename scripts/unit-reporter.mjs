// A vitest reporter for `npm test` (scripts/test.mjs): the tests passed and failed in each project of vite.config.ts
// (one per time zone), written as JSON to the file UNIT_SUMMARY names. vitest's own JSON report names each file but
// not the project it ran in, and the same file runs once in each zone.
import { writeFileSync } from 'node:fs';

/** @typedef {{ passed: number, failed: number, files: number, brokenFiles: string[] }} ProjectCount */

export default class UnitReporter {
	/**
	 * @param {ReadonlyArray<import('vitest/node').TestModule>} testModules
	 * @param {ReadonlyArray<unknown>} unhandledErrors
	 */
	onTestRunEnd(testModules, unhandledErrors) {
		const file = process.env.UNIT_SUMMARY;
		if (!file) return;
		/** @type {Record<string, ProjectCount>} */
		const projects = {};
		for (const module of testModules) {
			const count = (projects[module.project.name] ??= { passed: 0, failed: 0, files: 0, brokenFiles: [] });
			count.files++;
			let failedTests = 0;
			for (const test of module.children.allTests()) {
				const state = test.result().state;
				if (state === 'passed') count.passed++;
				else if (state === 'failed') failedTests++;
			}
			count.failed += failedTests;
			// A file that failed with no failed test (it did not load, a hook threw, its worker died) is one failure.
			if (failedTests === 0 && module.state() !== 'passed' && module.state() !== 'skipped') {
				count.failed++;
				count.brokenFiles.push(module.relativeModuleId);
			}
		}
		writeFileSync(file, JSON.stringify({ projects, unhandledErrors: unhandledErrors.length }, null, 2));
	}
}
