// Measuring one command: wall time and peak RSS of its whole process tree (GNU time plus /proc sampling).
import { spawn } from "node:child_process";
import { accessSync, constants } from "node:fs";
import { readFile, readdir, rm } from "node:fs/promises";
import path from "node:path";

/** What one command cost. */
export interface Measurement {
  /** Wall time in milliseconds, from spawn to exit. */
  wallMs: number;
  /** Peak resident memory of the process tree in bytes: the largest of the sampled tree sum and every per-process peak. */
  peakRss: number;
  /** Largest peak of any single process in the tree (GNU time's `%M` and sampled `VmHWM`), in bytes. */
  maxProcessRss: number;
  /** CPU time (user + system) of the process tree in milliseconds: the work done, whatever else the machine ran. */
  cpuMs: number;
  /** CPU time the rest of the machine used meanwhile, in milliseconds: a measure of the noise in `wallMs`. */
  otherCpuMs: number;
  /** Exit code (`null` when killed by a signal). */
  exitCode: number | null;
  /** The last lines the command printed, for error reports. */
  outputTail: string;
}

/** Where to run a command and with what environment. */
export interface CommandOptions {
  /** Working directory. */
  cwd: string;
  /** Environment of the command. */
  env: NodeJS.ProcessEnv;
  /** Scratch directory for GNU time's report file. */
  scratchDir: string;
}

const GNU_TIME = "/usr/bin/time";
/** Clock ticks per second of /proc's CPU times (USER_HZ, 100 on every Linux build that matters). */
const TICK_MS = 10;
const SAMPLE_MS = 100;
const TAIL_CHARS = 4000;

/** Whether GNU time is installed (its `%M` covers processes that lived less than a sampling interval). */
export const hasGnuTime: boolean = (() => {
  try {
    accessSync(GNU_TIME, constants.X_OK);
    return true;
  } catch {
    return false;
  }
})();

/** Parent pid of every live process, from `/proc/<pid>/stat` (the field after the parenthesised name). */
async function readParents(): Promise<Map<number, number[]>> {
  const children = new Map<number, number[]>();
  const pids = (await readdir("/proc")).filter((name) => /^\d+$/.test(name));
  await Promise.all(
    pids.map(async (pid) => {
      const stat = await readFile(`/proc/${pid}/stat`, "utf8").catch(() => "");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      if (!Number.isInteger(ppid)) return;
      children.set(ppid, [...(children.get(ppid) ?? []), Number(pid)]);
    }),
  );
  return children;
}

/** `VmRSS` and `VmHWM` of one process in bytes; zeros once it has exited. */
async function readMemory(pid: number): Promise<{ rss: number; hwm: number }> {
  const status = await readFile(`/proc/${pid}/status`, "utf8").catch(() => "");
  const kib = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(status)?.[1] ?? 0) * 1024;
  return { rss: kib("VmRSS"), hwm: kib("VmHWM") };
}

/**
 * Samples the tree under `rootPid` (left out itself when it is only the GNU time wrapper): the sum of the resident
 * sets at one instant, and the largest high-water mark of any one process. Pagefind runs as a child of Duet's build,
 * so a per-process peak alone would miss the Node heap and the Pagefind index living side by side.
 */
async function sampleTree(rootPid: number, includeRoot: boolean): Promise<{ sum: number; hwm: number }> {
  const children = await readParents();
  const tree: number[] = includeRoot ? [rootPid] : [];
  for (let queue = [rootPid]; queue.length > 0; ) {
    const next = children.get(queue.pop()!) ?? [];
    tree.push(...next);
    queue.push(...next);
  }
  const memories = await Promise.all(tree.map(readMemory));
  return { sum: memories.reduce((total, m) => total + m.rss, 0), hwm: Math.max(0, ...memories.map((m) => m.hwm)) };
}

