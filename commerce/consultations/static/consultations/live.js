/*
 * The expert's inbox and the client's consultations follow their paid messages live: a
 * consultation notice arriving on the person's notification socket reloads the list.
 */
(function () {
  "use strict";

  if (!document.querySelector("[data-consultations-live]")) {
    return;
  }
  document.addEventListener("notification:received", function (event) {
    var kind = event.detail && event.detail.kind;
    if (typeof kind === "string" && kind.indexOf("consultations.") === 0) {
      window.location.reload();
    }
  });
})();
