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

/** A document just large enough for the overlay: elements record their text, and setting HTML is refused. */
function fakeDocument() {
  const byId = new Map<string, FakeElement>();
  class FakeElement {
    id = "";
    textContent = "";
    style: Record<string, string> = {};
    children: FakeElement[] = [];
    attributes: Record<string, string> = {};
    readonly tagName: string;
    constructor(tagName: string) {
      this.tagName = tagName;
    }
    set innerHTML(_html: string) {
      throw new Error("the overlay set HTML");
    }
    setAttribute(name: string, value: string) {
      this.attributes[name] = value;
    }
    append(...nodes: FakeElement[]) {
      this.children.push(...nodes);
      for (const node of nodes) if (node.id) byId.set(node.id, node);
    }
    remove() {
      byId.delete(this.id);
    }
  }
  const body = new FakeElement("BODY");
  return { body, byId, createElement: (tag: string) => new FakeElement(tag.toUpperCase()), getElementById: (id: string) => byId.get(id) ?? null };
}

test("the overlay shows each diagnostic line as text, hostile markup and all, and goes when there are none", async () => {
  const { root } = await site();
  const server = await serveSite(root, { liveReload: true });
  try {
    const script = await (await fetch(`${server.url}__duet/live.js`)).text();
    const handlers: Record<string, (event: { data: string }) => void> = {};
    const document = fakeDocument();
    const EventSource = class {
      addEventListener(type: string, listener: (event: { data: string }) => void) {
        handlers[type] = listener;
      }
    };
    new Function("EventSource", "document", "location", "window", script)(EventSource, document, { pathname: "/" }, {});
    const hostile = ['<img src=x onerror=alert(1)>.en.md:3: error: date "</pre><script>alert(1)</script>" is not a real date [article/bad-date]', "a.md:1: error: &lt;b&gt; [x]"];
    handlers.diagnostics!({ data: JSON.stringify({ lines: hostile }) });
    const box = document.byId.get("duet-diagnostics");
    assert.ok(box, "the overlay is shown");
    assert.is(box!.attributes.role, "alert");
    assert.is(box!.style.position, "fixed");
    assert.equal(box!.children.slice(1).map((line) => [line.tagName, line.textContent]), hostile.map((line) => ["PRE", line]));
    handlers.diagnostics!({ data: JSON.stringify({ lines: [] }) });
    assert.is(document.byId.get("duet-diagnostics"), undefined, "fixed: the overlay goes");
    handlers.diagnostics!({ data: "not json" });
    assert.is(document.byId.get("duet-diagnostics"), undefined, "data it cannot read shows nothing");
  } finally {
    await server.close();
  }
});

test("diagnostics stand: a page that connects after they were shown is sent them, and then that they are gone", async () => {
  const { root } = await site();
  const server = await serveSite(root, { liveReload: true });
  /** The first `count` events a page connecting now is sent. */
  const firstEvents = async (count: number) => {
    const response = await fetch(`${server.url}__duet/events`);
    const reader = response.body!.getReader();
    let stream = "";
    while ((stream.match(/\n\n/g) ?? []).length < count + 1) stream += new TextDecoder().decode((await reader.read()).value);
    await reader.cancel();
    return stream;
  };
  try {
    server.showDiagnostics(["a.md:1: error: bad [x]"]);
    assert.match(await firstEvents(1), /event: diagnostics\ndata: \{"lines":\["a\.md:1: error: bad \[x\]"\]\}\n\n/);
    server.showDiagnostics([]);
    assert.match(await firstEvents(1), /event: diagnostics\ndata: \{"lines":\[\]\}\n\n/);
  } finally {
    await server.close();
  }
});

test("a port in use is an error the caller can catch, not the end of the process", async () => {
  const { root } = await site();
  const first = await serveSite(root);
  try {
    const port = Number(new URL(first.url).port);
    await serveSite(root, { port }).then(
      () => assert.unreachable("a second server on the same port"),
      (cause: NodeJS.ErrnoException) => assert.is(cause.code, "EADDRINUSE"),
    );
  } finally {
    await first.close();
  }
});

test.run();
