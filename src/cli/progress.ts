import type { Output } from "./command.ts";
import { terminalText } from "../text/terminal-text.ts";

/** A throttled one-line progress bar on stderr; silent when stderr is not a terminal. */
export function progressBar(io: Output): (done: number, total: number, label: string) => void {
  let last = 0;
  return (done, total, label) => {
    if (!io.isTTY) return;
    const now = Date.now();
    if (done < total && now - last < 100) return;
    last = now;
    const width = 24;
    const filled = total > 0 ? Math.round((done / total) * width) : 0;
    const safe = terminalText(label);
    const name = safe.length > 40 ? `…${safe.slice(-39)}` : safe;
    io.err(`\r[${"#".repeat(filled)}${"-".repeat(width - filled)}] ${done}/${total} ${name}\x1b[K`);
    if (done >= total) io.err("\r\x1b[K");
  };
}
