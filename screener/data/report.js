"use strict";
(() => {
  const table = document.getElementById("candidates");
  const search = document.getElementById("search");
  const shown = document.getElementById("shown");
  const boxes = Array.from(document.querySelectorAll('input[name="verdict"]'));
  const candidates = () => Array.from(table.tBodies);
  const texts = new WeakMap();

  // Sorting: a first click sorts the header's data-first way (scores and years high to low, file
  // names A to Z, verdicts pass first); a second click reverses. Rows without a value (unreadable
  // files) stay last either way.
  function value(body, key) {
    const cell = body.rows[0].querySelector(`[data-key="${key}"]`);
    return cell ? cell.dataset.value : "";
  }
  function sortBy(button) {
    const th = button.closest("th");
    const numeric = button.dataset.kind === "num";
    const first = button.dataset.first;
    const direction = th.getAttribute("aria-sort") !== first ? first
      : first === "ascending" ? "descending" : "ascending";
    const ascending = direction === "ascending";
    for (const other of table.tHead.querySelectorAll("th[aria-sort]")) other.removeAttribute("aria-sort");
    th.setAttribute("aria-sort", direction);
    const key = button.dataset.sort;
    const rows = candidates().map((body, index) => ({ body, index, v: value(body, key) }));
    rows.sort((a, b) => {
      if (a.v === "" || b.v === "") return (a.v === "") - (b.v === "") || a.index - b.index;
      const d = numeric ? Number(a.v) - Number(b.v) : a.v.localeCompare(b.v, undefined, { numeric: true });
      return (ascending ? d : -d) || a.index - b.index;
    });
    for (const row of rows) table.appendChild(row.body);
  }
  table.tHead.addEventListener("click", (event) => {
    const button = event.target.closest("button[data-sort]");
    if (button) sortBy(button);
  });

  // Filtering: by verdict, and by words of the CV (file name, titles, companies, evidence lines).
  function text(body) {
    if (!texts.has(body)) {
      texts.set(body, Array.from(body.querySelectorAll(".cv"), (e) => e.textContent).join("\n").toLowerCase());
    }
    return texts.get(body);
  }
  function filter() {
    const verdicts = new Set(boxes.filter((b) => b.checked).map((b) => b.value));
    const words = search.value.trim().toLowerCase().split(/\s+/).filter(Boolean);
    const all = candidates();
    let count = 0;
    for (const body of all) {
      const show = verdicts.has(body.dataset.verdict) && words.every((w) => text(body).includes(w));
      body.hidden = !show;
      count += show;
    }
    shown.textContent = `${count} of ${all.length} candidates shown`;
  }
  for (const box of boxes) box.addEventListener("change", filter);
  search.addEventListener("input", filter);

  for (const count of document.querySelectorAll(".count")) {
    const n = candidates().filter((b) => b.dataset.verdict === count.dataset.verdict).length;
    count.textContent = `(${n})`;
  }

  const details = () => Array.from(table.querySelectorAll("details"));
  document.getElementById("expand").addEventListener("click", () => details().forEach((d) => { d.open = true; }));
  document.getElementById("collapse").addEventListener("click", () => details().forEach((d) => { d.open = false; }));

  // Printing shows every row's evidence; the rows opened by hand stay open afterwards.
  let closed = [];
  window.addEventListener("beforeprint", () => {
    closed = details().filter((d) => !d.open);
    closed.forEach((d) => { d.open = true; });
  });
  window.addEventListener("afterprint", () => closed.forEach((d) => { d.open = false; }));

  document.querySelector(".controls").hidden = false;
  filter();
})();
