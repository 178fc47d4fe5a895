// The browser's time zone, remembered in a cookie so booking calendars show the visitor's local times.
(function () {
  var zone;
  try {
    zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  } catch (error) {
    return;
  }
  if (!zone) return;
  var current = document.cookie.split("; ").find(function (row) { return row.indexOf("tz=") === 0; });
  if (current === "tz=" + zone) return;
  document.cookie = "tz=" + zone + "; path=/; max-age=31536000; samesite=lax";
  if (document.querySelector("[data-bookings-reload-on-zone]") && !/[?&]tz=/.test(location.search)) {
    location.reload();
  }
})();
