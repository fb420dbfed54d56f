// Filters of the overview page by owner and state. The page works without this script (every
// item shows); with it, the two selects narrow every list of items at once. No network, no library.
(function () {
  "use strict";
  var form = document.getElementById("filters");
  var owner = document.getElementById("owner-filter");
  var state = document.getElementById("state-filter");
  var shown = document.getElementById("shown");
  var rows = Array.prototype.slice.call(document.querySelectorAll("[data-item]"));
  var lists = Array.prototype.slice.call(document.querySelectorAll("[data-filtered]"));
  var total = new Set(rows.map(function (row) { return row.dataset.item; })).size;

  function ownedBy(row, who) {
    return !who || JSON.parse(row.dataset.owners).indexOf(who) !== -1;
  }

  function inState(row, what) {
    if (what === "open") return row.dataset.state !== "closed";
    if (what === "overdue") return row.dataset.overdue === "true";
    if (what === "closed") return row.dataset.state === "closed";
    return true;
  }

  function apply() {
    var who = owner.value;
    var what = state.value;
    var visible = new Set();
    rows.forEach(function (row) {
      var match = ownedBy(row, who) && inState(row, what);
      row.hidden = !match;
      if (match) visible.add(row.dataset.item);
    });
    lists.forEach(function (list) {
      var any = list.querySelector("[data-item]:not([hidden])") !== null;
      var empty = list.querySelector("[data-empty]");
      if (empty) empty.hidden = any;
      if (list.hasAttribute("data-hide-when-empty")) list.hidden = !any && Boolean(who || what);
      // A filtered meeting opens, so what the filter found is in sight without a click per meeting.
      if (any && (who || what) && list.tagName === "DETAILS") list.open = true;
    });
    var filtered = who || what;
    shown.textContent = filtered
      ? "Showing " + visible.size + " of " + total + " items" +
        (who ? " owned by " + who : "") + (what ? " (" + state.selectedOptions[0].text.toLowerCase() + ")" : "")
      : "Showing all " + total + " items";
  }

  owner.addEventListener("change", apply);
  state.addEventListener("change", apply);
  // A reset sets the selects back only after its event: apply once it has.
  form.addEventListener("reset", function () { window.setTimeout(apply, 0); });
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  form.hidden = false;
  apply();
})();
