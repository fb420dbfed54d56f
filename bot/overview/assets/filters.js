// Filters of the overview page by owner and state. The page works without this script (every
// item shows); with it, the two selects narrow every list of items at once, and the figures and
// the owners' chart are counted again from what is shown. No network, no library.
(function () {
  "use strict";
  var form = document.getElementById("filters");
  var owner = document.getElementById("owner-filter");
  var state = document.getElementById("state-filter");
  var shown = document.getElementById("shown");
  var rows = Array.prototype.slice.call(document.querySelectorAll("[data-item]"));
  var lists = Array.prototype.slice.call(document.querySelectorAll("[data-filtered]"));
  var openRows = Array.prototype.slice.call(document.querySelectorAll("#owners tbody tr[data-item]"));
  var reported = Array.prototype.slice.call(document.querySelectorAll("#meetings [data-item][data-reported]"));
  var bars = Array.prototype.slice.call(document.querySelectorAll("#owners svg g.bar"));
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

  function count(list, test) {
    return list.filter(function (row) { return !row.hidden && test(row); }).length;
  }

  function figures() {
    var all = function () { return true; };
    var said = {
      open: count(openRows, all),
      overdue: count(openRows, function (row) { return row.dataset.overdue === "true"; }),
      closed: count(reported, function (row) { return row.dataset.state === "closed"; }),
      carried_over: count(openRows, function (row) { return Number(row.dataset.carried) > 0; })
    };
    Object.keys(said).forEach(function (key) {
      document.querySelector('dd[data-count="' + key + '"]').textContent = String(said[key]);
    });
  }

  function set(element, name, value) {
    if (element) element.setAttribute(name, value.toFixed(1));
  }

  // Each owner's bar drawn again for the open items shown; owners with none are left out and the
  // others close up, so the chart says what the list below it says.
  function chart() {
    var place = 0;
    bars.forEach(function (bar) {
      var who = bar.dataset.owner;
      var mine = openRows.filter(function (row) { return !row.hidden && ownedBy(row, who); });
      var open = mine.length;
      var overdue = mine.filter(function (row) { return row.dataset.overdue === "true"; }).length;
      bar.setAttribute("display", open ? "inline" : "none");
      if (!open) return;
      var unit = Number(bar.dataset.unit);
      var left = Number(bar.dataset.left);
      bar.querySelectorAll(".bar-overdue, .hatch").forEach(function (rect) {
        set(rect, "width", overdue * unit);
      });
      var rest = bar.querySelector(".bar-open");
      set(rest, "x", left + overdue * unit);
      set(rest, "width", (open - overdue) * unit);
      var said = open + " open" + (overdue ? ", " + overdue + " overdue" : "");
      var value = bar.querySelector("text.value");
      set(value, "x", left + open * unit + 6);
      value.textContent = said;
      bar.querySelector("title").textContent = who + ": " + said;
      var shift = (place - Number(bar.dataset.index)) * Number(bar.dataset.row);
      bar.setAttribute("transform", shift ? "translate(0 " + shift + ")" : "");
      place += 1;
    });
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
    figures();
    chart();
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
