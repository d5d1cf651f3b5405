// dockb site script: sortable tables and offline search.
(function () {
  "use strict";

  var collator = new Intl.Collator(undefined, { numeric: true, sensitivity: "base" });

  function cellText(row, index) {
    var cell = row.cells[index];
    return cell ? cell.textContent.replace(/\s+/g, " ").trim() : "";
  }

  function makeSortable(table) {
    if (!table.tHead || !table.tBodies.length) { return; }
    var headers = table.tHead.rows[0].cells;
    Array.prototype.forEach.call(headers, function (th, index) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "sort-button";
      while (th.firstChild) { button.appendChild(th.firstChild); }
      th.appendChild(button);
      button.addEventListener("click", function () {
        var ascending = th.getAttribute("aria-sort") !== "ascending";
        Array.prototype.forEach.call(headers, function (other) { other.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows).map(function (row, position) {
          return { row: row, key: cellText(row, index), position: position };
        });
        rows.sort(function (a, b) {
          var order = collator.compare(a.key, b.key) || a.position - b.position;
          return ascending ? order : -order;
        });
        rows.forEach(function (entry) { body.appendChild(entry.row); });
      });
    });
  }

  function normalize(text) {
    return text.toLowerCase().normalize("NFKD").replace(/[\u0300-\u036f]/g, "");
  }

  function terms(query) {
    return normalize(query).split(/[\s,;:"'()]+/).filter(function (term) { return term.length > 0; });
  }

  function score(entry, words) {
    var title = entry.t, extra = entry.x, body = entry.b, total = 0;
    for (var i = 0; i < words.length; i++) {
      var word = words[i];
      if (title.indexOf(word) === 0) { total += 12; }
      else if (title.indexOf(word) > 0) { total += 8; }
      else if (extra.indexOf(word) >= 0) { total += 4; }
      else if (body.indexOf(word) >= 0) { total += 1; }
      else { return 0; }
    }
    if (title === words.join(" ")) { total += 20; }
    return total;
  }

  var prepared = null;

  function prepare(index) {
    if (prepared) { return prepared; }
    prepared = index.entries.map(function (e, position) {
      return { group: e[0], title: e[1], extra: e[2], url: e[3], snippet: e[4], position: position,
               t: normalize(e[1]), x: normalize(e[2]), b: normalize(e[4]) };
    });
    var sectionGroup = index.groups.length - 1, offset = prepared.length;
    index.sections.forEach(function (s, position) {
      var documentEntry = index.entries[s[0]];
      prepared.push({ group: sectionGroup, title: s[1], extra: documentEntry[1],
                      url: documentEntry[3] + (s[2] ? "#" + s[2] : ""), snippet: s[4], position: offset + position,
                      t: normalize(s[1]), x: normalize(documentEntry[1]), b: normalize(s[3] + " " + s[4]) });
    });
    return prepared;
  }

  var perGroup = 25;

  function runSearch(index, query, output) {
    while (output.firstChild) { output.removeChild(output.firstChild); }
    var words = terms(query);
    var summary = document.createElement("p");
    summary.className = "search-summary";
    output.appendChild(summary);
    if (!words.length) {
      summary.textContent = "Type a name, an alias (BITS, MP), a port number or any words from the documents.";
      return;
    }
    var groups = index.groups.map(function () { return []; });
    var found = 0;
    prepare(index).forEach(function (entry) {
      var s = score(entry, words);
      if (s > 0) { groups[entry.group].push({ entry: entry, score: s }); found += 1; }
    });
    summary.textContent = found === 1 ? "1 result for “" + query + "”" : found + " results for “" + query + "”";
    groups.forEach(function (hits, groupIndex) {
      if (!hits.length) { return; }
      hits.sort(function (a, b) { return b.score - a.score || a.entry.position - b.entry.position; });
      var section = document.createElement("div");
      section.className = "result-group";
      section.setAttribute("data-group", index.groups[groupIndex]);
      var heading = document.createElement("h2");
      heading.textContent = index.groups[groupIndex] + " (" + hits.length + ")";
      section.appendChild(heading);
      var list = document.createElement("ul");
      hits.slice(0, perGroup).forEach(function (hit) {
        var item = document.createElement("li");
        var link = document.createElement("a");
        link.href = hit.entry.url;
        link.textContent = hit.entry.title;
        item.appendChild(link);
        var detail = hit.entry.snippet;
        if (hit.entry.extra) {
          var extra = document.createElement("span");
          extra.className = "result-extra";
          extra.textContent = " — " + hit.entry.extra;
          item.appendChild(extra);
        }
        if (detail) {
          var p = document.createElement("p");
          p.className = "result-snippet";
          p.textContent = detail;
          item.appendChild(p);
        }
        list.appendChild(item);
      });
      section.appendChild(list);
      if (hits.length > perGroup) {
        var more = document.createElement("p");
        more.className = "result-more";
        more.textContent = (hits.length - perGroup) + " more; add words to narrow the search.";
        section.appendChild(more);
      }
      output.appendChild(section);
    });
  }

  function setUpSearch() {
    var output = document.getElementById("search-results");
    var input = document.getElementById("search-page-input");
    var index = window.DOCKB_SEARCH_INDEX;
    if (!output || !input || !index) { return; }
    var query = new URLSearchParams(window.location.search).get("q") || "";
    input.value = query;
    var banner = document.getElementById("site-search");
    if (banner) { banner.value = query; }
    runSearch(index, query, output);
    input.addEventListener("input", function () {
      runSearch(index, input.value, output);
      try {
        window.history.replaceState(null, "", "?q=" + encodeURIComponent(input.value));
      } catch (ignored) { /* some browsers refuse history changes on file:// pages */ }
    });
    var form = document.getElementById("search-page-form");
    if (form) {
      form.addEventListener("submit", function (event) {
        event.preventDefault();
        runSearch(index, input.value, output);
      });
    }
  }

  Array.prototype.forEach.call(document.querySelectorAll("table.sortable"), makeSortable);
  setUpSearch();
}());