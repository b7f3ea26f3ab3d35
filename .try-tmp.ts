import { Database } from "./src/db/database.ts";
import { loadShippedReference } from "./src/reference/shipped.ts";
import { loadMatchIndex } from "./src/matching/match-index.ts";
import { identify } from "./src/matching/identify.ts";
const db = await Database.open();
await loadShippedReference(db);
const t0 = Date.now();
const index = await loadMatchIndex(db);
console.log("index ms", Date.now() - t0);
const qs: [string, string?, string?, string?][] = [
  ["Wolfram Bergbau und Huetten AG", "Tungsten"], ["8853 SpA", "Gold"], ["Metalor Technologies (Hong Kong) Ltd", "Gold"],
  ["PT Timah", "Tin"], ["Timah Tbk Kundur", "Tin"], ["Thaisarco Thailand", "Tin"], ["Apple Inc.", "Gold"], ["Mining Company", "Gold"],
  ["asahi pretec corp", "Gold"], ["Heraeus", "Gold"], ["Smelter not listed", "Tin"], ["", "Gold", "", "CID002763"],
  ["Foo", "Tin", "", "CID002763"], ["8853 S.p.A.", "Gold", "JAPAN", "CID002763"], ["x", "Tin", "", "1RUS067"], ["", "Tin", "", "CID003379"],
  ["洛阳栾川钼业集团钨业", "Tungsten"], ["ОАО Красцветмет", "Gold"], ["Jiangxi Copper", undefined], ["Global Advanced Metals Aizu", "Tantalum"],
];
for (const [name, metal, country, id] of qs) {
  const r = identify(index, { name, metal, country, id });
  console.log(JSON.stringify([name, metal, id]), r.decision, r.matches.slice(0, 3).map(m => `${m.cid} ${m.name} ${m.score} ${m.method}`).join(" | "), r.findings.map(f => f.code).join(","));
}
