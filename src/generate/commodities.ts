/** Purchasing categories of the synthetic company and what they imply for minerals reporting. */
export interface Commodity {
  name: string;
  /** 3TG metals the parts may contain (CMRT). */
  metals: readonly string[];
  /** EMRT 2.x minerals the parts may contain. */
  minerals: readonly string[];
  /** Word used in supplier names. */
  trade: string;
  parts: readonly string[];
  /** Relative frequency among suppliers. */
  weight: number;
}

export const COMMODITIES: readonly Commodity[] = [
  {
    name: "Electronic assemblies",
    metals: ["Tantalum", "Tin", "Gold", "Tungsten"],
    minerals: ["Cobalt", "Copper"],
    trade: "Electronics",
    parts: ["Controller module", "Sensor board", "Display module"],
    weight: 5,
  },
  {
    name: "Printed circuit boards",
    metals: ["Tin", "Gold"],
    minerals: ["Copper"],
    trade: "Circuits",
    parts: ["Main PCB", "Interface PCB"],
    weight: 3,
  },
  {
    name: "Capacitors",
    metals: ["Tantalum", "Tin"],
    minerals: [],
    trade: "Capacitor",
    parts: ["Tantalum capacitor", "Ceramic capacitor"],
    weight: 2,
  },
  {
    name: "Solder and alloys",
    metals: ["Tin"],
    minerals: [],
    trade: "Solder",
    parts: ["Solder paste", "Solder wire"],
    weight: 2,
  },
  {
    name: "Connectors",
    metals: ["Gold", "Tin"],
    minerals: ["Copper", "Nickel"],
    trade: "Connector",
    parts: ["M12 connector", "Terminal block"],
    weight: 3,
  },
  {
    name: "Wire and cable",
    metals: ["Tin"],
    minerals: ["Copper"],
    trade: "Cable",
    parts: ["Signal cable", "Power cable"],
    weight: 2,
  },
  {
    name: "Carbide tooling",
    metals: ["Tungsten"],
    minerals: ["Cobalt"],
    trade: "Tooling",
    parts: ["Carbide insert", "Drill bit"],
    weight: 1,
  },
  {
    name: "Batteries",
    metals: [],
    minerals: ["Cobalt", "Lithium", "Nickel", "Graphite", "Copper"],
    trade: "Battery",
    parts: ["Backup battery", "Li-ion pack"],
    weight: 2,
  },
  {
    name: "Motors and magnets",
    metals: ["Tin"],
    minerals: ["Cobalt", "Nickel", "Copper"],
    trade: "Motion",
    parts: ["Stepper motor", "Fan"],
    weight: 1,
  },
  {
    name: "Semiconductors",
    metals: ["Tantalum", "Tin", "Gold", "Tungsten"],
    minerals: ["Cobalt", "Copper"],
    trade: "Semiconductor",
    parts: ["Microcontroller", "Pressure die"],
    weight: 2,
  },
  { name: "Mica insulation", metals: [], minerals: ["Mica"], trade: "Insulation", parts: ["Mica washer"], weight: 1 },
  {
    name: "Plated metal parts",
    metals: ["Tin", "Gold"],
    minerals: ["Nickel", "Copper"],
    trade: "Metalworks",
    parts: ["Plated housing", "Contact spring"],
    weight: 2,
  },
  {
    name: "Packaging",
    metals: [],
    minerals: [],
    trade: "Packaging",
    parts: ["Shipping carton", "Foam insert"],
    weight: 2,
  },
  {
    name: "Plastic moulded parts",
    metals: [],
    minerals: [],
    trade: "Plastics",
    parts: ["Enclosure lid", "Cable gland"],
    weight: 2,
  },
  { name: "Wood pallets", metals: [], minerals: [], trade: "Pallets", parts: ["Pallet"], weight: 1 },
  { name: "Logistics services", metals: [], minerals: [], trade: "Logistics", parts: [], weight: 1 },
  { name: "Legal services", metals: [], minerals: [], trade: "Legal", parts: [], weight: 1 },
  { name: "Janitorial supplies", metals: [], minerals: [], trade: "Facility Services", parts: [], weight: 1 },
];

export function isMineralBearing(c: Commodity): boolean {
  return c.metals.length > 0 || c.minerals.length > 0;
}
