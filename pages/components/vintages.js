// The reference-vintage strip every page shows: which list vintages the figures rest on, against the period end.
// All text goes through textContent (file names come from user-added reference files).

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** One line: "Reference data for period 2025 (ends 2025-12-31): RMI … 2025-04-25 ⚠ older than the period end …". */
export function vintageStrip(data) {
  const strip = el("p", "vintage-strip");
  strip.setAttribute("aria-label", "Reference data vintages");
  const stale = data.items.filter((i) => i.warning);
  if (stale.length) strip.classList.add("vintage-stale");
  strip.append(
    el(
      "span",
      "vintage-head",
      data.period ? `Reference data for period ${data.period} (ends ${data.periodEnd}): ` : "Reference data: ",
    ),
  );
  if (!data.items.length) strip.append(el("span", "vintage-warning", "no reference list loaded"));
  data.items.forEach((i, n) => {
    if (n) strip.append(document.createTextNode(" · "));
    const item = el("span", i.warning ? "vintage-item vintage-warning" : "vintage-item");
    item.title = i.file;
    item.textContent = `${i.label} ${i.vintage ?? "(undated)"}${i.warning ? ` ⚠ ${i.warning}` : ""}`;
    strip.append(item);
  });
  return strip;
}
