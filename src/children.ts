// Child processes: Pagefind and esbuild run as processes of their own, started by their libraries.
// None may outlive the build, and a build must notice when one of them dies under it.
import { spawn, type ChildProcess } from "node:child_process";
import { subscribe } from "node:diagnostics_channel";

/** The environment variable every process a build starts inherits, naming the build, so a watchdog can find them. */
const BUILD_MARK = "DUET_BUILD";

/** Processes this process started (through any library) that have not exited. */
const running = new Set<ChildProcess>();
/** Called with each process as it is started, while watching (see `watchChildren`). */
const watchers = new Set<(child: ChildProcess) => void>();
let tracking = false;

/** Starts noting every child process as it is started; called once, before any library starts one. */
function track(): void {
  if (tracking) return;
  tracking = true;
  // Node announces every child process on this channel, whichever module starts it.
  subscribe("child_process", (message) => {
    const child = (message as { process?: ChildProcess }).process;
    if (!child) return;
    running.add(child);
    child.once("exit", () => running.delete(child));
    for (const watch of watchers) watch(child);
  });
}

/** What `watchChildren` returns: a promise that rejects when a watched process dies, and a way to stop watching. */
export interface ChildWatch {
  /** Rejects, naming the process and its exit status, when a process started while watching exits before `stop()`. */
  died: Promise<never>;
  /** Stops watching: a process ending after this (closed on purpose) is no failure. */
  stop(): void;
}

/**
 * Watches the processes started from now on until `stop()`: a library that loses its helper process
 * (Pagefind panicking on a full disk) may never settle its promises, so the caller races them against `died`.
 */
export function watchChildren(what: string): ChildWatch {
  track();
  let stopped = false;
  let fail: (cause: Error) => void = () => undefined;
  const died = new Promise<never>((_, reject) => {
    fail = reject;
  });
  died.catch(() => undefined);
  const watch = (child: ChildProcess) => {
    child.once("exit", (code, signal) => {
      if (!stopped) fail(new Error(`${what} stopped unexpectedly (${signal ? `signal ${signal}` : `exit status ${code}`})`));
    });
  };
  watchers.add(watch);
  return {
    died,
    stop() {
      stopped = true;
      watchers.delete(watch);
    },
  };
}

/**
 * Starts a process meant to outlive this one (removing a replaced output in the background): detached,
 * without the build's mark, and not killed when this process exits.
 */
export function spawnDetached(command: string, args: readonly string[]): void {
  const env = { ...process.env };
  delete env[BUILD_MARK];
  const child = spawn(command, args, { detached: true, stdio: "ignore", env });
  running.delete(child);
  child.unref();
}

/**
 * Makes sure no process a build starts outlives it. On any exit of this process the ones still running are
 * killed; should this process be killed outright (`kill -9`, which runs no exit handler), a small detached
 * watchdog notices within a fraction of a second and kills every process carrying this build's mark.
 * The watchdog finds them through `/proc`, so that last part works on Linux only.
 */
export function guardChildren(): void {
  track();
  if (process.env[BUILD_MARK]) return;
  const mark = `${process.pid}-${Date.now()}`;
  let watchdog: ChildProcess | undefined;
  if (process.platform === "linux") {
    watchdog = spawn(process.execPath, ["-e", WATCHDOG, String(process.pid), `${BUILD_MARK}=${mark}`], { detached: true, stdio: "ignore" });
    watchdog.unref();
    running.delete(watchdog);
  }
  process.env[BUILD_MARK] = mark;
  process.once("exit", () => {
    for (const child of running) child.kill("SIGKILL");
    watchdog?.kill("SIGKILL");
  });
}

/**
 * The watchdog: every 200 ms it checks that the build (argv[1]) is running; once it is not, it kills every
 * process whose environment holds the build's mark (argv[2]) and ends.
 */
const WATCHDOG = `
const fs = require("node:fs");
const [parent, mark] = process.argv.slice(1);
const alive = () => { try { process.kill(Number(parent), 0); return true; } catch (e) { return e.code === "EPERM"; } };
const sweep = () => {
  for (const name of fs.readdirSync("/proc")) {
    if (!/^\\d+$/.test(name) || Number(name) === process.pid) continue;
    let env = "";
    try { env = fs.readFileSync("/proc/" + name + "/environ", "latin1"); } catch { continue; }
    if (env.split("\\0").includes(mark)) { try { process.kill(Number(name), "SIGKILL"); } catch {} }
  }
};
const timer = setInterval(() => { if (!alive()) { clearInterval(timer); sweep(); } }, 200);
`;

/** True when a process with this id is running (or exists under another user). */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (cause) {
    return (cause as NodeJS.ErrnoException).code === "EPERM";
  }
}