/** CPU ticks of the machine (all but idle and iowait) and of this process's reaped children, from /proc. */
async function readCpuTicks(): Promise<{ machine: number; children: number }> {
  const [stat, self] = await Promise.all([readFile("/proc/stat", "utf8"), readFile("/proc/self/stat", "utf8")]);
  // cpu user nice system idle iowait irq softirq steal: https://man7.org/linux/man-pages/man5/proc_stat.5.html
  const [user, nice, system, , , irq, softirq] = stat.split("\n")[0]!.trim().split(/\s+/).slice(1).map(Number);
  // Fields 16 and 17 of /proc/self/stat, cutime and cstime: children waited for, with their own reaped children.
  const fields = self.slice(self.lastIndexOf(")") + 2).split(" ").map(Number);
  return { machine: user! + nice! + system! + irq! + softirq!, children: fields[13]! + fields[14]! };
}

/** Runs `command args` to completion, measuring wall time and peak RSS of its process tree. Never throws on exit codes. */
export async function measureCommand(command: string, args: readonly string[], options: CommandOptions): Promise<Measurement> {
  const timeFile = path.join(options.scratchDir, `gnu-time-${process.pid}-${Date.now()}.txt`);
  const [file, argv] = hasGnuTime ? [GNU_TIME, ["-f", "%M", "-o", timeFile, command, ...args]] : [command, [...args]];
  const cpuBefore = await readCpuTicks();
  const selfBefore = process.cpuUsage();
  const started = performance.now();
  const child = spawn(file, argv, { cwd: options.cwd, env: options.env, stdio: ["ignore", "pipe", "pipe"] });
  let tail = "";
  const keepTail = (chunk: Buffer) => {
    tail = (tail + chunk.toString("utf8")).slice(-TAIL_CHARS);
  };
  child.stdout.on("data", keepTail);
  child.stderr.on("data", keepTail);

  let peakSum = 0;
  let peakHwm = 0;
  let sampling = false;
  let sampleError: unknown;
  const sample = async () => {
    if (sampling || child.pid === undefined) return;
    sampling = true;
    try {
      const { sum, hwm } = await sampleTree(child.pid, !hasGnuTime);
      peakSum = Math.max(peakSum, sum);
      peakHwm = Math.max(peakHwm, hwm);
    } catch (cause) {
      sampleError ??= cause;
    } finally {
      sampling = false;
    }
  };
  const timer = setInterval(() => void sample(), SAMPLE_MS);
  void sample();

  const exitCode = await new Promise<number | null>((resolve, reject) => {
    child.on("error", (cause) => reject(new Error(`could not start ${command}`, { cause })));
    child.on("close", (code) => resolve(code));
  }).finally(() => clearInterval(timer));
  const wallMs = performance.now() - started;
  // Without /proc the tree cannot be summed: a per-process peak from GNU time alone would understate it.
  if (sampleError) throw new Error("could not sample process memory from /proc", { cause: sampleError });
  const cpuAfter = await readCpuTicks();
  const cpuMs = (cpuAfter.children - cpuBefore.children) * TICK_MS;
  const self = process.cpuUsage(selfBefore);
  // The rest of the machine: everything busy but the command and this process's own sampling.
  const otherCpuMs = Math.max(0, (cpuAfter.machine - cpuBefore.machine) * TICK_MS - cpuMs - (self.user + self.system) / 1000);

  let gnuPeak = 0;
  if (hasGnuTime) {
    // GNU time writes "Command exited with non-zero status N" before the format line on failure.
    const report = (await readFile(timeFile, "utf8").catch(() => "")).trim().split("\n").pop() ?? "";
    gnuPeak = Number(report) * 1024 || 0;
    await rm(timeFile, { force: true });
  }
  const maxProcessRss = Math.max(gnuPeak, peakHwm);
  return { wallMs, peakRss: Math.max(peakSum, maxProcessRss), maxProcessRss, cpuMs, otherCpuMs, exitCode, outputTail: tail };
}
