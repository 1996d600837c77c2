// The dev site's search index, brought up to date in place: only the shards whose records changed are indexed again.
import { mkdir, readdir, rename, rm } from "node:fs/promises";
import path from "node:path";
import type { BuildCache } from "../cache/index.ts";
import { writeSearchFileList } from "../offline/index.ts";
import type { ArticlePage } from "../render/index.ts";
import { CONVERSION_FILE, recordFields, recordMaker, shardStories, storiesOf, writeShards, type SearchRecord, type StoryPages } from "../search/index.ts";
import type { SearchShard } from "../shared/search-layout.ts";
import { sameData } from "./diff.ts";
import type { LastSite } from "./session.ts";

/** The folder of a shard after the first, inside the first's: `p` and its first month (see shared/search-layout.ts). */
const SHARD_DIR_RE = /^p\d{4}-\d{2}(\.\d+)?$/;

/**
 * Indexes again, in the served output `out`, the shards of `layout` whose stories' search records differ
 * from those of the last plan's shard of the same folder (an edit past the lead changes none), with the
 * last build's conversion table, a few at once; removes the shards the layout no longer has, and lists
 * the search files anew.
 */
export async function reindexShards(articles: readonly ArticlePage[], layout: readonly SearchShard[], last: LastSite, out: string, cache: BuildCache): Promise<{ reindexed: string[]; gone: number }> {
  const lastLayout = last.plan.searches[0]!.shards;
  const before = shardStories(storiesOf(last.plan.articles), lastLayout);
  const beforeByDir = new Map(lastLayout.map((shard, at) => [shard.dir, before[at]!]));
  const members = shardStories(storiesOf(articles), layout);
  const changed = layout.flatMap((shard, at) => {
    const old = beforeByDir.get(shard.dir);
    const stories = members[at]!;
    if (old !== undefined && old.length === stories.length && stories.every((s, i) => sameRecord(s, old[i]!))) return [];
    return [{ shard, records: stories.map(recordMaker(last.table, cache.records, shard.dir)) }];
  });
  await replaceShards(changed, path.join(out, "pagefind"));
  const dirs = new Set(layout.map((shard) => shard.dir));
  const gone = lastLayout.filter((shard) => !dirs.has(shard.dir));
  for (const shard of gone) await rm(path.join(out, "pagefind", shard.dir), { recursive: true, force: true });
  if (changed.length > 0 || gone.length > 0) await writeSearchFileList(out);
  return { reindexed: changed.map(({ shard }) => shard.dir), gone: gone.length };
}

/** True when two stories make the same search record: the same objects, or the same fields a record is made from. */
function sameRecord(a: StoryPages, b: StoryPages): boolean {
  return (a.zh === b.zh && a.en === b.en) || sameData(recordFields(a), recordFields(b));
}

/**
 * Indexes shards into folders of `bundle` that may hold an earlier index of them: into new folders beside
 * them first, then the earlier files go and the new ones move in. Other shards' folders and the conversion
 * table inside the first shard's are left alone, so the bundle ends up as a clean build would write it.
 */
async function replaceShards(shards: readonly { shard: SearchShard; records: SearchRecord[] }[], bundle: string): Promise<void> {
  const jobs = shards.map(({ shard, records }) => {
    const dir = path.resolve(bundle, shard.dir);
    return { shard, records, dir, fresh: path.join(path.dirname(dir), `.next-${path.basename(dir)}`) };
  });
  for (const { fresh } of jobs) await rm(fresh, { recursive: true, force: true });
  await writeShards(jobs.map(({ shard, records, fresh }) => ({ shard, records, dir: fresh })));
  // The first shard's folder goes last: clearing it of the earlier index would take the others' new folders.
  for (const { dir, fresh } of [...jobs].sort((a, b) => Number(a.shard.dir === "") - Number(b.shard.dir === ""))) {
    await mkdir(dir, { recursive: true });
    for (const name of await readdir(dir)) if (!SHARD_DIR_RE.test(name) && name !== CONVERSION_FILE) await rm(path.join(dir, name), { recursive: true, force: true });
    for (const name of await readdir(fresh)) await rename(path.join(fresh, name), path.join(dir, name));
    await rm(fresh, { recursive: true });
  }
}
