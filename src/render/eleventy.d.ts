// The part of Eleventy 3's programmatic API Duet uses (the package ships no type declarations).
declare module "@11ty/eleventy" {
  /** Eleventy's configuration object, as passed to `.eleventy.ts`. */
  export interface UserConfig {
    addGlobalData(name: string, data: unknown): void;
    addFilter(name: string, filter: (...args: never[]) => unknown): void;
    addPassthroughCopy(mapping: string | Record<string, string>): void;
    setNunjucksEnvironmentOptions(options: Record<string, unknown>): void;
    setQuietMode(quiet: boolean): void;
    addWatchTarget(path: string): void;
    setServerOptions(options: Record<string, unknown>): void;
  }
  /** Options of the Eleventy constructor. */
  export interface EleventyOptions {
    configPath?: string;
    pathPrefix?: string;
    quietMode?: boolean;
    runMode?: "build" | "watch" | "serve";
    config?: (config: UserConfig) => void | Promise<void>;
  }
  /** Eleventy's programmatic entry point. */
  export default class Eleventy {
    constructor(input?: string, output?: string, options?: EleventyOptions);
    /** Eleventy's console logger; `overrideLogger(false)` silences it. */
    readonly logger: { overrideLogger(logger: false | Console): void };
    write(): Promise<unknown>;
    watch(): Promise<unknown>;
    serve(port?: number): Promise<unknown>;
  }
}
