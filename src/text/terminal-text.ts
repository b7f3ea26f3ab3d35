// C0 controls (newline, carriage return, ESC…), DEL, C1 controls, bidirectional overrides and isolates, line and
// paragraph separators: characters a file or supplier name can use to forge log lines or recolour a terminal.
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const NAMED: Record<string, string> = { "\n": "\\n", "\r": "\\r", "\t": "\\t" };

const escapeChar = (c: string) => NAMED[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`;

/** One value as a single inert line of terminal text: every control or bidi character becomes a visible escape. */
export function terminalText(value: unknown): string {
  return String(value).replace(UNSAFE, escapeChar);
}

/** Text of several lines: each line made inert, the line breaks between them kept. */
export function terminalLines(text: string): string {
  return text.split("\n").map(terminalText).join("\n");
}
