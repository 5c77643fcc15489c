// Live reload for `python build.py serve`. The preview server adds this script to every page it
// serves; a site built for publishing never contains it.
(() => {
  "use strict";
  const scrollKey = "dossier-scroll:" + location.pathname;
  const saved = sessionStorage.getItem(scrollKey);
  if (saved !== null) {
    sessionStorage.removeItem(scrollKey);
    const restore = () => window.scrollTo(0, Number(saved));
    if (document.readyState === "complete") restore();
    else window.addEventListener("load", restore, { once: true });
  }

  const ownOutput = () => {
    let path = decodeURIComponent(location.pathname).replace(/^\/+/, "");
    if (path === "" || path.endsWith("/")) path += "index.html";
    return path;
  };

  const reload = () => {
    sessionStorage.setItem(scrollKey, String(window.scrollY));
    location.reload();
  };

  // After a content edit only the page's own parts can differ (its header and footer come from the
  // config and the layouts): they are fetched as served and swapped in place, so the styles, the
  // scripts, the review panel, the focus and the scroll stay, and nothing else is fetched again.
  // site.js and the panel hear `dossier:swapped` (its detail: the parts swapped in).
  const SWAPPED = "main, nav.breadcrumbs";
  const swap = async (build) => {
    const response = await fetch(location.pathname + location.search, { cache: "no-store" });
    if (!response.ok) return reload();
    const fresh = new DOMParser().parseFromString(await response.text(), "text/html");
    const now = [...document.body.querySelectorAll(`:scope > :is(${SWAPPED})`)];
    const next = [...fresh.body.querySelectorAll(`:scope > :is(${SWAPPED})`)];
    if (now.length !== next.length || now.some((part, i) => part.tagName !== next[i].tagName)) return reload();
    const parts = next.map((part, i) => {
      const adopted = document.adoptNode(part);
      now[i].replaceWith(adopted);
      return adopted;
    });
    document.title = fresh.title;
    window.__dossierShown = build;
    document.dispatchEvent(new CustomEvent("dossier:swapped", { detail: parts }));
  };
  let swaps = Promise.resolve(); // one after another: the last build's page is the one shown
  const refresh = (build) => {
    swaps = swaps.then(() => swap(build)).catch(reload);
  };

  // The site's words, in its language (see the page's #site-words), with English as the fallback.
  const words = (() => {
    try {
      return JSON.parse(document.getElementById("site-words").textContent);
    } catch (error) {
      return {};
    }
  })();
  const plural = (key, count) => {
    const forms = words[key] || {};
    return (forms[new Intl.PluralRules(document.documentElement.lang).select(count)] || forms.other || "")
      .replace("{count}", String(count));
  };

  let overlay = null;
  const showErrors = (errors) => {
    if (!overlay) {
      overlay = document.createElement("div");
      overlay.id = "dossier-build-errors";
      overlay.setAttribute("role", "alert");
      overlay.style.cssText =
        "position:fixed;left:0;right:0;top:0;max-height:70vh;overflow:auto;z-index:2147483647;" +
        "margin:0;padding:1rem 1.25rem;background:#2d0f10;color:#ffecec;border-bottom:4px solid #ff6b6b;" +
        "font:14px/1.5 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;box-shadow:0 4px 24px #0008";
      document.body.appendChild(overlay);
    }
    overlay.replaceChildren();
    const title = document.createElement("strong");
    title.textContent = words.failed || "Build failed: the preview shows the last good build.";
    const list = document.createElement("pre");
    list.style.cssText = "margin:.5rem 0 0;white-space:pre-wrap";
    list.textContent = errors.join("\n");
    overlay.append(title, list);
  };
  const hideErrors = () => {
    if (overlay) overlay.remove();
    overlay = null;
  };

  const swapStyles = (styles, build) => {
    for (const link of document.querySelectorAll('link[rel="stylesheet"]')) {
      const url = new URL(link.href);
      if (!styles.includes(url.pathname.replace(/^\/+/, ""))) continue;
      const fresh = link.cloneNode();
      fresh.href = url.pathname + "?build=" + build;
      fresh.addEventListener("load", () => link.remove(), { once: true });
      link.after(fresh);
    }
  };

  // Unlinked mentions of known entities in an article: marked quietly, with a note saying how many
  // there are and what links them: the review panel's "link all", or, in a read-only preview, the
  // command.
  const markUnlinked = async () => {
    const article = location.pathname.match(/^\/articles\/([^/]+)\/$/);
    const body = document.querySelector("article .body");
    if (!article || !body) return;
    const answer = await fetch("/__dossier/unlinked/" + article[1]);
    const found = await answer.json();
    if (!found.mentions.length) return;
    const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT, {
      // Not in a link, code or a claim; the review panel's own marks may hold the words.
      acceptNode: (node) => (node.parentElement.closest("a, code, .claim, mark.dossier-unlinked") ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
    });
    let node = walker.nextNode();
    let marked = 0;
    for (const mention of found.mentions) {
      while (node) {
        const at = node.data.indexOf(mention.text);
        if (at >= 0) {
          const mark = document.createElement("mark");
          mark.className = "dossier-unlinked";
          mark.title = (words["not linked"] || "Not linked yet:") + " " + mention.annotation;
          mark.style.cssText = "background: none; color: inherit; text-decoration: underline dotted 2px; text-underline-offset: 3px;";
          const rest = node.splitText(at);
          rest.data = rest.data.slice(mention.text.length);
          mark.textContent = mention.text;
          rest.parentNode.insertBefore(mark, rest);
          node = rest;
          marked += 1;
          break;
        }
        node = walker.nextNode();
      }
    }
    if (!marked) return;
    const note = document.createElement("aside");
    note.id = "dossier-unlinked-note";
    note.setAttribute("role", "note");
    note.style.cssText = "position: fixed; bottom: 1rem; left: 1rem; max-width: min(32rem, calc(100vw - 9rem)); padding: .6rem .8rem; font: 14px/1.4 system-ui, sans-serif; background: Canvas; color: CanvasText; border: 1px solid; border-radius: 6px; z-index: 2147483646;";
    note.textContent = plural("unlinked", marked) + " ";
    if (document.querySelector('meta[name="dossier-token"]')) {
      // The review panel is on: its "link all" does it, without the terminal.
      const open = document.createElement("button");
      open.type = "button";
      open.dataset.reviewAction = "link-unlinked";
      open.textContent = "Link in the review panel";
      open.addEventListener("click", () => window.dispatchEvent(new CustomEvent("dossier:link-unlinked")));
      note.append(open);
    } else {
      const command = document.createElement("code");
      command.textContent = `python build.py suggest ${found.path} --write`;
      note.append(command);
    }
    document.body.append(note);
  };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", markUnlinked);
  else markUnlinked();
  document.addEventListener("dossier:swapped", () => {
    document.getElementById("dossier-unlinked-note")?.remove();
    markUnlinked();
  });

  let seen = null;
  // Which page this is: the preview makes the pages open in a browser first after an edit.
  const source = new EventSource("/__dossier/events?page=" + encodeURIComponent(ownOutput()));
  source.addEventListener("state", (event) => {
    const state = JSON.parse(event.data);
    // A reconnect after the server restarted: whatever was built since, show it.
    if (seen !== null && state.build !== seen && state.ok) return reload();
    seen = state.build;
    window.__dossierBuild = seen;
    window.__dossierShown = seen;
    state.ok ? hideErrors() : showErrors(state.errors);
  });
  source.addEventListener("build", (event) => {
    const build = JSON.parse(event.data);
    seen = build.build;
    window.__dossierBuild = seen;
    if (!build.ok) return showErrors(build.errors);
    hideErrors();
    if (build.pages.includes(ownOutput())) build.swap ? refresh(build.build) : reload();
    else if (build.styles.length) swapStyles(build.styles, build.build);
  });
})();
