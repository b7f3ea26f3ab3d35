import { describe, expect, it } from "vitest";
import { commands } from "../../src/cli/commands/index.ts";
import { main } from "../../src/cli/main.ts";

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (t: string) => void out.push(t), err: (t: string) => void err.push(t), isTTY: false }, out, err };
}

describe("command registry", () => {
  it.each(commands.map((c) => [c.name, c] as const))(
    "%s: the listed name and summary are the command's own, and --help works",
    async (name, entry) => {
      const command = await entry.load();
      expect(command.name).toBe(name);
      expect(command.summary).toBe(entry.summary);
      const { io, out } = capture();
      expect(await main([name, "--help"], io)).toBe(0);
      expect(out.join("")).toContain(`Usage: assay ${name}`);
    },
  );

  it("lists commands in alphabetical order and rejects an unknown one naming the choices", async () => {
    const names = commands.map((c) => c.name);
    expect(names).toEqual([...names].sort());
    const { io, err } = capture();
    expect(await main(["frobnicate"], io)).toBe(2);
    expect(err.join("")).toMatch(/unknown command: frobnicate \(expected one of build, check/);
  });
});
