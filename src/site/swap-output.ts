import { existsSync, readdirSync, renameSync, rmSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { AssayError } from "../errors.ts";

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
};

/** The folder beside `output` a build writes into; swapped in only when the build completed. */
export const stagingFolder = (output: string, pid = process.pid) =>
  join(dirname(output), `.${basename(output)}.building-${pid}`);
const asideFolder = (output: string, pid = process.pid) =>
  join(dirname(output), `.${basename(output)}.previous-${pid}`);

/**
 * Refuses an output folder that holds something other than an Assay site (or nothing), and tidies what a killed build
 * left beside it: its unfinished staging folder is removed, and a previous site it had moved aside but not yet replaced
 * is put back.
 */
export function prepareOutput(output: string): void {
  if (existsSync(output)) {
    const entries = readdirSync(output);
    if (entries.length > 0 && !entries.includes("_observablehq")) {
      throw new AssayError(
        `${output}: not empty and not an Assay site; refusing to overwrite it (choose another --out)`,
        { exitCode: 2 },
      );
    }
  }
  const parent = dirname(output);
  if (!existsSync(parent)) return;
  const pattern = new RegExp(
    `^\\.${basename(output).replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\.(building|previous)-(\\d+)$`,
  );
  for (const entry of readdirSync(parent)) {
    const m = pattern.exec(entry);
    if (!m || alive(Number(m[2]))) continue;
    const path = join(parent, entry);
    if (m[1] === "previous" && !existsSync(output)) renameSync(path, output);
    else rmSync(path, { recursive: true, force: true });
  }
}

/**
 * Puts a completed build in place of the previous site: the old folder is moved aside, the new one renamed into its
 * place (both on the same file system, so each step is one rename), then the old one removed.
 */
export function swapInto(staging: string, output: string): void {
  const aside = asideFolder(output);
  const hadPrevious = existsSync(output);
  if (hadPrevious) renameSync(output, aside);
  try {
    renameSync(staging, output);
  } catch (error) {
    if (hadPrevious) renameSync(aside, output);
    throw error;
  }
  if (hadPrevious) rmSync(aside, { recursive: true, force: true });
}
