// Runs before `npm test`: the end-to-end tests drive Debian's Chromium (/usr/bin/chromium). On a fresh
// Debian/Ubuntu machine where we are root, install it (and xmllint for the manifest check) with apt-get, so
// `npm test` alone passes; anywhere else, say what to install and let the tests report it.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";

const CHROMIUM = "/usr/bin/chromium";
const need = [];
if (!existsSync(CHROMIUM)) need.push("chromium");
if (!existsSync("/usr/bin/xmllint")) need.push("libxml2-utils");

const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
const hasApt = existsSync("/usr/bin/apt-get");

if (need.length === 0) process.exit(0);
if (!isRoot || !hasApt) {
  console.warn(
    `[pretest] missing ${need.join(", ")}: install with \`sudo apt-get install -y ${need.join(" ")}\` ` +
      "(the end-to-end tests need Chromium at /usr/bin/chromium).",
  );
  process.exit(0);
}
console.log(`[pretest] installing ${need.join(", ")} from Debian (once)…`);
try {
  execFileSync("apt-get", ["update", "-qq"], { stdio: "inherit" });
  execFileSync("apt-get", ["install", "-y", "-qq", ...need], {
    stdio: "inherit",
    env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
  });
} catch (error) {
  console.warn(`[pretest] apt-get failed (${error.message}); the end-to-end tests will say what is missing.`);
}
