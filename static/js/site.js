/*
 * Storefront behaviour, no dependencies: theme toggle, small-screen navigation, disclosure menus,
 * dismissible messages, the product gallery thumbnails and the pop-up checkout. Every page works
 * without it.
 */
(function () {
  "use strict";

  var root = document.documentElement;
  var STORAGE_KEY = "theme";
  var systemDark = window.matchMedia ? window.matchMedia("(prefers-color-scheme: dark)") : null;

  function storedTheme() {
    try {
      var value = localStorage.getItem(STORAGE_KEY);
      return value === "dark" || value === "light" ? value : null;
    } catch (e) {
      return null;
    }
  }

  function currentTheme() {
    return root.getAttribute("data-theme") === "dark" ? "dark" : "light";
  }

  function labelToggles() {
    var theme = currentTheme();
    document.querySelectorAll("[data-theme-toggle]").forEach(function (button) {
      var label = theme === "dark" ? button.dataset.labelLight : button.dataset.labelDark;
      if (label) {
        button.setAttribute("aria-label", label);
        button.setAttribute("title", label);
      }
      button.setAttribute("aria-pressed", theme === "dark" ? "true" : "false");
    });
  }

  function applyTheme(theme, remember) {
    root.setAttribute("data-theme", theme);
    if (remember) {
      try {
        localStorage.setItem(STORAGE_KEY, theme);
      } catch (e) {
        /* private mode: the choice lasts for this page only */
      }
    }
    labelToggles();
  }

  // Follow the system while the shopper has not chosen.
  if (systemDark && systemDark.addEventListener) {
    systemDark.addEventListener("change", function (event) {
      if (!storedTheme()) {
        applyTheme(event.matches ? "dark" : "light", false);
      }
    });
  }

  function closeDropdowns(except) {
    document.querySelectorAll("details[data-dropdown][open]").forEach(function (details) {
      if (details !== except) {
        details.removeAttribute("open");
      }
    });
  }

  function setNavOpen(toggle, open) {
    var nav = document.getElementById(toggle.getAttribute("aria-controls"));
    if (!nav) {
      return;
    }
    toggle.setAttribute("aria-expanded", open ? "true" : "false");
    nav.classList.toggle("is-open", open);
  }

  // Pop-up checkout: "Buy now" opens the order form of this one product in a dialog. Without the
  // script, or when the form cannot be loaded, the button posts the basket form as usual (with
  // next = the checkout page).
  function buyNowDialog() {
    var dialog = document.getElementById("buy-now-dialog");
    if (dialog) {
      return dialog;
    }
    dialog = document.createElement("dialog");
    dialog.id = "buy-now-dialog";
    dialog.className = "buy-now-dialog";
    dialog.setAttribute("aria-labelledby", "buy-now-title");
    dialog.addEventListener("click", function (event) {
      // The backdrop (the dialog itself, outside its content) and the close button close it.
      if (event.target === dialog || event.target.closest("[data-dialog-close]")) {
        dialog.close();
      }
    });
    dialog.addEventListener("close", function () {
      if (dialog.opener) {
        dialog.opener.focus();
      }
    });
    document.body.appendChild(dialog);
    return dialog;
  }

  // The dialog's content for this quantity and variant (a parent's variant: ``child``).
  function fetchBuyNow(url, quantity, child) {
    var query = "?partial=1&quantity=" + encodeURIComponent(quantity);
    if (child) {
      query += "&child=" + encodeURIComponent(child);
    }
    return fetch(url + query, { credentials: "same-origin" }).then(function (response) {
      if (!response.ok || response.redirected) {
        throw new Error(String(response.status));
      }
      return response.text();
    });
  }

  function openBuyNow(button) {
    var form = button.form;
    var quantity = form && form.elements.quantity ? form.elements.quantity.value : "1";
    var child = form && form.elements.child_id ? form.elements.child_id.value : "";
    button.setAttribute("aria-busy", "true");
    fetchBuyNow(button.getAttribute("data-buy-now"), quantity, child)
      .then(function (html) {
        var dialog = buyNowDialog();
        dialog.innerHTML = html;
        dialog.opener = button;
        dialog.showModal();
        // Open at the top, title and close button in view: focusing the first field would scroll
        // a phone's dialog past them (and open the keyboard).
        dialog.scrollTop = 0;
        dialog.querySelector("#buy-now-title").focus();
      })
      .catch(function () {
        if (form) {
          form.requestSubmit(button);
        }
      })
      .then(function () {
        button.removeAttribute("aria-busy");
      });
  }

  // Another variant in the pop-up: its summary and total replace the shown ones (fields kept).
  document.addEventListener("change", function (event) {
    var select = event.target.closest("[data-buy-now-variant]");
    if (!select) {
      return;
    }
    var form = select.form;
    var url = form.getAttribute("action");
    var quantity = form.elements.quantity.value;
    fetchBuyNow(url, quantity, select.value)
      .then(function (html) {
        var fresh = document.createElement("template");
        fresh.innerHTML = html;
        ["[data-buy-now-summary]", "[data-buy-now-submit]"].forEach(function (selector) {
          var shown = form.querySelector(selector);
          var update = fresh.content.querySelector(selector);
          if (shown && update) {
            shown.replaceWith(update);
          }
        });
      })
      .catch(function () {
        // Never a total of another variant: the pop-up's own page, priced for this one.
        window.location.assign(
          url + "?quantity=" + encodeURIComponent(quantity) + "&child=" + encodeURIComponent(select.value)
        );
      });
  });

  document.addEventListener("click", function (event) {
    var buyNow = event.target.closest("[data-buy-now]");
    if (buyNow && window.fetch && typeof HTMLDialogElement === "function") {
      event.preventDefault();
      openBuyNow(buyNow);
      return;
    }

    var themeButton = event.target.closest("[data-theme-toggle]");
    if (themeButton) {
      applyTheme(currentTheme() === "dark" ? "light" : "dark", true);
      return;
    }

    var navToggle = event.target.closest("[data-nav-toggle]");
    if (navToggle) {
      setNavOpen(navToggle, navToggle.getAttribute("aria-expanded") !== "true");
      return;
    }

    var dismiss = event.target.closest("[data-dismiss-alert]");
    if (dismiss) {
      var alert = dismiss.closest(".alert");
      if (alert) {
        alert.remove();
      }
      return;
    }

    var thumb = event.target.closest("[data-gallery-thumb]");
    if (thumb) {
      var slide = document.getElementById(thumb.getAttribute("href").slice(1));
      if (slide) {
        event.preventDefault();
        slide.scrollIntoView({ behavior: "smooth", block: "nearest", inline: "start" });
        thumb.closest("ul").querySelectorAll("[data-gallery-thumb]").forEach(function (other) {
          other.removeAttribute("aria-current");
        });
        thumb.setAttribute("aria-current", "true");
      }
      return;
    }

    // A click outside an open menu closes it.
    closeDropdowns(event.target.closest("details[data-dropdown]"));
  });

  // Oscar's form behaviours, without jQuery: a form marked data-behaviours="lock" is sent once, and
  // a button with data-loading-text shows that text and is disabled once its valid form leaves.
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form.matches('form[data-behaviours~="lock"]')) {
      return;
    }
    if (form.dataset.locked) {
      event.preventDefault();
    }
    form.dataset.locked = "true";
  });

  document.addEventListener("click", function (event) {
    var button = event.target.closest("[data-loading-text]");
    var form = button && button.closest("form");
    if (!button || (form && form.querySelector(":invalid"))) {
      return;
    }
    // After the click has started the submission, which a disabled button would cancel.
    setTimeout(function () {
      button[button.tagName === "INPUT" ? "value" : "textContent"] = button.dataset.loadingText;
      button.classList.add("disabled");
      button.disabled = true;
    });
  });

  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") {
      return;
    }
    var open = document.querySelector("details[data-dropdown][open]");
    if (open) {
      open.removeAttribute("open");
      var summary = open.querySelector("summary");
      if (summary) {
        summary.focus();
      }
    }
    document.querySelectorAll("[data-nav-toggle][aria-expanded='true']").forEach(function (toggle) {
      setNavOpen(toggle, false);
      toggle.focus();
    });
  });

  document.addEventListener("DOMContentLoaded", function () {
    labelToggles();
    document.querySelectorAll("[data-dismiss-alert]").forEach(function (button) {
      button.hidden = false;
    });
    // In horizontally scrolling lists (small screens), bring the current entry into view.
    document
      .querySelectorAll(".side-nav [aria-current], .category-list [aria-current], .layout-sidebar__aside .nav-pills .active")
      .forEach(function (current) {
        var list = current.closest("ul");
        if (list && list.scrollWidth > list.clientWidth) {
          current.scrollIntoView({ block: "nearest", inline: "center" });
        }
      });
  });
})();
