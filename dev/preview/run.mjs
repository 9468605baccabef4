// npm run preview: builds the preview page (development mode, fast) and serves it on http://localhost:3001/.
//   PREVIEW_PORT=4000 npm run preview    another port
import path from "node:path";
import { buildPreview } from "./build.mjs";
import { startPreviewServer } from "./server.mjs";

const port = Number(process.env.PREVIEW_PORT || 3001);

try {
  console.log("building the preview…");
  const { outDir, ms } = await buildPreview({ mode: "development" });
  console.log(`built in ${(ms / 1000).toFixed(1)} s (${path.relative(process.cwd(), outDir)})`);
  const { url, close } = await startPreviewServer({ dir: outDir, port });
  console.log(
    `\nPlan Tracker preview — the real task pane against an in-browser Excel stand-in:\n  ${url}\n(Ctrl+C to stop)`,
  );
  const stop = () => close().then(() => process.exit(0));
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
} catch (error) {
  const message = error instanceof Error ? error.message : String(error);
  console.error(
    message.includes("EADDRINUSE")
      ? `port ${port} is in use: stop the other preview (npm stop) or set PREVIEW_PORT`
      : message,
  );
  process.exit(1);
}
