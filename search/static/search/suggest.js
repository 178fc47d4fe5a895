// Suggestions under the header's search box: a WAI-ARIA 1.2 combobox (an input that controls a
// listbox). It asks /api/search/suggest/ while typing (debounced; an answer to an older text is
// dropped), lists products, categories and experts with their picture and type, and is driven by
// the keyboard (arrows, Enter, Escape) with aria-activedescendant. Without this script the box is
// the plain search form it is written as.
(function () {
  "use strict";

  var DELAY = 200;
  var MIN_LENGTH = 2;

  function enhance(form) {
    var input = form.querySelector("input[name=q]");
    var list = form.querySelector("[role=listbox]");
    var status = form.querySelector("[data-suggest-status]");
    if (!input || !list || !window.fetch) return;
    var labels = form.dataset;
    var timer = null;
    var controller = null;
    var asked = 0;
    var active = -1;
    var options = [];

    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-controls", list.id);
    input.setAttribute("aria-expanded", "false");

    // The page's language plural rules pick the sentence (Arabic: one, two, few, many, other).
    var plurals = window.Intl && Intl.PluralRules ? new Intl.PluralRules(document.documentElement.lang || undefined) : null;

    function announce(count) {
      if (!count) {
        status.textContent = labels.labelNone;
        return;
      }
      var category = plurals ? plurals.select(count) : count === 1 ? "one" : "other";
      var sentence = labels["labelCount" + category.charAt(0).toUpperCase() + category.slice(1)] || labels.labelCountOther;
      status.textContent = sentence.replace("{n}", count);
    }

    function close() {
      list.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    }

    function select(index) {
      if (active >= 0) options[active].setAttribute("aria-selected", "false");
      active = index;
      if (index < 0) {
        input.removeAttribute("aria-activedescendant");
        return;
      }
      var option = options[index];
      option.setAttribute("aria-selected", "true");
      input.setAttribute("aria-activedescendant", option.id);
      option.scrollIntoView({ block: "nearest" });
    }

    function render(items) {
      list.textContent = "";
      options = items.map(function (item, index) {
        var option = document.createElement("li");
        option.id = list.id + "-" + index;
        option.setAttribute("role", "option");
        option.setAttribute("aria-selected", "false");
        option.className = "search-suggest__option";
        option.dataset.url = item.url;
        var picture = document.createElement("span");
        picture.className = "search-suggest__picture";
        if (item.image) {
          var img = document.createElement("img");
          img.src = item.image;
          img.alt = "";
          img.loading = "lazy";
          picture.appendChild(img);
        }
        var label = document.createElement("span");
        label.className = "search-suggest__label";
        label.textContent = item.label;
        var type = document.createElement("span");
        type.className = "search-suggest__type";
        type.textContent = labels["label" + item.type.charAt(0).toUpperCase() + item.type.slice(1)] || "";
        option.append(picture, label, type);
        list.appendChild(option);
        return option;
      });
      active = -1;
      input.removeAttribute("aria-activedescendant");
      list.hidden = !options.length;
      input.setAttribute("aria-expanded", options.length ? "true" : "false");
      announce(options.length);
    }

    function ask() {
      var text = input.value.trim();
      var ticket = ++asked;
      if (controller) controller.abort();
      if (text.length < MIN_LENGTH) {
        close();
        status.textContent = "";
        return;
      }
      controller = window.AbortController ? new AbortController() : null;
      fetch(form.dataset.suggest + "?q=" + encodeURIComponent(text), {
        headers: { Accept: "application/json" },
        signal: controller ? controller.signal : undefined,
      })
        .then(function (response) {
          return response.ok ? response.json() : [];
        })
        .then(function (items) {
          if (ticket === asked) render(items); // an answer to an older text is dropped
        })
        .catch(function () {}); // aborted, or search down: the form still submits
    }

    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(ask, DELAY);
    });

    input.addEventListener("keydown", function (event) {
      var open = !list.hidden && options.length;
      if (event.key === "ArrowDown") {
        if (!open) return;
        event.preventDefault();
        select(active + 1 < options.length ? active + 1 : 0);
      } else if (event.key === "ArrowUp") {
        if (!open) return;
        event.preventDefault();
        select(active > 0 ? active - 1 : options.length - 1);
      } else if (event.key === "Enter") {
        if (open && active >= 0) {
          event.preventDefault();
          window.location.assign(options[active].dataset.url);
        }
      } else if (event.key === "Escape") {
        if (open) {
          event.preventDefault();
          close();
        } else if (input.value) {
          event.preventDefault();
          input.value = "";
        }
      }
    });

    // A press on an option keeps the focus in the input, then follows the option.
    list.addEventListener("mousedown", function (event) {
      event.preventDefault();
    });
    list.addEventListener("click", function (event) {
      var option = event.target.closest("[role=option]");
      if (option) window.location.assign(option.dataset.url);
    });
    input.addEventListener("blur", close);
  }

  document.querySelectorAll("form[data-suggest]").forEach(enhance);
})();
