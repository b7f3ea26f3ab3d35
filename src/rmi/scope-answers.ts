/**
 * A question-1 answer that takes the mineral out of the declaration: "No", EMRT 1.x "Not applicable for this
 * declaration", EMRT 2.x / AMRT "Not declaring". The Checker then asks nothing more about that mineral.
 */
export function declinesMineral(answer: string | null | undefined): boolean {
  return answer != null && /^(no|not applicable for this declaration|not declaring)$/i.test(answer.trim());
}
