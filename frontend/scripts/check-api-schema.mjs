// Fails when src/lib/api/schema.d.ts is not what `npm run gen` would produce from openapi.json,
// so a backend change that was not regenerated cannot slip through CI.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const committed = "src/lib/api/schema.d.ts";
const dir = mkdtempSync(join(tmpdir(), "lectern-schema-"));
const fresh = join(dir, "schema.d.ts");
try {
  execFileSync("npx", ["--no-install", "openapi-typescript", "./openapi.json", "-o", fresh], { stdio: ["ignore", "ignore", "inherit"] });
  if (readFileSync(fresh, "utf8") !== readFileSync(committed, "utf8")) {
    console.error(`${committed} is stale: run \`npm run gen\` and commit the result.`);
    process.exitCode = 1;
  } else {
    console.log(`${committed} matches openapi.json.`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
