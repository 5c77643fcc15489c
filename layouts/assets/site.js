// Progressive enhancement only: every page is complete without this file.

// The site's own words, in its language (written into each page), and the plural form a number needs.
const siteWords = JSON.parse(document.getElementById("site-words")?.textContent || "{}");
const phrase = (key, count, values) => {
  const forms = siteWords[key] || {};
  const form = forms[new Intl.PluralRules(document.documentElement.lang).select(count)] ?? forms.other ?? "";
  return form.replace(/\{(\w+)\}/g, (_, name) => String(values[name] ?? ""));
};
// Behaviours bound to elements run over the page once, and again over each part the live preview
// swaps in after an edit (its `dossier:swapped` event lists them); a published page never swaps.
const everyPart = (enhance) => {
  enhance(document);
  document.addEventListener("dossier:swapped", (event) => event.detail.forEach(enhance));
};
(() => {
  "use strict";
  // Open the <details> holding the passage a link points at, so the target is visible.
  const reveal = () => {
    const id = decodeURIComponent(location.hash.slice(1));
    const target = id && document.getElementById(id);
    if (!target) return;
    for (let el = target.parentElement; el; el = el.parentElement) {
      if (el.tagName === "DETAILS") el.open = true;
    }
  };
  window.addEventListener("hashchange", reveal);
  reveal();
})();

// Site search: the Pagefind index is loaded the first time a reader types, not before. It comes in
// bundles (bundles.json lists them) searched as one; "hidden" names copies of pages that a newer
// bundle replaces or that were removed since their bundle was made.
(() => {
  "use strict";
  const form = document.querySelector("form.search");
  if (!form) return;
  const input = form.querySelector("input");
  const status = form.querySelector(".search-status");
  const list = form.querySelector(".search-results");
  let engine = null;
  let pending = 0;
  const open = async () => {
    const index = new URL(form.dataset.index, document.baseURI);
    const response = await fetch(new URL("bundles.json", index), { cache: "no-cache" });
    if (!response.ok) throw new Error(`bundles.json: ${response.status}`);
    const { bundles, hidden, vocabulary } = await response.json();
    if (!bundles.length) return null;
    const baseUrl = new URL("../", index).pathname;
    const pagefind = await import(new URL(bundles[0] + "pagefind.js", index).href);
    await pagefind.options({ baseUrl, mergeFilter: { bundle: bundles[0] } });
    await Promise.all(
      bundles.slice(1).map((bundle) =>
        pagefind.mergeIndex(new URL(bundle, index).pathname, { baseUrl, mergeFilter: { bundle } })
      )
    );
    return { pagefind, hidden: new Set(hidden), vocabulary: new Map(Object.entries(vocabulary)) };
  };
  const load = () => {
    engine ??= open().catch((error) => {
      engine = null;
      throw error;
    });
    return engine;
  };
  // Each bundle also holds a page of every word the site had when it was made (a list that only
  // grows). A bundle with no word for a term searches a shorter one instead; its vocabulary page then
  // matches words the newest bundle's does not, and its results are left out, as one index would.
  const find = async (index, term) => {
    if (!index) return [];
    const { pagefind, hidden, vocabulary } = index;
    let { results } = await pagefind.search(term);
    const pages = results.filter((r) => vocabulary.has(r.id));
    if (pages.length > 1) {
      const size = (r) => vocabulary.get(r.id)[1];
      const newest = new Set(pages.reduce((a, b) => (size(b) > size(a) ? b : a)).words);
      const agreeing = pages.filter((r) => r.words.every((w) => newest.has(w)));
      if (agreeing.length < pages.length) {
        const any = agreeing.map((r) => vocabulary.get(r.id)[0]);
        results = (await pagefind.search(term, { filters: { bundle: { any } } })).results;
      }
    }
    // One result per page: stale and removed copies dropped, a copy in two bundles counted once.
    const seen = new Set();
    return results.filter((r) => !hidden.has(r.id) && !vocabulary.has(r.id) && !seen.has(r.id) && seen.add(r.id));
  };
  const show = async () => {
    const term = input.value.trim();
    const ticket = ++pending;
    if (!term) {
      list.replaceChildren();
      status.textContent = "";
      return;
    }
    try {
      const found = await find(await load(), term);
      const results = await Promise.all(found.slice(0, 10).map((r) => r.data()));
      if (ticket !== pending) return;
      list.replaceChildren(
        ...results.map((result) => {
          const item = document.createElement("li");
          const link = document.createElement("a");
          link.href = result.url;
          link.textContent = (result.meta && result.meta.title) || result.url;
          const excerpt = document.createElement("p");
          excerpt.textContent = result.excerpt.replace(/<[^>]*>/g, "");
          item.append(link, excerpt);
          return item;
        })
      );
      const count = found.length;
      status.textContent = phrase("results", count, { count, term });
    } catch (error) {
      status.textContent = siteWords.unavailable;
    }
  };
  let timer = 0;
  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(show, 150);
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    show();
  });
})();

