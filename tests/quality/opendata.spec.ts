import { globSync, readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { expect, test } from '@playwright/test';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

/*
 * Every open-data file of every build (dist/ and each dist-fixtures/ site) against the JSON Schemas
 * that build publishes (/data/schema/, generated from the zod schemas in src/lib/outputs/opendata.ts),
 * with a standard validator (Ajv, JSON Schema 2020-12, formats checked). Not covered: what the data
 * says (tests/unit/opendata.test.ts); the checks across fields that JSON Schema cannot express.
 */

const builds = globSync('{dist,dist-fixtures/*}/data/schema/story.json').map((file) =>
  file.slice(0, -'/data/schema/story.json'.length),
);

test('there are builds to check', () => {
  expect(builds).toContain('dist');
});

for (const build of builds) {
  test(`${build}: every data file is valid against the published schemas`, () => {
    const ajv = new Ajv2020({ strict: true, allErrors: true });
    addFormats(ajv);
    const schema = (kind: string) =>
      JSON.parse(readFileSync(`${build}/data/schema/${kind}.json`, 'utf8')) as { $id: string };
    const story = ajv.compile(schema('story'));
    const stories = ajv.compile(schema('stories'));
    const files = globSync(`${build}/data/**/*.json`).filter((file) => !file.includes('/data/schema/'));
    expect(files).toContain(`${build}/data/stories.json`);
    for (const file of files) {
      const validate = relative(build, file) === 'data/stories.json' ? stories : story;
      const valid = validate(JSON.parse(readFileSync(file, 'utf8')));
      expect(validate.errors ?? [], file).toEqual([]);
      expect(valid, file).toBe(true);
    }
    console.log(`${build}: ${files.length} data files valid`);
  });
}
