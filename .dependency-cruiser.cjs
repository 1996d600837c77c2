// Import rules for src/: no cycles, and the pipeline's stages import only downward.
//
// The stages, in build order ("site" reads site.yaml, the input every later stage may read). A stage may import the stages before it and the shared helpers below
// every stage (src/shared/, diagnostics.ts, types.ts, photo-types.ts, children.ts), never a later stage, nor the
// layers built on the stages: the cache, the build, npm start's dev layer, npm run check, the server.
/** @type {string[]} */
const STAGES = ["site", "ingest", "parse", "validate", "images", "pages", "pair", "render", "search", "offline", "publish"];
const LAYERS = ["cache", "build\\.ts", "read-stories\\.ts", "build-options\\.ts", "stages\\.ts", "site-stages\\.ts", "dev", "check", "serve"];
const SHARED = "^src/(shared/|diagnostics\\.ts$|types\\.ts$|photo-types\\.ts$|children\\.ts$)";

const unit = (name) => `^src/${name}(/|$)`;

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "no-cycles",
      comment: "Modules import one way: a cycle means two modules that cannot be understood apart.",
      severity: "error",
      from: { path: "^src/" },
      to: { circular: true },
    },
    ...STAGES.map((stage, at) => ({
      name: `stage-order-${stage}`,
      comment: `${stage} may import only earlier stages (${STAGES.slice(0, at).join(", ") || "none"}) and the shared helpers.`,
      severity: "error",
      from: { path: unit(stage) },
      to: { path: [...STAGES.slice(at + 1), ...LAYERS].map(unit) },
    })),
    {
      name: "shared-below-all",
      comment: "The shared helpers sit below every stage: they import nothing of Duet's but each other.",
      severity: "error",
      from: { path: SHARED },
      to: { path: "^src/", pathNot: SHARED },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: { extensions: [".ts", ".js"] },
  },
};
