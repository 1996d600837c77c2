// The static server (`npm start` and the browser tests): hostile requests get an answer and never end it; it serves regular files inside its folder only.
import { mkdir, symlink, writeFile } from "node:fs/promises";
import { connect } from "node:net";
import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { serveSite } from "../src/serve/index.ts";
import { scratch } from "./helpers/tree.ts";

/** Sends `GET target` exactly as written (no client encoding it first) and returns the status and body. */
function rawGet(url: string, target: string): Promise<{ status: number; body: string }> {
  const { port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), "127.0.0.1");
    let reply = "";
    socket.on("data", (chunk: Buffer) => (reply += chunk.toString()));
    socket.on("error", reject);
    socket.on("close", () => {
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(reply)?.[1] ?? 0);
      resolve({ status, body: reply.slice(reply.indexOf("\r\n\r\n") + 4) });
    });
    // Written, not ended: the server closes the connection once it has answered (`Connection: close`).
    socket.write(`GET ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`);
  });
}

/** A served folder with a home page and a 404 page, and a secret file outside it. */
async function site(): Promise<{ root: string; outside: string }> {
  const root = await scratch("serve-root");
  await writeFile(path.join(root, "index.html"), "<h1>home</h1>");
  await writeFile(path.join(root, "404.html"), "<h1>missing</h1>");
  const outside = await scratch("serve-outside");
  await writeFile(path.join(outside, "secret.txt"), "root:x:0:0");
  return { root, outside };
}

test("a path that is not valid percent-encoded UTF-8 gets 400, and the server goes on serving", async () => {
  const { root } = await site();
  for (const liveReload of [false, true]) {
    const server = await serveSite(root, { liveReload });
    try {
      for (const target of ["/%", "/%c0%ae", "/%E0%A4%A", "/zh/%ZZ", "/%ff/index.html"]) {
        assert.is((await rawGet(server.url, target)).status, 400, target);
      }
      const home = await rawGet(server.url, "/");
      assert.is(home.status, 200);
      assert.match(home.body, "<h1>home</h1>");
    } finally {
      await server.close();
    }
  }
});

test("a symbolic link to a file or folder outside the served folder is not followed: 404", async () => {
  const { root, outside } = await site();
  await symlink(path.join(outside, "secret.txt"), path.join(root, "pw.txt"));
  await symlink(outside, path.join(root, "elsewhere"));
  await symlink("/etc", path.join(root, "etc"));
  const server = await serveSite(root);
  try {
    for (const target of ["/pw.txt", "/elsewhere/secret.txt", "/elsewhere/", "/etc/passwd", "/etc/hostname"]) {
      const { status, body } = await rawGet(server.url, target);
      assert.is(status, 404, target);
      assert.not.match(body, "root:x:0:0", target);
    }
  } finally {
    await server.close();
  }
});

test("a symbolic link whose target stays inside the served folder is served", async () => {
  const { root } = await site();
  await mkdir(path.join(root, "2024"));
  await writeFile(path.join(root, "2024", "index.html"), "<h1>2024</h1>");
  await symlink(path.join(root, "2024"), path.join(root, "latest"));
  await symlink("index.html", path.join(root, "home.html"));
  const server = await serveSite(root, { prefix: "/news/" });
  try {
    assert.match((await rawGet(server.url, "/news/latest/")).body, "<h1>2024</h1>");
    assert.match((await rawGet(server.url, "/news/home.html")).body, "<h1>home</h1>");
  } finally {
    await server.close();
  }
});

test("a symbolic link to a folder outside is refused even when the served folder is reached through a link", async () => {
  const { root, outside } = await site();
  const linkedRoot = path.join(await scratch("serve-link"), "site");
  await symlink(root, linkedRoot);
  await symlink(outside, path.join(root, "elsewhere"));
  const server = await serveSite(linkedRoot);
  try {
    assert.is((await rawGet(server.url, "/")).status, 200, "the site itself is served");
    assert.is((await rawGet(server.url, "/elsewhere/secret.txt")).status, 404);
  } finally {
    await server.close();
  }
});

test("the live-reload script reloads a page an edit touched, and one whose event data it cannot read", async () => {
  const { root } = await site();
  const server = await serveSite(root, { liveReload: true });
  try {
    const script = await (await fetch(`${server.url}__duet/live.js`)).text();
    const handlers: Record<string, (event: { data: string }) => void> = {};
    let reloads = 0;
    let searchPage = false;
    const details: unknown[] = [];
    const fakes = {
      EventSource: class {
        addEventListener(type: string, listener: (event: { data: string }) => void) {
          handlers[type] = listener;
        }
      },
      document: { querySelector: () => (searchPage ? {} : null) },
      location: { pathname: "/zh/a/", reload: () => reloads++ },
      window: { dispatchEvent: (event: { detail: unknown }) => (details.push(event.detail), true) },
      CustomEvent: class {
        detail: unknown;
        constructor(_type: string, init: { detail: unknown }) {
          this.detail = init.detail;
        }
      },
    };
    new Function(...Object.keys(fakes), script)(...Object.values(fakes));
    const send = (event: string, data: string) => handlers[event]?.({ data });
    send("pages", '{"files":["zh/b/index.html"]}');
    assert.is(reloads, 0, "another page changed");
    send("pages", '{"files":["zh/a/index.html"]}');
    assert.is(reloads, 1, "this page changed");
    for (const bad of ["not json", '{"files":"zh/a/index.html"}', "null"]) send("pages", bad);
    assert.is(reloads, 4, "data it cannot read: reload, the safe side");
    searchPage = true;
    send("search", "{oops");
    assert.equal(details, [null], "the search page is handed null, which its guard refuses");
    assert.is(reloads, 5, "no page took the new index: reload");
  } finally {
    await server.close();
  }
});

test.run();
