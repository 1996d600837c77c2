// `npm start`: the dev server rebuilds on an edit and tells the open pages it changed to reload.
import { spawn } from "node:child_process";
import { cp, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { freePort } from "./helpers/port.ts";
import { scratch } from "./helpers/tree.ts";

const ROOT = path.resolve(import.meta.dirname, "..");

test("an edited article is rebuilt, served, and its open page is told to reload", async () => {
  const articles = await scratch("start-articles");
  await cp(path.join(ROOT, "articles"), articles, { recursive: true });
  const out = await scratch("start-out");
  const cache = await scratch("start-cache");
  const port = await freePort();
  const args = ["--articles", articles, "--out", out, "--port", String(port), "--cache", cache];
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts", ...args], {
    cwd: ROOT,
    stdio: ["ignore", "pipe", "pipe"],
  });
  try {
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const deadline = Date.now() + 60_000;
    while (!output.includes("serving") && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    assert.match(output, /serving http:\/\/127\.0\.0\.1:\d+\//);
    const base = `http://127.0.0.1:${port}/`;
    const page = await (await fetch(`${base}en/shanghai-metro-night/`)).text();
    assert.match(page, /__duet\/live\.js/, "pages get the live-reload script");
    assert.match(page, /data-sw="off"/, "the dev site installs no service worker");
    // A malformed path (as an <img src> on a page may ask for) gets 400, and the server goes on.
    assert.is((await fetch(`${base}zh/%ZZ`)).status, 400);

    const events = await fetch(`${base}__duet/events`);
    const reader = events.body!.getReader();
    const file = path.join(articles, "2024", "shanghai-metro-night.en.md");
    await writeFile(file, (await readFile(file, "utf8")).replace("Shanghai Metro to Trial Overnight Weekend Service", "Shanghai Metro Extends Overnight Service"));
    const edited = Date.now();
    let stream = "";
    // The update names the pages it wrote; a page among them reloads (see the live-reload script).
    while (!stream.includes("event: pages") && Date.now() - edited < 60_000) stream += new TextDecoder().decode((await reader.read()).value);
    assert.match(stream, /event: pages\ndata: \{[^\n]*"en\/shanghai-metro-night\/index\.html"/);
    const updated = await (await fetch(`${base}en/shanghai-metro-night/`)).text();
    assert.match(updated, /<h1>Shanghai Metro Extends Overnight Service<\/h1>/);
    console.log(`    edit → reload event: ${Date.now() - edited} ms (sample site)`);
    await reader.cancel();
  } finally {
    child.kill();
  }
});

test.run();
