// The review panel of the preview (never in the published site): an article's suggestions, each
// marked in the text, with one-click actions written by the engine through /_review/. Keys work
// while focus is in the panel: a accept, x dismiss, u undo, j/k next/previous, Enter the fields.
(() => {
  const match = location.pathname.match(/\/articles\/([^/]+)\/?$/);
  const token = document.querySelector('meta[name="dossier-token"]');
  if (!match || !token) return;
  const path = `content/articles/${decodeURIComponent(match[1])}.md`;
  // The article's text: looked up each time, as an edit swaps it for the rebuilt one (reload.js).
  const article = () => document.querySelector("article.source .body") || document.querySelector("main");
  let state = { digest: "", suggestions: [] };
  let current = 0;

  const style = document.createElement("style");
  style.textContent = `
    #dossier-review { position: fixed; inset-block: 0; inset-inline-end: 0; width: var(--review-width);
      overflow: auto; background: Canvas; color: CanvasText; border-inline-start: 2px solid #555;
      padding: .75rem; z-index: 1000; font: 0.9rem/1.4 system-ui, sans-serif; box-sizing: border-box; }
    :root { --review-width: min(24rem, 40vw); }
    body.review-docked { margin-inline-end: var(--review-width); }
    #dossier-review.collapsed { inset-block: auto 0; width: auto; border: 2px solid #555; padding: .25rem .5rem; }
    #dossier-review.collapsed > :not(.review-head) { display: none; }
    #dossier-review.collapsed .review-head > :not(.collapse) { display: none; }
    #dossier-review q { display: block; color: #555; font-size: .85rem; }
    @media (max-width: 50rem) {
      :root { --review-width: 100vw; }
      body.review-docked { margin-inline-end: 0; }
      #dossier-review:not(.collapsed) { inset-block: auto 0; max-height: 50vh; border-block-start: 2px solid #555; }
    }
    #dossier-review:focus-within { border-color: #1a5fb4; }
    #dossier-review ol { padding: 0; list-style: none; }
    #dossier-review li { border-block-start: 1px solid #8884; padding-block: .4rem; }
    #dossier-review li[aria-current="true"] { outline: 2px solid #1a5fb4; outline-offset: 2px; }
    #dossier-review button { margin-inline-end: .3rem; }
    #dossier-review label { display: block; }
    #dossier-review input { width: 100%; }
    mark.review-mark { background: #f5c21166; outline: 1px dashed #b58900; }
    mark.review-mark.current { background: #1a5fb455; }`;
  document.head.append(style);

  const panel = document.createElement("aside");
  panel.id = "dossier-review";
  panel.setAttribute("aria-label", "Review suggestions");
  panel.tabIndex = 0;
  document.body.append(panel);
  // Docked beside the page (the site's header and navigation stay in view); collapsed on request,
  // and at first on a narrow screen, where it would cover the page.
  const narrow = window.matchMedia("(max-width: 50rem)").matches;
  let collapsed = (sessionStorage.getItem("dossier-review-collapsed") ?? String(narrow)) === "true";
  const dock = () => {
    panel.classList.toggle("collapsed", collapsed);
    document.body.classList.toggle("review-docked", !collapsed);
  };
  dock();
  let groups = {}; // suggestion id → its decision across the dossier, where it names more than here

  const fieldsOf = (s) => (s.proposal && s.target === null ? s.proposal : null);

  // What accepting links to: the entity's name and type, the figure's label and value, the event's
  // title and date; or, for something new, its proposal.
  function targetOf(s) {
    const named = s.named;
    if (s.kind === "candidate") return `→ ${s.proposal.name} (${s.proposal.type})`;
    if (named && s.kind === "entity") return `→ ${named.name} (${named.type})`;
    if (named && s.kind === "figure") return `→ ${named.label}: ${named.value ?? ""} ${named.unit}`.trim();
    if (named && s.kind === "event") return `→ ${named.title}, ${named.date}`;
    const p = fieldsOf(s);
    if (p && s.kind === "figure") return `→ new: ${p.label}, ${p.value} ${p.unit}`;
    if (p && s.kind === "event") return `→ new: ${p.title}, ${p.date ?? "no date"}`;
    return "";
  }

  // The decisions of the whole dossier, fetched after the panel shows: a suggestion whose decision
  // names more than this article gets a "link all" action.
  async function loadGroups() {
    const response = await fetch(`/_review/decisions?path=${encodeURIComponent(path)}`);
    if (!response.ok) return;
    const answer = await response.json(); // not ready: a large dossier not listed since the build
    groups = {};
    for (const decision of answer.decisions) {
      const here = decision.mentions.filter((m) => m.path === path).length;
      if (decision.mentions.length <= here) continue;
      for (const m of decision.mentions) if (m.path === path) groups[m.id] = decision;
    }
    if (!Object.keys(groups).length) return;
    const focused = panel.contains(document.activeElement); // drawn again: the editor keeps the place
    render(said);
    markText();
    if (state.suggestions.length) focusItem(current, false);
    if (focused && !panel.contains(document.activeElement)) (panel.querySelector(`li[aria-current="true"] .go`) || panel).focus();
  }

  async function decideAll(id) {
    const response = await fetch("/_review/decisions");
    const answer = await response.json();
    const decision = answer.decisions?.find((d) => d.id === id);
    if (!decision) return load("That decision was made meanwhile; the list is fresh again.");
    const digests = Object.fromEntries(decision.mentions.map((m) => [m.path, m.digest]));
    post("decide", { id, action: "accept", digests });
  }

  let said = ""; // the last message shown, kept when the list is drawn again
  // Each suggestion by what it is and which of its kind and words it is, not by where: its id
  // moves with every edit above it.
  const keysOf = (items) => {
    const seen = {};
    return items.map((s) => {
      const what = `${s.kind}|${s.text}`;
      seen[what] = (seen[what] ?? -1) + 1;
      return `${what}|${seen[what]}`;
    });
  };

  function render(message = "") {
    said = message;
    const items = state.suggestions;
    // The fields the editor opened and typed in, and the one in focus, kept across a redraw (the
    // page rebuilt after an action, the dossier's decisions arriving).
    const typed = {};
    panel.querySelectorAll("li[data-key]").forEach((li) => {
      const form = li.querySelector(".fields");
      if (form && !form.hidden) {
        typed[li.dataset.key] = Object.fromEntries([...form.querySelectorAll("input")].map((i) => [i.name, i.value]));
      }
    });
    const active = document.activeElement;
    const typing = panel.contains(active) && active.matches("input") ? [active.closest("li")?.dataset.key, active.name] : null;
    panel.innerHTML = "";
    const keys = keysOf(items);
    const head = document.createElement("p");
    head.className = "review-head";
    head.innerHTML = `<button type="button" class="collapse" aria-expanded="${!collapsed}">`
      + `${collapsed ? "Review" : "Hide"}</button> `
      + `<strong>${items.length} suggestion${items.length === 1 ? "" : "s"}</strong> `
      + '<button type="button" data-review-action="undo">Undo (u)</button> '
      + '<a href="/_review/">Review the whole dossier</a>';
    panel.append(head);
    if (state.errors?.length) {
      const problems = document.createElement("pre");
      problems.setAttribute("role", "alert");
      problems.style.whiteSpace = "pre-wrap";
      problems.textContent = state.errors.join("\n");
      panel.append(problems);
    }
    if (message) {
      const note = document.createElement("p");
      note.setAttribute("role", "status");
      note.textContent = message;
      panel.append(note);
    }
    const list = document.createElement("ol");
    items.forEach((s, index) => {
      const item = document.createElement("li");
      item.dataset.suggestion = s.id;
      item.dataset.key = keys[index];
      item.setAttribute("aria-current", String(index === current));
      const fields = fieldsOf(s);
      const what = s.kind === "candidate" ? `new entity (${s.type})` : fields ? `new ${s.kind}` : s.kind;
      item.innerHTML = `<p><em>${what}</em>: <button type="button" class="go"></button>`
        + ' <span class="target"></span></p><q class="sentence"></q>';
      item.querySelector(".go").textContent = s.text;
      item.querySelector(".target").textContent = targetOf(s);
      item.querySelector(".sentence").textContent = s.sentence || "";
      if (fields) {
        const form = document.createElement("div");
        form.className = "fields";
        form.hidden = true;
        for (const [name, value] of Object.entries(fields)) {
          const label = document.createElement("label");
          label.textContent = name;
          const input = document.createElement("input");
          input.name = name;
          input.value = Array.isArray(value) ? value.join(", ") : value ?? "";
          label.append(input);
          form.append(label);
        }
        const kept = typed[item.dataset.key];
        if (kept) {
          form.hidden = false;
          form.querySelectorAll("input").forEach((input) => { if (input.name in kept) input.value = kept[input.name]; });
        }
        item.append(form);
      }
      const actions = document.createElement("p");
      actions.innerHTML = `<button type="button" data-review-action="accept" data-suggestion="${s.id}">`
        + `${fields ? "Create" : "Link"} (a)</button>`
        + `<button type="button" data-review-action="dismiss" data-suggestion="${s.id}">Dismiss (x)</button>`
        + (fields ? '<button type="button" class="edit">Fields (Enter)</button>' : "");
      const group = groups[s.id];
      if (group) {
        const all = document.createElement("button");
        all.type = "button";
        all.dataset.reviewAction = "accept-all";
        all.dataset.decision = group.id;
        all.textContent = `Link all ${group.mentions.length} in the dossier`;
        actions.append(" ", all);
      }
      item.append(actions);
      list.append(item);
    });
    panel.append(list);
    if (typing) {
      const item = [...list.children].find((li) => li.dataset.key === typing[0]);
      item?.querySelector(`input[name="${typing[1]}"]`)?.focus();
    }
  }

  function markText() {
    document.querySelectorAll("mark.review-mark").forEach((m) => m.replaceWith(...m.childNodes));
    const walker = document.createTreeWalker(article(), NodeFilter.SHOW_TEXT);
    const nodes = [];
    while (walker.nextNode()) nodes.push(walker.currentNode);
    let from = 0;
    for (const s of state.suggestions) {
      for (let i = from; i < nodes.length; i++) {
        const at = nodes[i].data.indexOf(s.text);
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(nodes[i], at);
        range.setEnd(nodes[i], at + s.text.length);
        const mark = document.createElement("mark");
        mark.className = "review-mark";
        mark.dataset.suggestion = s.id;
        range.surroundContents(mark);
        nodes.splice(i + 1, 0, mark.nextSibling || document.createTextNode(""));
        from = i + 1;
        break;
      }
    }
  }

  function focusItem(index, move = true) {
    current = Math.max(0, Math.min(index, state.suggestions.length - 1));
    panel.querySelectorAll("li").forEach((li, i) => li.setAttribute("aria-current", String(i === current)));
    document.querySelectorAll("mark.review-mark").forEach((m) => m.classList.remove("current"));
    const s = state.suggestions[current];
    if (!s) return;
    const mark = document.querySelector(`mark.review-mark[data-suggestion="${s.id}"]`);
    if (mark) mark.classList.add("current");
    if (!move) return; // a page that reloads keeps its place: only the editor's choice moves it
    mark?.scrollIntoView({ block: "center" });
    panel.querySelector(`li[data-suggestion="${s.id}"] .go`)?.focus();
  }

  // While the suggestions are read (again), the panel says it is busy: an action taken on the list
  // of a page that was just rebuilt would be refused as stale.
  async function load(message) {
    panel.setAttribute("aria-busy", "true");
    const response = await fetch(`/_review/suggestions?path=${encodeURIComponent(path)}`);
    const answer = await response.json().catch(() => ({ error: `the preview answered ${response.status}` }));
    panel.removeAttribute("aria-busy");
    if (!response.ok) {
      state = { digest: "", suggestions: [] };
      return render(`No suggestions could be made: ${answer.error}`);
    }
    state = answer;
    const focused = panel.contains(document.activeElement); // drawn again: the editor keeps the place
    render(message);
    markText();
    if (state.suggestions.length) focusItem(current, false);
    if (focused && !panel.contains(document.activeElement)) (panel.querySelector(`li[aria-current="true"] .go`) || panel).focus();
    loadGroups();
  }

  async function post(route, body) {
    const response = await fetch(`/_review/${route}`, {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-Dossier-Token": token.content },
      body: JSON.stringify(body),
    });
    const answer = await response.json();
    if (response.status === 409) return load(answer.error);
    if (!response.ok) return render(answer.error);
    const message = `Written: ${answer.changed.join(", ")}`;
    // A change to the article rebuilds it and the page swaps its text in; anything else only
    // changes the list.
    if (!answer.changed.includes(path)) return load(message);
    written = message;
    taken(body.id, `${message}; the page shows it when the site is rebuilt.`);
  }

  // An action written to the article: its suggestion taken off the list and the message shown,
  // nothing else drawn again (the page swaps its rebuilt text in meanwhile, and the panel is
  // listed again once it has).
  function taken(id, message) {
    said = message;
    state.suggestions = state.suggestions.filter((s) => s.id !== id);
    panel.querySelector(`li[data-suggestion="${CSS.escape(id)}"]`)?.remove();
    let note = panel.querySelector('p[role="status"]');
    if (!note) {
      note = document.createElement("p");
      note.setAttribute("role", "status");
      panel.querySelector("ol")?.before(note);
    }
    note.textContent = message;
  }

  function act(action, id) {
    const s = state.suggestions.find((x) => x.id === id);
    if (!s) return;
    const fields = {};
    const li = panel.querySelector(`li[data-suggestion="${id}"]`);
    li?.querySelectorAll(".fields input").forEach((input) => {
      fields[input.name] = input.name === "aliases"
        ? input.value.split(",").map((a) => a.trim()).filter(Boolean) : input.value;
    });
    post("apply", { path, digest: state.digest, id, action, fields });
  }

  panel.addEventListener("click", (event) => {
    const button = event.target.closest("button");
    if (!button) return;
    const li = button.closest("li");
    if (li) focusItem([...panel.querySelectorAll("li")].indexOf(li));
    const action = button.dataset.reviewAction;
    if (button.classList.contains("collapse")) {
      collapsed = !collapsed;
      sessionStorage.setItem("dossier-review-collapsed", String(collapsed));
      dock();
      render(said);
      panel.querySelector(".collapse").focus();
    } else if (action === "accept-all") decideAll(button.dataset.decision);
    else if (action === "undo") post("undo", { path });
    else if (action) act(action, button.dataset.suggestion);
    else if (button.classList.contains("edit")) li.querySelector(".fields").hidden = false;
  });

  panel.addEventListener("keydown", (event) => {
    if (event.target.matches("input")) {
      if (event.key === "Enter") act("accept", event.target.closest("li").dataset.suggestion);
      return;
    }
    const s = state.suggestions[current];
    const keys = {
      a: () => s && act("accept", s.id),
      x: () => s && act("dismiss", s.id),
      u: () => post("undo", { path }),
      j: () => focusItem(current + 1),
      k: () => focusItem(current - 1),
      Enter: () => {
        const form = s && panel.querySelector(`li[data-suggestion="${s.id}"] .fields`);
        if (form) {
          form.hidden = false;
          form.querySelector("input").focus();
        }
      },
    };
    if (keys[event.key] && !event.ctrlKey && !event.metaKey && !event.altKey) {
      event.preventDefault();
      keys[event.key]();
    }
  });

  // The preview's note on unlinked mentions: open the panel at the first known entity's "link all"
  // (or its link, where this article is all its decision names).
  window.addEventListener("dossier:link-unlinked", () => {
    collapsed = false;
    sessionStorage.setItem("dossier-review-collapsed", "false");
    dock();
    render(said);
    markText();
    const index = state.suggestions.findIndex((s) => s.kind === "entity" && s.target);
    if (index < 0) return;
    focusItem(index);
    const item = panel.querySelector(`li[data-suggestion="${state.suggestions[index].id}"]`);
    (item.querySelector('[data-review-action="accept-all"]')
      || item.querySelector('[data-review-action="accept"]')).focus();
  });

  // The rebuilt page swapped in after an edit: its suggestions read again and marked in its text.
  let written = null; // what the last action wrote, said again once the page shows it
  document.addEventListener("dossier:swapped", () => {
    load(written ?? said);
    written = null;
  });

  load();
})();
