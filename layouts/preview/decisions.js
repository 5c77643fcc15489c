// The dossier-wide review page of the preview (/_review/, never in the published site): one decision
// per thing named, over every article and entity file. Keys: j/k next/previous decision, Enter opens
// or closes its mentions, a accepts (links every mention not excluded; creates what is new first),
// x dismisses the group, e excludes the focused mention, u undoes the last decision.
(() => {
  const token = document.querySelector('meta[name="dossier-token"]');
  const list = document.getElementById("decisions");
  const status = document.getElementById("review-status");
  const progress = document.getElementById("review-progress");
  let state = { decisions: [] };
  let current = 0;
  // The decisions made here, the last one last: kept for the tab, as the page reloads after builds.
  const undone = JSON.parse(sessionStorage.getItem("dossier-decisions") || "[]");
  const remember = () => sessionStorage.setItem("dossier-decisions", JSON.stringify(undone));

  const words = (n, one, many) => `${n} ${n === 1 ? one : many}`;

  function describe(d) {
    if (d.kind === "candidate") return `new entity (${d.proposal.type})`;
    if (d.proposal) return `new ${d.kind}`;
    return d.kind === "entity" ? "link to the entity" : `link to the ${d.kind}`;
  }

  function render(message) {
    progress.textContent = `${state.made} of ${state.total} decisions made`;
    status.textContent = message || "";
    list.innerHTML = "";
    state.decisions.forEach((d, index) => {
      const item = document.createElement("li");
      item.dataset.decision = d.id;
      item.tabIndex = -1;
      item.setAttribute("aria-current", String(index === current));
      item.setAttribute(
        "aria-label",
        `${d.label}: ${describe(d)}, ${words(d.mentions.length, "mention", "mentions")} in `
          + words(d.articles, "file", "files"),
      );
      const head = document.createElement("p");
      head.innerHTML = '<strong class="label"></strong> <em class="what"></em> <span class="reach"></span>';
      head.querySelector(".label").textContent = d.label;
      head.querySelector(".what").textContent = describe(d);
      head.querySelector(".reach").textContent = `${words(d.mentions.length, "mention", "mentions")} in `
        + words(d.articles, "file", "files");
      item.append(head);
      if (d.proposal) {
        const form = document.createElement("div");
        form.className = "fields";
        for (const [name, value] of Object.entries(d.proposal)) {
          if (name === "value") continue; // each mention keeps the value it states
          const label = document.createElement("label");
          label.textContent = `${name} `;
          const input = document.createElement("input");
          input.name = name;
          input.value = Array.isArray(value) ? value.join(", ") : value ?? "";
          label.append(input);
          form.append(label);
        }
        item.append(form);
      }
      const actions = document.createElement("p");
      actions.innerHTML = `<button type="button" data-review-action="accept" data-decision="${d.id}">`
        + `${d.proposal ? "Create and link all" : "Link all"} (a)</button> `
        + `<button type="button" data-review-action="dismiss" data-decision="${d.id}">Dismiss all (x)</button> `
        + `<button type="button" class="open" aria-expanded="false">Mentions (Enter)</button>`;
      item.append(actions);
      const mentions = document.createElement("ol");
      mentions.className = "mentions";
      mentions.hidden = true;
      for (const m of d.mentions) {
        const row = document.createElement("li");
        row.dataset.mention = m.id;
        row.innerHTML = '<label><input type="checkbox" data-review-action="exclude"> exclude</label> '
          + '<a class="where"></a> <q class="sentence"></q>';
        row.querySelector("input").setAttribute("aria-label", `exclude the mention in ${m.path}:${m.line}`);
        const where = row.querySelector(".where");
        where.textContent = `${m.path}:${m.line}:${m.column}`;
        const slug = m.path.match(/^content\/articles\/(.+)\.md$/);
        if (slug) where.href = `/articles/${slug[1]}/`;
        row.querySelector(".sentence").textContent = m.sentence;
        mentions.append(row);
      }
      item.append(mentions);
      list.append(item);
    });
  }

  // What the editor is doing on the page (the decision in focus, the groups opened, the mentions
  // excluded, the fields typed), kept when the list is drawn again.
  function doing() {
    const kept = { focus: list.children[current]?.dataset.decision, open: new Set(), excluded: new Set() };
    kept.fields = new Map();
    for (const item of list.children) {
      if (!item.querySelector(".mentions").hidden) kept.open.add(item.dataset.decision);
      item.querySelectorAll(".mentions li").forEach((row) => {
        if (row.querySelector("input").checked) kept.excluded.add(row.dataset.mention);
      });
      item.querySelectorAll(".fields input").forEach((input) => {
        kept.fields.set(`${item.dataset.decision} ${input.name}`, input.value);
      });
    }
    kept.within = document.activeElement?.closest(".mentions li")?.dataset.mention;
    return kept;
  }

  function redraw(message) {
    const kept = doing();
    const at = state.decisions.findIndex((d) => d.id === kept.focus);
    current = Math.min(at >= 0 ? at : current, Math.max(0, state.decisions.length - 1));
    render(message);
    for (const item of list.children) {
      if (kept.open.has(item.dataset.decision)) {
        item.querySelector(".mentions").hidden = false;
        item.querySelector(".open").setAttribute("aria-expanded", "true");
      }
      item.querySelectorAll(".mentions li").forEach((row) => {
        row.querySelector("input").checked = kept.excluded.has(row.dataset.mention);
      });
      item.querySelectorAll(".fields input").forEach((input) => {
        const typed = kept.fields.get(`${item.dataset.decision} ${input.name}`);
        if (typed !== undefined) input.value = typed;
      });
    }
    const within = [...list.querySelectorAll(".mentions li")].find((row) => row.dataset.mention === kept.within);
    if (within) within.querySelector("input").focus();
    else focusItem(current, false);
  }

  let asked = 0; // listings asked for: only the last one's answer is drawn
  async function load(message) {
    const ticket = ++asked;
    const response = await fetch("/_review/decisions");
    const answer = await response.json();
    // A listing of a large dossier takes seconds: one asked for before an undo may answer after
    // it, read from files the undo was restoring; the listing asked for since is the one to show.
    if (ticket !== asked) return;
    if (!response.ok) {
      status.textContent = answer.error;
      return;
    }
    state = answer;
    list.removeAttribute("aria-busy");
    redraw(message ?? status.textContent);
  }

  function focusItem(index, move = true) {
    const items = [...list.children];
    current = Math.max(0, Math.min(index, items.length - 1));
    items.forEach((li, i) => li.setAttribute("aria-current", String(i === current)));
    if (move && items[current]) {
      items[current].focus();
      items[current].scrollIntoView({ block: "nearest" });
    }
  }

  function toggle(item) {
    const mentions = item.querySelector(".mentions");
    mentions.hidden = !mentions.hidden;
    item.querySelector(".open").setAttribute("aria-expanded", String(!mentions.hidden));
    if (!mentions.hidden) mentions.querySelector("input")?.focus();
  }

  async function post(route, body) {
    const response = await fetch(`/_review/${route}`, {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-Dossier-Token": token.content },
      body: JSON.stringify(body),
    });
    const answer = await response.json();
    if (!response.ok) return load(answer.error);
    const message = `Written: ${answer.changed.join(", ")}`;
    // Shown at once; the decisions are listed again once the preview has built what was written
    // (listing a large dossier takes a while, and the pages open in other tabs come first).
    list.setAttribute("aria-busy", "true");
    if (route === "decide") {
      undone.push(answer.decision);
      state.decisions = state.decisions.filter((d) => d.id !== answer.decision);
      state.made += 1;
      drop(answer.decision, message);
    } else {
      redraw(message);
    }
    remember();
    return load();
  }

  // A decision made: its group taken off the list, nothing else drawn again (a tab showing one of
  // its pages may share this page's process, and is about to swap in what the decision changed).
  function drop(id, message) {
    const items = [...list.children];
    const focused = items[current]?.dataset.decision;
    const at = items.findIndex((item) => item.dataset.decision === id);
    if (at >= 0) items[at].remove();
    progress.textContent = `${state.made} of ${state.total} decisions made`;
    status.textContent = message;
    const still = [...list.children].findIndex((item) => item.dataset.decision === focused);
    focusItem(still >= 0 ? still : at, false);
  }

  function decide(action, item) {
    const d = state.decisions.find((x) => x.id === item?.dataset.decision);
    if (!d) return;
    const fields = {};
    item.querySelectorAll(".fields input").forEach((input) => {
      fields[input.name] = input.name === "aliases"
        ? input.value.split(",").map((a) => a.trim()).filter(Boolean) : input.value;
    });
    const exclude = [...item.querySelectorAll(".mentions li")]
      .filter((row) => row.querySelector("input").checked).map((row) => row.dataset.mention);
    const digests = Object.fromEntries(d.mentions.map((m) => [m.path, m.digest]));
    post("decide", { id: d.id, action, fields, exclude, digests });
  }

  function undo() {
    const id = undone.pop();
    if (id) post("undo", { decision: id });
    else status.textContent = "Nothing to undo here.";
  }

  list.addEventListener("click", (event) => {
    const button = event.target.closest("button");
    if (!button) return;
    const item = button.closest("li[data-decision]");
    focusItem([...list.children].indexOf(item), false);
    if (button.classList.contains("open")) toggle(item);
    else if (button.dataset.reviewAction) decide(button.dataset.reviewAction, item);
  });
  document.getElementById("review-undo").addEventListener("click", undo);

  document.addEventListener("keydown", (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const item = list.children[current];
    if (event.target.matches("input[type=text], input:not([type])")) {
      if (event.key === "Enter") decide("accept", item);
      return;
    }
    const keys = {
      j: () => focusItem(current + 1),
      k: () => focusItem(current - 1),
      a: () => decide("accept", item),
      x: () => decide("dismiss", item),
      u: () => undo(),
      e: () => {
        const box = event.target.closest(".mentions li")?.querySelector("input");
        if (box) box.checked = !box.checked;
      },
      Enter: () => item && !event.target.matches("button, a") && toggle(item),
    };
    if (keys[event.key]) {
      event.preventDefault();
      keys[event.key]();
    }
  });

  load();
})();
