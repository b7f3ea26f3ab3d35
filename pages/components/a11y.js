// Accessibility repairs for what Framework, Plot and Inputs render (imported once per page, idempotent).
// - the document language and a real label for the sidebar toggle;
// - Plot's <g aria-label> groups get role="group" (aria-label is not allowed on a role-less <g>);
// - Inputs.table: a name for the table and its selection boxes, and sortable headers reachable by Tab
//   and operated with Enter or Space. Rows render lazily on scroll, so a MutationObserver keeps up.

function repair(root) {
  if (root.matches?.("form[class*='-table']")) return repairTable(root);
  for (const g of root.querySelectorAll("svg g[aria-label]:not([role])")) g.setAttribute("role", "group");
  for (const form of root.querySelectorAll("form[class*='-table']")) repairTable(form);
}

function repairTable(form) {
  const table = form.querySelector("table");
  if (!table) return;
  const name = form.dataset.label ?? nearestHeading(form) ?? "Table";
  if (!table.hasAttribute("aria-label")) table.setAttribute("aria-label", name);
  const all = table.querySelector("thead th:first-child input");
  if (all && !all.hasAttribute("aria-label")) all.setAttribute("aria-label", `Select all rows of ${name}`);
  const firstTh = table.querySelector("thead th:first-child");
  if (firstTh && !firstTh.textContent.trim() && !firstTh.querySelector(".sr-only")) {
    const span = document.createElement("span");
    span.className = "sr-only";
    span.textContent = all ? "Select" : "Row";
    firstTh.append(span);
  }
  for (const th of table.querySelectorAll("thead th[title]:not([tabindex])")) {
    th.tabIndex = 0;
    th.setAttribute("aria-sort", "none");
    th.addEventListener("keydown", (event) => {
      if (event.key !== "Enter" && event.key !== " ") return;
      event.preventDefault();
      th.click();
    });
    th.addEventListener("click", () => {
      for (const other of table.querySelectorAll("thead th[title]"))
        if (other !== th) other.setAttribute("aria-sort", "none");
      const mark = th.querySelector("span")?.textContent ?? "";
      th.setAttribute("aria-sort", mark === "▴" ? "ascending" : mark === "▾" ? "descending" : "none");
    });
  }
  let row = 0;
  for (const input of table.querySelectorAll("tbody td:first-child input:not([aria-label])")) {
    const tr = input.closest("tr");
    const label = tr?.children[1]?.textContent?.trim() || `row ${++row}`;
    input.setAttribute("aria-label", `Select ${label.slice(0, 80)}`);
  }
}

/** The text of the heading that precedes `el` in its section (the table's visible title). */
function nearestHeading(el) {
  for (let node = el; node && node.tagName !== "MAIN"; node = node.parentElement) {
    for (let prev = node.previousElementSibling; prev; prev = prev.previousElementSibling) {
      const h = prev.matches("h1, h2, h3, h4") ? prev : prev.querySelector?.("h2, h3, h4");
      if (h?.textContent.trim()) return h.textContent.trim();
    }
  }
  return null;
}

export function installA11y() {
  if (window.__assayA11y) return;
  window.__assayA11y = true;
  document.documentElement.lang ||= "en";
  const toggle = document.getElementById("observablehq-sidebar-toggle");
  if (toggle) toggle.setAttribute("aria-label", "Toggle sidebar");
  for (const label of document.querySelectorAll("#observablehq-sidebar-close, #observablehq-sidebar-backdrop"))
    label.setAttribute("aria-hidden", "true");
  // Framework puts the sidebar's close <label> inside an <ol>; a list may only hold items.
  const close = document.getElementById("observablehq-sidebar-close");
  if (close?.parentElement?.tagName === "OL") close.parentElement.before(close);
  const main = document.querySelector("main") ?? document.body;
  repair(main);
  new MutationObserver((changes) => {
    for (const c of changes)
      for (const n of c.addedNodes) if (n.nodeType === 1) repair(n.closest?.("form[class*='-table']") ?? n);
  }).observe(main, { childList: true, subtree: true });
}

installA11y();
