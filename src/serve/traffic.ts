// The server's traffic, for `SiteServer.quiet`: how many requests are open or held, and when one last ended.
import type { ServerResponse } from "node:http";

/** How often `quiet` looks again. */
const POLL_MS = 25;

/** A counter of open and held requests. */
export function createTraffic() {
  let open = 0;
  let held = 0;
  let lastClosed = 0;
  return {
    /** Counts `res` as open until it closes. */
    track(res: ServerResponse): void {
      open++;
      res.on("close", () => {
        open--;
        lastClosed = performance.now();
      });
    },
    /** Waits for `waiting`, counting the request as held meanwhile. */
    async hold(waiting: Promise<void>): Promise<void> {
      held++;
      await waiting.finally(() => held--);
    },
    /**
     * Resolves once no request has been open for `ms`, counted from the call at the earliest; at once
     * when `listening()` is false or a request is held, and after `max` whatever the traffic.
     */
    quiet(ms: number, max: number, listening: () => boolean): Promise<void> {
      return new Promise((resolve) => {
        const since = performance.now();
        const check = () => {
          const now = performance.now();
          const idle = open === 0 && now - Math.max(since, lastClosed) >= ms;
          if (!listening() || held > 0 || idle || now - since >= max) resolve();
          else setTimeout(check, POLL_MS);
        };
        check();
      });
    },
  };
}
