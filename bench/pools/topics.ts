// Every news topic, in order of how often stories are about it (the order feeds a Zipf pick).
import { TOPICS_A } from "./topics-a.ts";
import { TOPICS_B } from "./topics-b.ts";
import type { Topic } from "./topic-type.ts";

/** All topics. */
export const TOPICS: readonly Topic[] = [...TOPICS_A, ...TOPICS_B];
