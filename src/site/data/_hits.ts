import { z } from "zod";

const Hit = z.object({
  list: z.string(),
  id: z.string(),
  name: z.string(),
  program: z.string().optional().default(""),
  score: z.number(),
  reasons: z.array(z.string()).default([]),
});

/** The sanctions hits stored as JSON with a screening result; [] when the value is not a list of hits. */
export const parseHits = (v: unknown) => {
  try {
    const parsed = z.array(Hit).safeParse(typeof v === "string" ? JSON.parse(v) : v);
    return parsed.success ? parsed.data : [];
  } catch {
    return [];
  }
};
