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
    title.textContent = "Build failed: the preview shows the last good build.";
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

  let seen = null;
  const source = new EventSource("/__dossier/events");
  source.addEventListener("state", (event) => {
    const state = JSON.parse(event.data);
    // A reconnect after the server restarted: whatever was built since, show it.
    if (seen !== null && state.build !== seen && state.ok) return reload();
    seen = state.build;
    window.__dossierBuild = seen;
    state.ok ? hideErrors() : showErrors(state.errors);
  });
  source.addEventListener("build", (event) => {
    const build = JSON.parse(event.data);
    seen = build.build;
    window.__dossierBuild = seen;
    if (!build.ok) return showErrors(build.errors);
    hideErrors();
    if (build.pages.includes(ownOutput())) reload();
    else if (build.styles.length) swapStyles(build.styles, build.build);
  });
})();
