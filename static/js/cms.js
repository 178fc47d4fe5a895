/*
 * CMS blocks' behaviour, no dependencies; every block reads well without it.
 * - [data-countdown]: ticks days/hours/minutes/seconds down to data-deadline (ISO 8601).
 * - [data-video]: replaces the play link with the provider's player only when pressed.
 * - [data-copy]: copies the nearest [data-copy-source] (voucher codes).
 */
(function () {
  "use strict";

  function pad(value) {
    return value < 10 ? "0" + value : String(value);
  }

  function startCountdown(element) {
    var deadline = Date.parse(element.getAttribute("data-deadline"));
    if (isNaN(deadline)) {
      return;
    }
    var units = {};
    element.querySelectorAll("[data-unit]").forEach(function (node) {
      units[node.getAttribute("data-unit")] = node;
    });
    var timer = null;
    var shown = element.querySelector("[data-countdown-units]");
    if (shown) shown.hidden = false;

    function tick() {
      var left = Math.max(0, Math.floor((deadline - Date.now()) / 1000));
      if (units.days) units.days.textContent = String(Math.floor(left / 86400));
      if (units.hours) units.hours.textContent = pad(Math.floor((left % 86400) / 3600));
      if (units.minutes) units.minutes.textContent = pad(Math.floor((left % 3600) / 60));
      if (units.seconds) units.seconds.textContent = pad(left % 60);
      if (left === 0) {
        element.classList.add("is-over");
        var until = element.querySelector(".cms-countdown__until");
        if (until) until.textContent = element.getAttribute("data-expired-text") || "";
        if (timer) window.clearInterval(timer);
      }
    }

    tick();
    timer = window.setInterval(tick, 1000);
  }

  function startVideo(figure) {
    var link = figure.querySelector("[data-video-play]");
    var src = figure.getAttribute("data-src");
    if (!link || !src) {
      return;
    }
    link.addEventListener("click", function (event) {
      event.preventDefault();
      var frame = document.createElement("iframe");
      frame.src = src + (src.indexOf("?") === -1 ? "?" : "&") + "autoplay=1";
      frame.title = figure.getAttribute("data-title") || "";
      frame.allow = "autoplay; encrypted-media; picture-in-picture; fullscreen";
      frame.allowFullscreen = true;
      frame.loading = "lazy";
      link.parentNode.replaceChild(frame, link);
      var poster = figure.querySelector(".cms-video__poster");
      if (poster) poster.remove();
    });
  }

  function startCopy(button) {
    button.addEventListener("click", function () {
      var scope = button.closest("p, div") || document;
      var source = scope.querySelector("[data-copy-source]");
      if (!source || !navigator.clipboard) {
        return;
      }
      navigator.clipboard.writeText(source.textContent.trim()).then(function () {
        var label = button.textContent;
        button.textContent = button.getAttribute("data-copied-label") || label;
        window.setTimeout(function () {
          button.textContent = label;
        }, 2000);
      });
    });
  }

  function init() {
    document.querySelectorAll("[data-countdown]").forEach(startCountdown);
    document.querySelectorAll("[data-video]").forEach(startVideo);
    document.querySelectorAll("[data-copy]").forEach(startCopy);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
