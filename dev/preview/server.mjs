// A tiny static file server for the built preview (plain HTTP, 127.0.0.1 only, no dependencies).
//   node dev/preview/server.mjs [--dir dist/preview] [--port 3001]
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".ico": "image/x-icon",
};

/** The file a URL path names inside root, or null when it would leave root. */
function resolveFile(root, urlPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath.split("?")[0].split("#")[0]);
  } catch {
    return null;
  }
  const relative = decoded === "/" ? "index.html" : decoded.replace(/^\/+/, "");
  const file = path.resolve(root, relative);
  return file === root || file.startsWith(root + path.sep) ? file : null;
}

/**
 * Serves dir on http://host:port/ (port 0: any free port).
 * @param {{ dir: string, port?: number, host?: string }} options
 * @returns {Promise<{ url: string, port: number, close: () => Promise<void> }>}
 */
export function startPreviewServer({ dir, port = 3001, host = "127.0.0.1" }) {
  const root = path.resolve(dir);
  const server = http.createServer((request, response) => {
    const file = resolveFile(root, request.url ?? "/");
    if (request.method !== "GET" && request.method !== "HEAD") {
      response.writeHead(405, { Allow: "GET, HEAD" }).end();
      return;
    }
    if (!file) {
      response.writeHead(400).end("bad path");
      return;
    }
    fs.readFile(file, (error, body) => {
      if (error) {
        response.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" }).end("not found");
        return;
      }
      response.writeHead(200, {
        "Content-Type": TYPES[path.extname(file).toLowerCase()] ?? "application/octet-stream",
        "Cache-Control": "no-store", // a rebuild shows on the next reload
        "X-Content-Type-Options": "nosniff",
      });
      response.end(request.method === "HEAD" ? undefined : body);
    });
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      const actual = /** @type {import("node:net").AddressInfo} */ (server.address()).port;
      resolve({
        url: `http://${host === "127.0.0.1" ? "localhost" : host}:${actual}/`,
        port: actual,
        close: () =>
          new Promise((done) => {
            server.closeAllConnections?.();
            server.close(() => done());
          }),
      });
    });
  });
}

function argument(name) {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = argument("--dir") ?? path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../dist/preview");
  startPreviewServer({ dir, port: Number(argument("--port") ?? 3001) }).then(
    ({ url }) => console.log(`preview served on ${url}`),
    (error) => {
      console.error(`could not serve the preview: ${error.message}`);
      process.exit(1);
    },
  );
}
