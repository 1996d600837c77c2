// The dev site's search index, brought up to date in place: only the shards whose records changed are indexed again.
import { mkdir, readdir, rename, rm } from "node:fs/promises";
import path from "node:path";
import type { BuildCache } from "../cache/index.ts";
import { writeSearchFileList } from "../offline/index.ts";
import type { ArticlePage } from "../render/index.ts";
import { recordFields, recordMaker, shardStories, storiesOf, writeShard, type SearchRecord, type StoryPages } from "../search/index.ts";
import type { SearchShard } from "../shared/search-layout.ts";
import { sameData } from "./diff.ts";
import type { LastSite } from "./session.ts";

/** The folder of a shard after the first, inside the first's (see shared/search-layout.ts). */
const SHARD_DIR_RE = /^shard-\d+$/;

/**
 * Indexes again, in the served output `out`, the shards of `layout` whose stories' search records differ
 * from those of the last plan's shard (an edit past the lead changes none), with the last build's
 * conversion table; removes the shards the layout no longer has, and lists the search files anew.
 */
export async function reindexShards(articles: readonly ArticlePage[], layout: readonly SearchShard[], last: LastSite, out: string, cache: BuildCache): Promise<{ reindexed: string[]; gone: number }> {
  const lastLayout = last.plan.searches[0]!.shards;
  const before = shardStories(storiesOf(last.plan.articles), lastLayout);
  const members = shardStories(storiesOf(articles), layout);
  const recordOf = recordMaker(last.table, cache.records);
  const reindexed: string[] = [];
  for (const [at, shard] of layout.entries()) {
    const old = before[at];
    const stories = members[at]!;
    if (old !== undefined && old.length === stories.length && stories.every((s, i) => sameRecord(s, old[i]!))) continue;
    reindexed.push(shard.dir);
    await replaceShard(stories.map(recordOf), path.join(out, "pagefind", shard.dir), shard);
  }
  const dirs = new Set(layout.map((shard) => shard.dir));
  const gone = lastLayout.filter((shard) => !dirs.has(shard.dir));
  for (const shard of gone) await rm(path.join(out, "pagefind", shard.dir), { recursive: true, force: true });
  if (reindexed.length > 0 || gone.length > 0) await writeSearchFileList(out);
  return { reindexed, gone: gone.length };
}

/** True when two stories make the same search record: the same objects, or the same fields a record is made from. */
function sameRecord(a: StoryPages, b: StoryPages): boolean {
  return (a.zh === b.zh && a.en === b.en) || sameData(recordFields(a), recordFields(b));
}

/**
 * Indexes a shard into a folder that holds an earlier index of it: into a new folder beside it first,
 * then the earlier files go and the new ones move in. Other shards' folders inside the first shard's are
 * left alone, so the bundle ends up as a clean build would write it.
 */
async function replaceShard(records: readonly SearchRecord[], dir: string, shard: SearchShard): Promise<void> {
  const fresh = path.join(path.dirname(path.resolve(dir)), `.next-${path.basename(path.resolve(dir))}`);
  await rm(fresh, { recursive: true, force: true });
  await writeShard(records, fresh, shard);
  await mkdir(dir, { recursive: true });
  for (const name of await readdir(dir)) if (!SHARD_DIR_RE.test(name)) await rm(path.join(dir, name), { recursive: true, force: true });
  for (const name of await readdir(fresh)) await rename(path.join(fresh, name), path.join(dir, name));
  await rm(fresh, { recursive: true });
}
