// Generates src/api/schema.ts, the SPA's types of the API, from the OpenAPI snapshot the
// server's tests keep (crates/api/openapi.json), with openapi-typescript, formatted by
// Prettier. With --check it writes nothing and fails when the committed file is out of date.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import openapiTS, { astToString } from "openapi-typescript";
import * as prettier from "prettier";

const web = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const snapshot = path.resolve(web, "../crates/api/openapi.json");
const target = path.join(web, "src/api/schema.ts");

const HEADER = `/**
 * Generated from crates/api/openapi.json by openapi-typescript: do not edit.
 * Regenerate with \`npm run generate:api\` (in web/) after the snapshot changes
 * (\`CONTINUITY_UPDATE_OPENAPI=1 cargo test -p continuity-api openapi_snapshot\`).
 * Name the types the pages use in types.ts.
 */

`;

/** The generated module's text. */
export async function generate() {
  // Free-form objects (a `serde_json::Value`, a flattened domain struct) are `unknown`s to
  // narrow, not `never`s.
  const ast = await openapiTS(pathToFileURL(snapshot), { emptyObjectsUnknown: true });
  const source = HEADER + astToString(ast);
  const options = (await prettier.resolveConfig(target)) ?? {};
  return prettier.format(source, { ...options, filepath: target });
}

/**
 * The number (1-based) and texts of the first line where two texts differ.
 * @param {string} left
 * @param {string} right
 */
function firstDifference(left, right) {
  const a = left.split("\n");
  const b = right.split("\n");
  let line = 0;
  while (line < a.length && line < b.length && a[line] === b[line]) line += 1;
  return {
    line: line + 1,
    committed: a[line] ?? "(end of file)",
    generated: b[line] ?? "(end of file)",
  };
}

async function main() {
  const generated = await generate();
  if (!process.argv.includes("--check")) {
    writeFileSync(target, generated);
    console.log(`wrote ${path.relative(web, target)}`);
    return;
  }
  // Written to a temporary file too, so a failure can be inspected with diff.
  const directory = mkdtempSync(path.join(tmpdir(), "continuity-schema-"));
  const fresh = path.join(directory, "schema.ts");
  writeFileSync(fresh, generated);
  let committed = "";
  try {
    committed = readFileSync(target, "utf8");
  } catch {
    // A missing file is out of date too.
  }
  if (committed === generated) {
    rmSync(directory, { recursive: true });
    console.log("src/api/schema.ts is up to date with crates/api/openapi.json");
    return;
  }
  const difference = firstDifference(committed, generated);
  console.error(
    [
      "src/api/schema.ts is out of date with crates/api/openapi.json.",
      `First difference at line ${difference.line}:`,
      `  committed: ${difference.committed}`,
      `  generated: ${difference.generated}`,
      `Whole diff: diff ${path.relative(web, target)} ${fresh}`,
      "Regenerate it (in web/) and commit it: npm run generate:api",
    ].join("\n"),
  );
  process.exitCode = 1;
}

await main();
