// The guide and the reference: links between them resolve, and the shipped GitHub workflow is one GitHub accepts.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { parse } from "yaml";

const ROOT = path.resolve(import.meta.dirname, "..");
const WORKFLOW = path.join(ROOT, "docs/examples/github-pages.yml");

/** The README and every Markdown file under docs/, relative to the root. */
function guides(): string[] {
  const docs = readdirSync(path.join(ROOT, "docs"), { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".md"));
  return ["README.md", "bench/RESULTS.md", ...docs.map((f) => `docs/${f}`)];
}

test("every relative link in the README, bench/RESULTS.md and docs/ points at a file that exists", () => {
  const broken: string[] = [];
  for (const file of guides()) {
    // Code (fenced or inline) shows Markdown as a story would write it, `![alt](images/pier.jpg)`: not a link of the guide.
    const text = readFileSync(path.join(ROOT, file), "utf8").replace(/```[\s\S]*?```/g, "").replace(/`[^`\n]*`/g, "");
    for (const [, target] of text.matchAll(/\]\(([^)\s]+)\)/g)) {
      if (/^[a-z]+:/i.test(target!) || target!.startsWith("#")) continue;
      const resolved = path.join(ROOT, path.dirname(file), target!.split("#")[0]!);
      if (!existsSync(resolved)) broken.push(`${file}: ${target}`);
    }
  }
  assert.equal(broken, []);
});

test("the README is a guide of at most about 10 KB whose first lines give the two commands", () => {
  const readme = readFileSync(path.join(ROOT, "README.md"), "utf8");
  assert.ok(Buffer.byteLength(readme) <= 10_500, `${Buffer.byteLength(readme)} bytes`);
  const top = readme.split("\n").slice(0, 15).join("\n");
  assert.match(top, /npm ci && npm run build/);
  assert.match(top, /npm test/);
  assert.match(readme, /\]\(docs\/deploy\.md\)/, "the README links the deploy guide");
});

test("the GitHub Pages workflow is valid YAML with what GitHub requires: triggers, jobs with runs-on and steps, Pages permissions", () => {
  const workflow = parse(readFileSync(WORKFLOW, "utf8")) as Record<string, unknown>;
  assert.ok(workflow.on && typeof workflow.on === "object", "on: triggers");
  assert.equal(workflow.permissions, { contents: "read", pages: "write", "id-token": "write" });
  const jobs = workflow.jobs as Record<string, { "runs-on"?: string; steps?: Record<string, unknown>[]; needs?: string }>;
  assert.equal(Object.keys(jobs), ["build", "deploy"]);
  for (const [name, job] of Object.entries(jobs)) {
    assert.type(job["runs-on"], "string", `${name}: runs-on`);
    assert.ok(Array.isArray(job.steps) && job.steps.length > 0, `${name}: steps`);
    for (const step of job.steps!) assert.ok(typeof step.uses === "string" || typeof step.run === "string", `${name}: every step uses an action or runs a command`);
  }
  const build = jobs.build!.steps!;
  const uses = build.map((s) => String(s.uses ?? "")).filter(Boolean);
  assert.ok(uses.some((u) => u.startsWith("actions/cache@")), "the build cache is restored and saved");
  assert.ok(uses.some((u) => u.startsWith("actions/upload-pages-artifact@")), "dist is uploaded");
  const cache = build.find((s) => String(s.uses).startsWith("actions/cache@"))!.with as Record<string, string>;
  // The cache and the last output, without the trash of replaced outputs.
  assert.equal(cache.path!.trim().split("\n"), [".duet-cache", "dist", "!.duet-cache/trash"]);
  const runs = build.map((s) => String(s.run ?? ""));
  assert.ok(runs.includes("npm ci"));
  assert.ok(runs.some((r) => r.startsWith("npm run build -- --base-url")), "the build is told the site's URL");
  assert.is((build.at(-1)!.with as Record<string, string>).path, "dist");
  assert.is(jobs.deploy!.needs, "build");
  assert.ok(jobs.deploy!.steps!.some((s) => String(s.uses).startsWith("actions/deploy-pages@")));
});

test.run();
