// Progressive enhancement only: every page is complete without this file.
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

// Site search: the Pagefind index is loaded the first time a reader types, not before.
(() => {
  "use strict";
  const form = document.querySelector("form.search");
  if (!form) return;
  form.hidden = false;
  const input = form.querySelector("input");
  const status = form.querySelector(".search-status");
  const list = form.querySelector(".search-results");
  let pagefind = null;
  let pending = 0;
  const load = async () => {
    if (!pagefind) {
      const index = new URL(form.dataset.index, document.baseURI).href;
      pagefind = await import(index + "pagefind.js");
      await pagefind.options({ baseUrl: new URL("../", index).pathname });
    }
    return pagefind;
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
      const engine = await load();
      const search = await engine.search(term);
      const results = await Promise.all(search.results.slice(0, 10).map((r) => r.data()));
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
      const count = search.results.length;
      status.textContent = `${count} result${count === 1 ? "" : "s"} for “${term}”`;
    } catch (error) {
      status.textContent = "Search is not available here (the site was built without its index).";
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
