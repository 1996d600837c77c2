// Waiting for work that writes into a folder the caller may remove on failure (src/shared/concurrency.ts):
// a failure is thrown only once every piece of work has stopped.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { allSettled, bothSettled } from "../src/shared/concurrency.ts";

/** A promise settled by hand. */
function later(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

test("allSettled throws the first failure, only once the work still running has finished", async () => {
  const running = later();
  let finished = false;
  const work = running.promise.then(() => void (finished = true));
  const waiting = allSettled([Promise.reject(new Error("first")), work, Promise.reject(new Error("second"))]).then(
    () => "resolved",
    (e: Error) => e.message,
  );
  await new Promise(setImmediate);
  let settled = false;
  void waiting.then(() => (settled = true));
  await new Promise(setImmediate);
  assert.not.ok(settled, "settled while work was still running");
  running.resolve();
  assert.is(await waiting, "first");
  assert.ok(finished);
  await allSettled([]);
});

test("bothSettled waits for the other side before throwing", async () => {
  const running = later();
  let finished = false;
  const waiting = bothSettled(Promise.reject(new Error("failed")), running.promise.then(() => void (finished = true))).catch((e: Error) => [e.message, finished]);
  await new Promise(setImmediate);
  running.resolve();
  assert.equal(await waiting, ["failed", true]);
});

test.run();
