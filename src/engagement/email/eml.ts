/** One plain-text e-mail, ready to serialise as an .eml draft. */
export interface EmlMessage {
  from: Mailbox | null;
  to: Mailbox | null;
  replyTo?: Mailbox | null;
  subject: string;
  /** YYYY-MM-DD; written as 09:00 UTC that day. */
  date: string;
  messageId: string;
  body: string;
  /** Extra X- headers (names must be ASCII letters, digits and dashes). */
  headers?: Record<string, string>;
}

export interface Mailbox {
  name: string | null;
  address: string;
}

const CONTROL = /[\u0000-\u001f\u007f\u2028\u2029]+/g;
const ADDRESS =
  /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/;
const DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** Removes CR, LF and every other control character from a header value (no header injection), collapsing runs to one space. */
export function headerText(value: string): string {
  return value.replace(CONTROL, " ").replace(/\s+/g, " ").trim();
}

/** A syntactically valid addr-spec, or null ("first,last@domain" and anything with spaces, quotes or brackets is refused). */
export function validAddress(value: string | null | undefined): string | null {
  if (!value) return null;
  const v = value.replace(/^mailto:/i, "").trim();
  return v.length <= 254 && ADDRESS.test(v) ? v : null;
}

/** RFC 2047 encoded-words (UTF-8, base64) for non-ASCII text, split so each word stays under 76 characters. */
function encodeWords(text: string): string {
  const words: string[] = [];
  let chunk = "";
  for (const ch of text) {
    if (Buffer.byteLength(chunk + ch, "utf8") > 45) {
      words.push(chunk);
      chunk = "";
    }
    chunk += ch;
  }
  if (chunk) words.push(chunk);
  return words.map((w) => `=?UTF-8?B?${Buffer.from(w, "utf8").toString("base64")}?=`).join("\r\n ");
}

/** Unstructured header text: sanitised, encoded when not printable ASCII. */
export function encodeHeader(value: string): string {
  const clean = headerText(value);
  return /^[\x20-\x7e]*$/.test(clean) && clean.length <= 900 ? clean : encodeWords(clean);
}

/** `"Display Name" <addr>` with the name quoted or encoded; null when the address is not valid. */
export function formatMailbox(mailbox: Mailbox): string | null {
  const address = validAddress(mailbox.address);
  if (!address) return null;
  const name = mailbox.name ? headerText(mailbox.name) : "";
  if (name === "") return `<${address}>`;
  const display = /^[\x20-\x7e]*$/.test(name) ? `"${name.replace(/[\\"]/g, (c) => `\\${c}`)}"` : encodeWords(name);
  return `${display} <${address}>`;
}

export function rfc5322Date(isoDay: string): string {
  const d = new Date(`${isoDay}T09:00:00Z`);
  const dd = String(d.getUTCDate()).padStart(2, "0");
  return `${DAYS[d.getUTCDay()]}, ${dd} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} 09:00:00 +0000`;
}

/** Splits lines longer than `max` UTF-8 bytes at spaces (or hard) so no line exceeds RFC 5322's 998 octets. */
function wrapLong(line: string, max = 900): string[] {
  if (Buffer.byteLength(line, "utf8") <= max) return [line];
  const out: string[] = [];
  let rest = line;
  while (Buffer.byteLength(rest, "utf8") > max) {
    let cut = Math.min(rest.length, max);
    while (Buffer.byteLength(rest.slice(0, cut), "utf8") > max) cut--;
    const space = rest.lastIndexOf(" ", cut);
    if (space > cut / 2) cut = space;
    out.push(rest.slice(0, cut));
    rest = rest.slice(cut).replace(/^ /, "");
  }
  out.push(rest);
  return out;
}

/** Serialises a draft as RFC 5322 text with CRLF line ends, UTF-8 8bit body, and X-Unsent so mail clients open it as a draft. */
export function formatEml(m: EmlMessage): string {
  const lines: string[] = [];
  const from = m.from ? formatMailbox(m.from) : null;
  const to = m.to ? formatMailbox(m.to) : null;
  const replyTo = m.replyTo ? formatMailbox(m.replyTo) : null;
  if (from) lines.push(`From: ${from}`);
  if (to) lines.push(`To: ${to}`);
  if (replyTo) lines.push(`Reply-To: ${replyTo}`);
  lines.push(`Subject: ${encodeHeader(m.subject)}`);
  lines.push(`Date: ${rfc5322Date(m.date)}`);
  lines.push(`Message-ID: <${headerText(m.messageId).replace(/[<>\s]/g, "")}>`);
  lines.push(
    "MIME-Version: 1.0",
    "Content-Type: text/plain; charset=UTF-8",
    "Content-Transfer-Encoding: 8bit",
    "X-Unsent: 1",
  );
  for (const [name, value] of Object.entries(m.headers ?? {})) {
    if (/^X-[A-Za-z0-9-]+$/.test(name)) lines.push(`${name}: ${encodeHeader(value)}`);
  }
  const body = m.body
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .flatMap((l) => wrapLong(l.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, " ")));
  return `${lines.join("\r\n")}\r\n\r\n${body.join("\r\n")}\r\n`;
}
