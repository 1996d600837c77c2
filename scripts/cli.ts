// The command line's shared manners: options described once (for parsing and for --help), one-line
// errors with status 2 for a wrong command, one readable line for an unexpected failure.
import { parseArgs } from "node:util";

/** One option of a command. */
export interface OptionSpec {
  /** A flag, or an option taking a value. */
  type: "boolean" | "string";
  /** What the value is, as shown in --help (`DIR`, `N`, `URL` …); options taking a value only. */
  value?: string;
  /** Default value of an option taking one, shown in --help. */
  default?: string;
  /** One line of meaning. */
  help: string;
  /** The value must be a whole number in this range. */
  whole?: { min: number; max?: number };
}

/** What a command was given: option values by name (defaults filled in) and the other arguments. */
export interface Parsed {
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
}

/** Options every command takes. */
const COMMON: Record<string, OptionSpec> = {
  help: { type: "boolean", help: "print this help and exit" },
  verbose: { type: "boolean", help: "print the stack of an unexpected failure (so does DEBUG=duet)" },
};

/** Exit status of a command that was given wrong options, as Unix tools use it. */
export const USAGE_ERROR = 2;

/**
 * Parses `argv` for a command. `--help` prints the usage (every option with its meaning and default)
 * and exits 0; an unknown option, a missing value or a value that is not a whole number where one is
 * wanted prints one line and exits 2.
 */
export function parseCommand(command: string, summary: string, specs: Record<string, OptionSpec>, argv = process.argv.slice(2), positionals?: string): Parsed {
  const all = { ...specs, ...COMMON };
  let parsed: ReturnType<typeof parseArgs>;
  try {
    const options = Object.fromEntries(Object.entries(all).map(([name, spec]) => [name, { type: spec.type }]));
    parsed = parseArgs({ args: argv, options, allowPositionals: positionals !== undefined, strict: true });
  } catch (cause) {
    fail(describeParseError(cause as Error & { code?: string }));
  }
  if (parsed.values.help) {
    console.log(usage(command, summary, all, positionals));
    process.exit(0);
  }
  if (parsed.values.verbose) process.env.DEBUG = [process.env.DEBUG, "duet"].filter(Boolean).join(",");
  const values: Parsed["values"] = {};
  for (const [name, spec] of Object.entries(all)) {
    const given = parsed.values[name];
    const value = typeof given === "string" || typeof given === "boolean" ? given : spec.type === "boolean" ? false : spec.default;
    if (spec.whole && typeof value === "string") checkWhole(name, value, spec.whole);
    values[name] = value;
  }
  return { values, positionals: parsed.positionals };
}

/** The value of a whole-number option as a number (it was checked by `parseCommand`), or undefined. */
export function wholeValue(value: string | boolean | undefined): number | undefined {
  return typeof value === "string" ? Number(value) : undefined;
}

/** Whether an unexpected failure should print its stack: `--verbose` or `DEBUG=duet`. */
export function verbose(): boolean {
  return /(^|,)\s*duet\s*(,|$)/.test(process.env.DEBUG ?? "");
}

/** Prints an unexpected failure as one line (the stack too when `verbose()`), then exits 1. */
export function failUnexpectedly(cause: unknown, what = "failed"): never {
  const message = cause instanceof Error ? cause.message : String(cause);
  console.error(`duet: ${what}: ${message.split("\n")[0]}`);
  if (verbose()) console.error(cause);
  else console.error("duet: run again with --verbose (or DEBUG=duet) to see where it failed");
  process.exit(1);
}

/**
 * Ends the process once what it printed has been handed over (a pipe may take writes asynchronously),
 * without waiting for Node to tear down the heap: for a large site's build that teardown took 0.25 s
 * (bench/RESULTS.md). Call it only when all work is done and saved.
 */
export async function exitWhenPrinted(status = 0): Promise<never> {
  const flushed = (stream: NodeJS.WriteStream) => new Promise<void>((resolve) => stream.write("", () => resolve()));
  await Promise.all([flushed(process.stdout), flushed(process.stderr)]);
  process.exit(status);
}

/** Prints a wrong command's one line and exits 2. */
function fail(message: string): never {
  console.error(`duet: ${message}; see --help`);
  process.exit(USAGE_ERROR);
}

/** Node's parseArgs errors, said in one short line. */
function describeParseError(cause: Error & { code?: string }): string {
  const name = /'(-{1,2}[^' ]+)/.exec(cause.message)?.[1];
  switch (cause.code) {
    case "ERR_PARSE_ARGS_UNKNOWN_OPTION":
      return `unknown option ${name ?? ""}`.trim();
    case "ERR_PARSE_ARGS_INVALID_OPTION_VALUE":
      return /argument missing/.test(cause.message) ? `option ${name} needs a value` : `option ${name} takes no value`;
    case "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL":
      return `unexpected argument ${/'([^']*)'/.exec(cause.message)?.[1] ?? ""}`.trim();
    default:
      return cause.message;
  }
}

function checkWhole(name: string, text: string, range: { min: number; max?: number }): void {
  const n = Number(text);
  if (/^\d+$/.test(text.trim()) && n >= range.min && (range.max === undefined || n <= range.max)) return;
  const bounds = range.max === undefined ? `of at least ${range.min}` : `from ${range.min} to ${range.max}`;
  fail(`--${name} expects a whole number ${bounds}, not "${text}"`);
}

/** The --help text: the summary, then one line per option with its meaning and default. */
function usage(command: string, summary: string, specs: Record<string, OptionSpec>, positionals?: string): string {
  const rows = Object.entries(specs).map(([name, spec]) => {
    const left = `--${name}${spec.value ? ` ${spec.value}` : ""}`;
    const right = spec.default !== undefined ? `${spec.help} (default: ${spec.default})` : spec.help;
    return [left, right] as const;
  });
  const width = Math.max(...rows.map(([left]) => left.length)) + 2;
  const lines = rows.map(([left, right]) => `  ${left.padEnd(width)}${right}`);
  return [`Usage: ${command} [options]${positionals ? ` ${positionals}` : ""}`, "", summary, "", "Options:", ...lines].join("\n");
}
