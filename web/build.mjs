// Builds the UI into factiongraph/web/static: the JS bundle, the CSS (with leaflet's, and its
// images), the world-atlas boundaries, index.html and the API page (/docs, Swagger UI). Everything is
// served by the app itself.
import { build } from "esbuild";
import { copyFile, mkdir, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, "..", "factiongraph", "web", "static");
const require = createRequire(import.meta.url);

await rm(out, { recursive: true, force: true });
await mkdir(out, { recursive: true });

await build({
  entryPoints: { app: join(here, "src", "main.js"), style: join(here, "src", "style.css") },
  outdir: out,
  bundle: true,
  format: "esm",
  target: ["es2020"],
  minify: true,
  sourcemap: "linked",
  legalComments: "linked",
  loader: { ".png": "file", ".svg": "file" },
  assetNames: "assets/[name]-[hash]",
  logLevel: "warning",
});

// 50m: detailed enough for the Levant at governorate zoom, small enough to load at once.
await copyFile(require.resolve("world-atlas/countries-50m.json"), join(out, "countries-50m.json"));
await copyFile(join(here, "src", "index.html"), join(out, "index.html"));

// /docs: Swagger UI from swagger-ui-dist, served by the app like the rest (the CSP allows no CDN).
const docs = join(out, "docs");
const swagger = dirname(require.resolve("swagger-ui-dist/package.json"));
await mkdir(docs, { recursive: true });
for (const file of ["swagger-ui-bundle.js", "swagger-ui.css", "LICENSE"]) {
  await copyFile(join(swagger, file), join(docs, file));
}
for (const file of ["index.html", "docs.js", "docs.css"]) {
  await copyFile(join(here, "src", "docs", file), join(docs, file));
}
console.log(`built ${out}`);
