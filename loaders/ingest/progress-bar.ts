import { terminalText } from "../../src/text/terminal-text.ts";

/** A one-line progress bar for a terminal: `[#####.....] 12/40 file.xlsx`. */
export function progressLine(done: number, total: number, label: string, width = 30): string {
  const filled = total === 0 ? width : Math.round((done / total) * width);
  const safe = terminalText(label);
  const name = safe.length > 40 ? `…${safe.slice(-39)}` : safe;
  return `\r[${"#".repeat(filled)}${".".repeat(width - filled)}] ${done}/${total} ${name}\u001b[K`;
}
