/**
 * Builds reference/common-passwords.txt: the 10,000 most frequent passwords of the
 * `@zxcvbn-ts/language-common` dictionary (frequency-ordered), lower-cased and de-duplicated, one a line.
 * The password policy refuses these (等保 level 3, ASVS 2.1.7). Run when the package changes:
 *   npx tsx packages/server/scripts/build-common-passwords.ts
 */
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const LIMIT = 10_000;
const require = createRequire(import.meta.url);
const common = require('@zxcvbn-ts/language-common') as { dictionary: Record<string, string[]> };
const version = (require('@zxcvbn-ts/language-common/package.json') as { version: string }).version;
const all = common.dictionary['passwords-common'] ?? [];

const seen = new Set<string>();
for (const word of all) {
  if (seen.size >= LIMIT) break;
  seen.add(word.toLowerCase());
}
const out = new URL('../reference/common-passwords.txt', import.meta.url);
writeFileSync(
  out,
  `# top ${LIMIT} of @zxcvbn-ts/language-common@${version} passwords-common, lower-cased\n${[...seen].join('\n')}\n`,
);
console.log(`wrote ${seen.size} passwords`);
