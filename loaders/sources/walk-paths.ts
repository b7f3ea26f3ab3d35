import { readdir, stat } from "node:fs/promises";
import { join, resolve } from "node:path";

export interface WalkResult {
  files: string[];
  /** Paths that do not exist or cannot be listed, with a reason. */
  missing: { path: string; reason: string }[];
}

/** Expands files and directories (recursively, sorted, symlinked directories not followed) into file paths. */
export async function walkPaths(paths: readonly string[]): Promise<WalkResult> {
  const files: string[] = [];
  const missing: WalkResult["missing"] = [];
  const visit = async (path: string): Promise<void> => {
    let info;
    try {
      info = await stat(path);
    } catch (error) {
      missing.push({ path, reason: (error as NodeJS.ErrnoException).code === "ENOENT" ? "no such file or directory" : (error as Error).message });
      return;
    }
    if (info.isFile()) {
      files.push(path);
      return;
    }
    if (!info.isDirectory()) return;
    const entries = await readdir(path, { withFileTypes: true });
    entries.sort((a, b) => a.name.localeCompare(b.name));
    for (const e of entries) {
      if (e.isDirectory() || e.isFile()) await visit(join(path, e.name));
    }
  };
  for (const p of paths) await visit(resolve(p));
  return { files: [...new Set(files)], missing };
}
