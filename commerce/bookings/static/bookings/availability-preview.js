// The availability editor's live preview: as the provider edits the hours or the settings, the
// unsaved values are sent to the preview address (nothing is saved) and the coming week's slots
// it answers replace the preview, which screen readers announce (aria-live).
(function () {
  var region = document.querySelector("[data-preview-url]");
  var sources = document.querySelectorAll("form[data-preview-source]");
  if (!region || !sources.length || !window.fetch) return;
  var timer = null;
  var pending = null;

  function refresh() {
    var data = new FormData();
    sources.forEach(function (form) {
      new FormData(form).forEach(function (value, name) {
        if (name !== "part") data.set(name, value);
      });
    });
    if (pending) pending.abort();
    pending = new AbortController();
    region.setAttribute("aria-busy", "true");
    fetch(region.getAttribute("data-preview-url"), {
      method: "POST",
      body: data,
      credentials: "same-origin",
      signal: pending.signal,
    })
      .then(function (response) {
        if (!response.ok) throw new Error(String(response.status));
        return response.text();
      })
      .then(function (html) {
        region.innerHTML = html;
      })
      .catch(function () {})
      .finally(function () {
        region.removeAttribute("aria-busy");
      });
  }

  sources.forEach(function (form) {
    ["input", "change"].forEach(function (type) {
      form.addEventListener(type, function () {
        clearTimeout(timer);
        timer = setTimeout(refresh, 400);
      });
    });
  });
})();
