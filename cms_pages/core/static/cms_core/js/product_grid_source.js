/*
 * Wagtail editor: a product-grid block shows only the fields of the source chosen in its
 * "Products to show" menu (the block's data-product-grid-source-fields-value maps each source to
 * its fields). Hidden fields keep their values, so switching back loses nothing.
 */
(function () {
  "use strict";

  var Controller = window.StimulusModule.Controller;

  class ProductGridSourceController extends Controller {
    static values = { fields: Object };

    connect() {
      this.select = this.element.querySelector('[data-contentpath="source"] select');
      if (!this.select) {
        return;
      }
      this.toggle = this.toggle.bind(this);
      this.select.addEventListener("change", this.toggle);
      this.toggle();
    }

    disconnect() {
      if (this.select) {
        this.select.removeEventListener("change", this.toggle);
      }
    }

    toggle() {
      var shown = this.fieldsValue[this.select.value] || [];
      var every = new Set(Object.values(this.fieldsValue).flat());
      every.forEach(
        function (name) {
          var field = this.element.querySelector('[data-contentpath="' + name + '"]');
          if (field) {
            field.hidden = shown.indexOf(name) === -1;
          }
        }.bind(this)
      );
    }
  }

  window.wagtail.app.register("product-grid-source", ProductGridSourceController);
})();
