// Filtering and sorting of the documents on output/index.html, inlined by templates/index.html
// (the page's Content-Security-Policy allows this script by its hash, and nothing else). Without it
// the page lists every document, in name order; with it, the form above the table is shown.
(function () {
  "use strict";
  var form = document.getElementById("bediening");
  var body = document.getElementById("documenten-rijen");
  var count = document.getElementById("aantal");
  if (!form || !body || !count) return;
  var rows = Array.prototype.slice.call(body.rows);
  var headers = Array.prototype.slice.call(document.querySelectorAll("#documenten th[data-key]"));
  var numeric = { questions: true, answers: true, warnings: true };

  function compare(key, a, b) {
    var x = a.getAttribute("data-" + key);
    var y = b.getAttribute("data-" + key);
    return numeric[key] ? Number(x) - Number(y) : x.localeCompare(y, "nl");
  }

  function update() {
    var text = form.elements.zoek.value.trim().toLowerCase();
    var family = form.elements.soort.value;
    var warned = form.elements.waarschuwingen.checked;
    var key = form.elements.sorteer.value;
    var sign = form.elements.richting.value === "aflopend" ? -1 : 1;
    rows.sort(function (a, b) {
      return sign * compare(key, a, b) || compare("name", a, b);
    });
    var shown = 0;
    rows.forEach(function (row) {
      var visible =
        (!text || row.getAttribute("data-search").indexOf(text) !== -1) &&
        (!family || row.getAttribute("data-family") === family) &&
        (!warned || Number(row.getAttribute("data-warnings")) > 0);
      row.hidden = !visible;
      if (visible) shown += 1;
      body.appendChild(row);
    });
    headers.forEach(function (header) {
      if (header.getAttribute("data-key") === key) {
        header.setAttribute("aria-sort", sign < 0 ? "descending" : "ascending");
      } else {
        header.removeAttribute("aria-sort");
      }
    });
    count.textContent = shown + " van " + rows.length + " documenten";
  }

  form.addEventListener("input", update);
  form.addEventListener("change", update);
  form.addEventListener("submit", function (event) {
    event.preventDefault();
  });
  form.hidden = false;
  update();
})();
