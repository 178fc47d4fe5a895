// The filter drawer is a <details>: closed on phones until its summary is tapped, always open on
// wide screens (where it is the sidebar).
(function () {
  var wide = window.matchMedia("(min-width: 48em)");
  function sync() {
    document.querySelectorAll("[data-facet-drawer]").forEach(function (drawer) {
      if (wide.matches) drawer.open = true;
    });
  }
  sync();
  wide.addEventListener("change", sync);
})();