// Annotation popovers: the mark's explanation (its title) shown on hover and on keyboard focus.
(() => {
  "use strict";
  let tip = null;
  const show = (mark) => {
    tip.textContent = mark.dataset.tip;
    tip.hidden = false;
    const box = mark.getBoundingClientRect();
    const width = Math.min(tip.offsetWidth, document.documentElement.clientWidth - 16);
    const left = Math.max(8, Math.min(box.left, document.documentElement.clientWidth - width - 8));
    tip.style.left = `${left + window.scrollX}px`;
    tip.style.top = `${box.bottom + window.scrollY + 6}px`;
  };
  const hide = () => { if (tip) tip.hidden = true; };
  everyPart((part) => {
    const marks = part.querySelectorAll("a.mention[title], .claim[title]");
    if (!marks.length) return;
    if (!tip) {
      tip = document.createElement("div");
      tip.id = "annotation-tip";
      tip.className = "tip";
      tip.setAttribute("role", "tooltip");
      tip.hidden = true;
      document.body.append(tip);
    }
    for (const mark of marks) {
      mark.dataset.tip = mark.title;
      mark.removeAttribute("title");
      mark.setAttribute("aria-describedby", tip.id);
      mark.addEventListener("mouseenter", () => show(mark));
      mark.addEventListener("focus", () => show(mark));
      mark.addEventListener("mouseleave", hide);
      mark.addEventListener("blur", hide);
    }
  });
  document.addEventListener("keydown", (event) => { if (event.key === "Escape") hide(); });
})();

// Figures tables: sort by a column and filter by words or status; without JS they are complete.
everyPart((part) => {
  "use strict";
  const tools = part.querySelector("[data-table-tools]");
  const tables = part.querySelectorAll("table[data-sortable]");
  if (!tools || !tables.length) return;
  const value = (body, column) => {
    const cell = body.rows[0].cells[column];
    return cell.dataset.value !== undefined ? cell.dataset.value : cell.textContent.trim();
  };
  for (const table of tables) {
    table.querySelectorAll("thead th").forEach((th, column) => {
      const button = document.createElement("button");
      button.type = "button";
      button.textContent = th.textContent;
      th.replaceChildren(button);
      button.addEventListener("click", () => {
        const ascending = th.getAttribute("aria-sort") !== "ascending";
        table.querySelectorAll("thead th").forEach((other) => other.removeAttribute("aria-sort"));
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        const numeric = th.dataset.sort === "number";
        const bodies = [...table.tBodies].sort((a, b) => {
          const x = value(a, column), y = value(b, column);
          if (x === "" || y === "") return (x === "") - (y === "");  // blanks last either way
          const order = numeric ? Number(x) - Number(y) : x.localeCompare(y);
          return ascending ? order : -order;
        });
        table.append(...bodies);
      });
    });
  }
  const input = tools.querySelector("input");
  const status = tools.querySelector("select");
  const say = tools.querySelector(".filter-status");
  const filter = () => {
    const words = input.value.trim().toLowerCase().split(/\s+/).filter(Boolean);
    let shown = 0, total = 0;
    for (const table of tables) {
      let visible = 0;
      for (const body of table.tBodies) {
        const text = body.rows[0].textContent.toLowerCase();
        const match = (!status.value || body.dataset.status === status.value)
          && words.every((word) => text.includes(word));
        body.hidden = !match;
        visible += match;
        total += 1;
      }
      table.closest("section").hidden = visible === 0;
      shown += visible;
    }
    say.textContent = shown === total ? "" : phrase("shown", total, { shown, count: total });
  };
  input.addEventListener("input", filter);
  status.addEventListener("change", filter);
  tools.addEventListener("submit", (event) => event.preventDefault());
});

// Printing: open every <details> so citations print, then restore them.
(() => {
  "use strict";
  let opened = [];
  window.addEventListener("beforeprint", () => {
    opened = [...document.querySelectorAll("details:not([open])")];
    opened.forEach((d) => { d.open = true; });
  });
  window.addEventListener("afterprint", () => opened.forEach((d) => { d.open = false; }));
})();

// Timeline filter: by entity and by year, kept in the address (#with=example-company&year=2025), with a live
// count. Without script every event is listed.
everyPart((part) => {
  "use strict";
  const tools = part.querySelector("[data-timeline-tools]");
  if (!tools) return;
  const who = tools.querySelector("#event-entity");
  const when = tools.querySelector("#event-year");
  const say = tools.querySelector(".filter-status");
  const events = [...part.querySelectorAll("ol.events > li.event")];
  const apply = () => {
    let shown = 0;
    for (const event of events) {
      const match = (!who.value || event.dataset.entities.split(" ").includes(who.value))
        && (!when.value || event.dataset.years.split(" ").includes(when.value));
      event.hidden = !match;
      shown += match;
    }
    say.textContent = shown === events.length ? "" : phrase("events shown", events.length, { shown, count: events.length });
  };
  const remember = () => {
    const parts = [];
    if (who.value) parts.push("with=" + encodeURIComponent(who.value));
    if (when.value) parts.push("year=" + encodeURIComponent(when.value));
    history.replaceState(null, "", parts.length ? "#" + parts.join("&") : location.pathname + location.search);
  };
  const recall = () => {
    if (!/^#(with|year)=/.test(location.hash)) return;
    const wanted = new URLSearchParams(location.hash.slice(1));
    who.value = [...who.options].some((o) => o.value === wanted.get("with")) ? wanted.get("with") : "";
    when.value = [...when.options].some((o) => o.value === wanted.get("year")) ? wanted.get("year") : "";
  };
  recall();
  apply();
  for (const control of [who, when]) {
    control.addEventListener("change", () => {
      apply();
      remember();
    });
  }
  tools.addEventListener("submit", (event) => event.preventDefault());
});
