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
