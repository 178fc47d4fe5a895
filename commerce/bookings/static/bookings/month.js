// The provider's month grid: the arrow keys move between days (mirrored right to left), Home/End
// to the week's ends, as in a date picker; each day is a link to its week.
(function () {
  var grid = document.querySelector("[data-month-grid]");
  if (!grid) return;
  var days = Array.prototype.slice.call(grid.querySelectorAll("a[data-day]"));
  var rtl = getComputedStyle(grid).direction === "rtl";
  var steps = { ArrowRight: rtl ? -1 : 1, ArrowLeft: rtl ? 1 : -1, ArrowDown: 7, ArrowUp: -7 };
  days.forEach(function (link, index) {
    link.tabIndex = link.getAttribute("aria-current") === "date" || (index === 0 && !grid.querySelector("[aria-current=date]")) ? 0 : -1;
  });
  grid.addEventListener("keydown", function (event) {
    var index = days.indexOf(document.activeElement);
    if (index < 0) return;
    var target = index;
    if (event.key in steps) target = index + steps[event.key];
    else if (event.key === "Home") target = index - (index % 7);
    else if (event.key === "End") target = index - (index % 7) + 6;
    else return;
    event.preventDefault();
    if (target < 0 || target >= days.length) return;
    days[index].tabIndex = -1;
    days[target].tabIndex = 0;
    days[target].focus();
  });
})();
