// The last output's files, looked at and linked from a worker thread. A cached build checks and links tens
// of thousands of published files, one system call each, and on the build's own thread that was about a
// second of every publish (26,000 `lstat` and 36,000 `link` calls at 10,000 stories). In a worker they run
// on another core: the looks while the build reads and plans, the links while it renders.
import fs from "node:fs";
import path from "node:path";
import { Worker } from "node:worker_threads";

/** A file's identity as `stampOf` (files.ts) takes it: a `FileStamp` without its content's hash. */
export interface LookedStamp {
  ino: number;
  size: number;
  mtimeMs: number;
}

/** Numbers per file in a stamp table: inode, size, modification time, and 1 for a regular file (else 0). */
const FIELDS = 4;

/**
 * The stamps of `files` (relative to `dir`) as `stampOf` (files.ts) takes them, four numbers a file (see `FIELDS`); a
 * file that is missing or not a regular file has a 0 in its fourth place. Runs on the build's thread and,
 * through its own text, in the worker: everything it uses is passed in.
 */
export function stampTable(fsys: typeof fs, dir: string, files: readonly string[]): Float64Array {
  const table = new Float64Array(files.length * 4);
  for (let i = 0; i < files.length; i++) {
    let s;
    try {
      s = fsys.lstatSync(dir + "/" + files[i], { throwIfNoEntry: false });
    } catch {
      s = undefined;
    }
    if (s && s.isFile()) table.set([s.ino, s.size, s.mtimeMs, 1], i * 4);
  }
  return table;
}

/**
 * Hard-links each of `files` (paths relative to both directories) from `from` into `to`, never overwriting
 * (a file already in `to` is an error), making a file's folder only when the link finds it missing. Runs
 * on the build's thread (`linkFiles`) and, through its own text, in the worker: everything it uses is passed in.
 */
export function linkEach(fsys: typeof fs, paths: typeof path, from: string, to: string, files: readonly string[]): void {
  const made = new Set<string>();
  for (const file of files) {
    const source = paths.join(from, file);
    const target = paths.join(to, file);
    try {
      fsys.linkSync(source, target);
    } catch (cause) {
      const dir = paths.dirname(target);
      if ((cause as NodeJS.ErrnoException).code !== "ENOENT" || made.has(dir)) throw cause;
      // ENOENT: the folder is missing, or the file to link is (then the second try throws that).
      fsys.mkdirSync(dir, { recursive: true });
      made.add(dir);
      fsys.linkSync(source, target);
    }
  }
}

/** A request to the worker, and its answer. */
type Request = { id: number; stamp: { dir: string; files: string[] } } | { id: number; link: { from: string; to: string; files: string[] } };
type Answer = { id: number; stamps?: Float64Array; error?: { message: string; code?: string } };

/** The worker's loop: each request answered in turn, its failure sent back as its message and code. */
function serve(fsys: typeof fs, paths: typeof path, port: import("node:worker_threads").MessagePort, stamps: typeof stampTable, links: typeof linkEach): void {
  port.on("message", (request: Request) => {
    try {
      if ("stamp" in request) {
        const table = stamps(fsys, request.stamp.dir, request.stamp.files);
        port.postMessage({ id: request.id, stamps: table }, [table.buffer as ArrayBuffer]);
      } else {
        links(fsys, paths, request.link.from, request.link.to, request.link.files);
        port.postMessage({ id: request.id });
      }
    } catch (cause) {
      const error = cause as NodeJS.ErrnoException;
      port.postMessage({ id: request.id, error: { message: String(error && error.message), code: error && error.code } });
    }
  });
}

/**
 * The worker's script: the functions above by their own text, with Node's modules imported, which reads the
 * same as a CommonJS or a module script. (`__name` is what a loader that keeps function names wraps inner
 * functions in; here it gives them back as they are.) Requests sent before it listens wait for it.
 */
const SCRIPT = `var __name = (f) => f;
Promise.all([import("node:fs"), import("node:path"), import("node:worker_threads")]).then(([fs, path, threads]) =>
  (${serve.toString()})(fs.default, path.default, threads.parentPort, ${stampTable.toString()}, ${linkEach.toString()}));`;

/** The last output of a cached build, its files looked at and linked from a worker thread. */
export interface OutputLook {
  /**
   * The stamps of the files asked for when the look began, as they were then (undefined: missing or not a
   * regular file). A file not asked for is not in the map: look at it now, with `stampOf`.
   */
  stamps(): Promise<ReadonlyMap<string, LookedStamp | undefined>>;
  /** `linkFiles`, in the worker; rejects as `linkFiles` throws (with the system call's message and code). */
  link(from: string, to: string, files: readonly string[]): Promise<void>;
  /** Ends the worker; requests still pending are rejected. */
  close(): Promise<void>;
}

/**
 * Starts looking at `files` (relative to `dir`) in a worker thread, at once. The worker never keeps the
 * process alive, and it must be closed (`close`) when the build ends, however it ends.
 */
export function lookAtOutput(dir: string, files: readonly string[]): OutputLook {
  // None of this process's flags: a test runner's loader, say, which the worker's script does not need.
  const worker = new Worker(SCRIPT, { eval: true, execArgv: [] });
  worker.unref();
  const pending = new Map<number, { resolve: (answer: Answer) => void; reject: (cause: Error) => void }>();
  let next = 0;
  let closed = false;
  const failAll = (cause: Error) => {
    for (const { reject } of pending.values()) reject(cause);
    pending.clear();
  };
  worker.on("message", (answer: Answer) => {
    pending.get(answer.id)?.resolve(answer);
    pending.delete(answer.id);
  });
  worker.on("error", failAll);
  worker.on("exit", () => failAll(new Error("the file worker stopped")));
  const ask = (request: Omit<Request, "id">): Promise<Answer> =>
    new Promise((resolve, reject) => {
      if (closed) return reject(new Error("the file worker was closed"));
      const id = next++;
      pending.set(id, { resolve, reject });
      worker.postMessage({ ...request, id });
    }).then((answer) => {
      const { error } = answer as Answer;
      if (error) throw Object.assign(new Error(error.message), error.code ? { code: error.code } : {});
      return answer as Answer;
    });
  const asked = [...files];
  const looked = ask({ stamp: { dir, files: asked } }).then(({ stamps }) => stampMap(asked, stamps!));
  // A look that fails (the worker could not start) is noticed when its stamps are asked for, not before.
  looked.catch(() => {});
  return {
    stamps: () => looked,
    link: async (from, to, list) => void (await ask({ link: { from, to, files: [...list] } })),
    close: async () => {
      closed = true;
      await worker.terminate();
    },
  };
}

/** The stamps of a table, by file. */
function stampMap(files: readonly string[], table: Float64Array): Map<string, LookedStamp | undefined> {
  const map = new Map<string, LookedStamp | undefined>();
  for (let i = 0; i < files.length; i++) {
    const at = i * FIELDS;
    map.set(files[i]!, table[at + 3] === 1 ? { ino: table[at]!, size: table[at + 1]!, mtimeMs: table[at + 2]! } : undefined);
  }
  return map;
}
