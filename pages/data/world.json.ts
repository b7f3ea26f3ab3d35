import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { countryToIso2 } from "../../src/text/countries.ts";

// world-atlas 110m countries (Natural Earth, public domain) with each country's ISO alpha-2 code added,
// so the map joins the warehouse's country codes without any network request.
const require = createRequire(import.meta.url);
// Natural Earth's abbreviated labels that the general country-name table does not know.
const ABBREVIATED: Record<string, string> = {
  "W. Sahara": "EH",
  "Dem. Rep. Congo": "CD",
  "Dominican Rep.": "DO",
  "Falkland Is.": "FK",
  "Fr. S. Antarctic Lands": "TF",
  "Central African Rep.": "CF",
  "Eq. Guinea": "GQ",
  "Solomon Is.": "SB",
  "Bosnia and Herz.": "BA",
  "S. Sudan": "SS",
};
const world = JSON.parse(readFileSync(require.resolve("world-atlas/countries-110m.json"), "utf8"));
for (const g of world.objects.countries.geometries) {
  g.properties = {
    name: g.properties?.name ?? "",
    iso2: ABBREVIATED[g.properties?.name] ?? countryToIso2(g.properties?.name),
  };
}
process.stdout.write(JSON.stringify(world));
