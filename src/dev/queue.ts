// The dev server's queue of runs: changes are gathered while an editor saves in a burst, then each
// build or update runs after the one before it.

/** Quiet time after the last change before an update starts: editors save in bursts (write, rename, touch). */
const QUIET_MS = 100;

/** One build (`whole`) or update of the paths in `changed` (every source when undefined); true when it succeeded. */
export type Run = (whole: boolean, changed?: ReadonlySet<string>) => Promise<boolean>;

/** Runs builds and updates one after another, each for the changes seen since the last one started. */
export class RunQueue {
  readonly #run: Run;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #whole = false;
  // What was reported since the last run started; undefined, so that every source is looked at, once a
  // change without a name was reported.
  #changed: Set<string> | undefined = new Set();
  #waiting: (() => void)[] = [];
  #running: Promise<void> = Promise.resolve();

  constructor(run: Run) {
    this.#run = run;
  }

  /** Starts `work` (the first build) before any run a change queues. */
  first(work: () => Promise<void>): Promise<void> {
    this.#running = work();
    return this.#running;
  }

  /** Notes a change: of a template (a whole build follows), of the source at `file`, or (`null`) of some source not named. */
  change(template: boolean, file?: string | null): void {
    if (file === null) this.#changed = undefined;
    else if (file !== undefined) this.#changed?.add(file);
    this.#whole ||= template;
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.#start(), QUIET_MS);
  }

  /** Resolves once every change seen so far has been run. */
  settled(): Promise<void> {
    return this.#timer === undefined ? this.#running : new Promise<void>((resolve) => this.#waiting.push(resolve));
  }

  /** Drops a change still waiting for its quiet time, and resolves once the run under way has ended. */
  async close(): Promise<void> {
    clearTimeout(this.#timer);
    await this.#running;
  }

  #start(): void {
    this.#timer = undefined;
    const whole = this.#whole;
    const paths = this.#changed;
    const done = this.#waiting;
    this.#whole = false;
    this.#changed = new Set();
    this.#waiting = [];
    this.#running = this.#running.then(async () => {
      // A failed update is tried again with the next change, so what it saw changed is seen again.
      if (!(await this.#run(whole, paths))) {
        if (this.#changed && paths) for (const p of paths) this.#changed.add(p);
        else this.#changed = undefined;
      }
      for (const resolve of done) resolve();
    });
  }
}
