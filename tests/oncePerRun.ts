/**
 * A build made once per `vitest run` and shared by the test files that need it (the preview for the
 * end-to-end files, the production build for the shell tests): vitest runs files in separate workers, so
 * the first file to ask builds into `base` (named after the run, PLAN_TRACKER_TEST_RUN, set by
 * tests/globalSetup.ts, which removes `base` and its markers at the end) and the others wait for its marker.
 * `build`'s result is kept in `${base}.json` for them; a failure in `${base}.failed`, so they fail at once.
 */
import fs from "node:fs";

export const runMarkers = (base: string): string[] => [base, `${base}.json`, `${base}.failed`];

export async function oncePerRun<T>(base: string, build: () => Promise<T>): Promise<T> {
  const result = `${base}.json`;
  const failed = `${base}.failed`;
  let builder = false;
  try {
    fs.mkdirSync(base); // atomic: exactly one file of the run gets to build
    builder = true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
  if (builder) {
    try {
      const built = await build();
      fs.writeFileSync(result, JSON.stringify(built ?? null));
      return built;
    } catch (error) {
      fs.writeFileSync(failed, error instanceof Error ? error.message : String(error));
      throw error;
    }
  }
  const deadline = Date.now() + 10 * 60_000;
  while (!fs.existsSync(result)) {
    if (fs.existsSync(failed))
      throw new Error(`The shared build in ${base} failed:\n${fs.readFileSync(failed, "utf8")}`);
    if (Date.now() > deadline) throw new Error(`No shared build in ${base} after 10 minutes`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return JSON.parse(fs.readFileSync(result, "utf8")) as T;
}
