import { execFileSync, spawnSync } from "node:child_process";
import {
  chmodSync,
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readInputFile } from "../../loaders/ingest/read-file.ts";
import { terminalLines, terminalText } from "../../src/text/terminal-text.ts";
import { repoRoot } from "../helpers/paths.ts";
import { runCli } from "../helpers/run-cli.ts";

const work = mkdtempSync(join(tmpdir(), "assay-entries-"));
chmodSync(work, 0o755);
const inbox = join(work, "inbox");
const sample = join(repoRoot, "data/sample/inbox");
const FORGED = "evil\n\u001b[32mrejected 0 files\u001b[0m\r.xlsx";
let socket: Server | null = null;
// Root reads any folder whatever its mode: the CLI then runs as nobody so the locked folder really cannot be listed.
const asNobody = process.getuid?.() === 0;
// …which needs a checkout others may read: a clone inside a private folder (mktemp -d is 0700) cannot be run as nobody.
const cliRuns =
  !asNobody ||
  spawnSync(
    process.execPath,
    ["-e", "require('node:fs').accessSync(process.argv[1])", join(repoRoot, "bin/assay.mjs")],
    {
      uid: 65534,
      gid: 65534,
    },
  ).status === 0;
if (!cliRuns) console.warn(`inbox-entries: ${repoRoot} is not readable by nobody; the CLI cases are skipped`);

beforeAll(async () => {
  mkdirSync(join(inbox, "locked"), { recursive: true });
  mkdirSync(join(inbox, "open"));
  const good = readdirSync(sample)
    .filter((f) => f.startsWith("CMRT_"))
    .slice(0, 3);
  copyFileSync(join(sample, good[0]!), join(inbox, good[0]!));
  copyFileSync(join(sample, good[1]!), join(inbox, "open", good[1]!));
  copyFileSync(join(sample, good[2]!), join(inbox, "locked", good[2]!));
  chmodSync(join(inbox, "locked"), 0o000);
  execFileSync("mkfifo", [join(inbox, "pipe.xlsx")]);
  socket = createServer();
  await new Promise<void>((done) => socket!.listen(join(inbox, "socket.xlsx"), done));
  symlinkSync(join(inbox, "open"), join(inbox, "link-to-folder"));
  symlinkSync(join(work, "gone.xlsx"), join(inbox, "dangling.xlsx"));
  symlinkSync(join(inbox, good[0]!), join(inbox, "link-to-file.xlsx"));
  writeFileSync(join(inbox, FORGED), "not a workbook\n");
  if (asNobody) chmodSync(work, 0o777);
});

afterAll(async () => {
  await new Promise<void>((done) => (socket ? socket.close(() => done()) : done()));
  chmodSync(join(inbox, "locked"), 0o755);
  rmSync(work, { recursive: true, force: true });
});

function ingest(...flags: string[]) {
  return runCli(["ingest", inbox, "--db", join(work, "w.duckdb"), "--as-of", "2026-06-30", ...flags], {
    ...(asNobody ? { uid: 65534, gid: 65534, env: { HOME: work } } : {}),
    timeout: 120_000,
  });
}

describe("every inbox entry is accounted for; none stops the ingest", () => {
  it.skipIf(!cliRuns)(
    "an unreadable folder, a FIFO, a socket and links are rejected with a reason and the rest is stored",
    () => {
      const r = ingest("--json");
      expect(r.code, r.stderr).toBe(0);
      const summary = JSON.parse(r.stdout) as {
        filesSeen: number;
        filesNew: number;
        filesUnchanged: number;
        filesRejected: { path: string; reason: string }[];
      };
      const reasons = Object.fromEntries(summary.filesRejected.map((x) => [x.path.slice(inbox.length + 1), x.reason]));
      expect(reasons).toEqual({
        locked: "cannot list folder: permission denied",
        "pipe.xlsx": "not a regular file: a FIFO (named pipe) (not opened)",
        "socket.xlsx": "not a regular file: a socket (not opened)",
        "link-to-folder": "symbolic link to a folder (not followed)",
        "dangling.xlsx": "broken symbolic link (no such file or directory)",
        [FORGED]: expect.stringMatching(/not a workbook/),
      });
      expect(summary.filesNew, "the two readable workbooks").toBe(2);
      expect(summary.filesUnchanged, "the link to a file already read is its copy").toBe(1);
      expect(summary.filesNew + summary.filesUnchanged + summary.filesRejected.length).toBe(summary.filesSeen);
    },
  );

  it.skipIf(!cliRuns)("names with newlines and escape sequences cannot forge or recolour log lines", () => {
    const r = ingest();
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).not.toContain("\u001b");
    expect(r.stdout).not.toContain("\r");
    const lines = r.stdout.trimEnd().split("\n");
    for (const line of lines)
      expect(line, "every line is one the CLI wrote").toMatch(/^(\d+ file\(s\)|rows stored|copy |rejected \/)/);
    expect(lines.filter((l) => l.startsWith("rejected "))).toHaveLength(6);
    expect(r.stdout).toContain("evil\\n\\u001b[32mrejected 0 files\\u001b[0m\\r.xlsx");
  });

  it("a FIFO swapped in after the walk is refused by the reader without blocking on it", async () => {
    const r = await readInputFile(join(inbox, "pipe.xlsx"), "2026-06-30", new Set());
    expect(r).toMatchObject({
      status: "rejected",
      fileHash: null,
      reason: "not a regular file: a FIFO (named pipe) (not opened)",
    });
  });

  it("terminalText escapes controls, C1 and bidi overrides; terminalLines keeps the line breaks", () => {
    expect(terminalText("a\u202eb\u0085c\u0007")).toBe("a\\u202eb\\u0085c\\u0007");
    expect(terminalText("Zürich – 北京")).toBe("Zürich – 北京");
    expect(terminalLines("one\u001b[2J\ntwo\r")).toBe("one\\u001b[2J\ntwo\\r");
  });
});
