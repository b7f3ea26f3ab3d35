/** A one-line progress bar for a terminal: `[#####.....] 12/40 file.xlsx`. */
export function progressLine(done: number, total: number, label: string, width = 30): string {
  const filled = total === 0 ? width : Math.round((done / total) * width);
  const name = label.length > 40 ? `…${label.slice(-39)}` : label;
  return `\r[${"#".repeat(filled)}${".".repeat(width - filled)}] ${done}/${total} ${name}\u001b[K`;
}
