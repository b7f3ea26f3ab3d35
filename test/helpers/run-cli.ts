import { spawnSync } from "node:child_process";
import { resolve } from "node:path";
import { repoRoot } from "./paths.ts";

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `node bin/assay.mjs ...args` as a real process from the repo root. */
export function runCli(
  args: string[],
  options: { cwd?: string; env?: Record<string, string>; uid?: number; gid?: number; timeout?: number } = {},
): CliResult {
  const result = spawnSync(process.execPath, [resolve(repoRoot, "bin/assay.mjs"), ...args], {
    cwd: options.cwd ?? repoRoot,
    env: { ...process.env, ...options.env },
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024,
    ...(options.uid !== undefined ? { uid: options.uid } : {}),
    ...(options.gid !== undefined ? { gid: options.gid } : {}),
    ...(options.timeout !== undefined ? { timeout: options.timeout, killSignal: "SIGKILL" as const } : {}),
  });
  return { code: result.status ?? 1, stdout: result.stdout, stderr: result.stderr };
}
