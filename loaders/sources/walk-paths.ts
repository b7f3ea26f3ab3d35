import { lstat, readdir, stat } from "node:fs/promises";
import type { Dirent, Stats } from "node:fs";
import { join, resolve } from "node:path";
import { entryKind } from "./read-regular-file.ts";

export interface WalkResult {
  files: string[];
  /** Paths that do not exist, cannot be listed or are not regular files, with a reason; the walk goes on past them. */
  missing: { path: string; reason: string }[];
}

const why = (error: unknown) => {
  const e = error as NodeJS.ErrnoException;
  if (e.code === "ENOENT") return "no such file or directory";
  if (e.code === "EACCES" || e.code === "EPERM") return "permission denied";
  return (e.message ?? String(error)).split("\n")[0]!;
};

/**
 * Expands files and directories (recursively, sorted) into file paths. Nothing stops the walk: a folder that cannot be
 * listed, a FIFO, socket or device, or a symbolic link to a folder (not followed) is reported in `missing` with its
 * reason, and everything else is still walked. Symbolic links to regular files are followed.
 */
export async function walkPaths(paths: readonly string[]): Promise<WalkResult> {
  const files: string[] = [];
  const missing: WalkResult["missing"] = [];
  const visit = async (path: string, top: boolean): Promise<void> => {
    let info: Stats;
    try {
      info = await stat(path);
    } catch (error) {
      const link = await lstat(path).then(
        (l) => l.isSymbolicLink(),
        () => false,
      );
      missing.push({ path, reason: link ? `broken symbolic link (${why(error)})` : why(error) });
      return;
    }
    if (info.isFile()) {
      files.push(path);
      return;
    }
    if (!info.isDirectory()) {
      missing.push({ path, reason: `not a regular file: ${entryKind(info)} (not opened)` });
      return;
    }
    if (!top && (await lstat(path)).isSymbolicLink()) {
      missing.push({ path, reason: "symbolic link to a folder (not followed)" });
      return;
    }
    let entries: Dirent[];
    try {
      entries = await readdir(path, { withFileTypes: true });
    } catch (error) {
      missing.push({ path, reason: `cannot list folder: ${why(error)}` });
      return;
    }
    entries.sort((a, b) => a.name.localeCompare(b.name));
    for (const e of entries) await visit(join(path, e.name), false);
  };
  for (const p of paths) await visit(resolve(p), true);
  return { files: [...new Set(files)], missing };
}
