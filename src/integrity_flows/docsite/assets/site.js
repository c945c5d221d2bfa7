/* integrity-flows living documentation: search and the result filter, offline.
   The search index (search-index.js, window.SEARCH_INDEX) maps each pair of neighbouring
   characters to the documents holding it, so Thai, written without spaces between words,
   is found by any part of a word. A query's pairs are looked up, their documents
   intersected (rarest pair first), then only documents holding the whole query are kept. */
(function () {
  "use strict";

  function normalize(text) {
    return text.normalize("NFC").toLowerCase().replace(/\s+/g, " ").trim();
  }

  function candidates(index, query) {
    if (query.length < 2) {
      return index.docs.map(function (_, i) { return i; });
    }
    var lists = [];
    for (var i = 0; i < query.length - 1; i++) {
      var list = index.grams[query.slice(i, i + 2)];
      if (!list) { return []; }
      lists.push(list);
    }
    lists.sort(function (a, b) { return a.length - b.length; });
    var found = lists[0];
    for (var j = 1; j < lists.length && found.length; j++) {
      var other = new Set(lists[j]);
      found = found.filter(function (d) { return other.has(d); });
    }
    return found;
  }

  function search(query) {
    var index = window.SEARCH_INDEX;
    var q = normalize(query);
    if (!index || !q) { return []; }
    var hits = [];
    candidates(index, q).forEach(function (d) {
      var doc = index.docs[d];
      var at = doc[2].indexOf(q);
      if (at >= 0) {
        var count = doc[2].split(q).length - 1;
        hits.push({ url: doc[0], title: doc[1], text: doc[2], at: at, score: count });
      }
    });
    hits.sort(function (a, b) { return b.score - a.score; });
    return hits.slice(0, 30);
  }

  function snippet(hit, length) {
    var start = Math.max(0, hit.at - 40);
    var before = hit.text.slice(start, hit.at);
    var match = hit.text.slice(hit.at, hit.at + length);
    var after = hit.text.slice(hit.at + length, hit.at + length + 60);
    var small = document.createElement("small");
    small.append((start > 0 ? "…" : "") + before);
    var mark = document.createElement("mark");
    mark.textContent = match;
    small.append(mark, after + "…");
    return small;
  }

  function showHits() {
    var input = document.getElementById("search");
    var list = document.getElementById("hits");
    var none = document.getElementById("no-hits");
    var query = input.value;
    list.replaceChildren();
    if (!normalize(query)) { list.hidden = true; none.hidden = true; return; }
    var hits = search(query);
    hits.forEach(function (hit) {
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = hit.url;
      a.textContent = hit.title;
      li.append(a, snippet(hit, normalize(query).length));
      list.append(li);
    });
    list.hidden = hits.length === 0;
    none.hidden = hits.length !== 0;
  }

  function applyFilters() {
    var project = document.getElementById("filter-project").value;
    var tag = document.getElementById("filter-tag").value;
    var result = document.getElementById("filter-result").value;
    var shown = 0;
    document.querySelectorAll("#scenario-table .scenario-row").forEach(function (row) {
      var ok = (!project || row.dataset.projects.split(" ").indexOf(project) >= 0) &&
        (!tag || row.dataset.tags.split(" ").indexOf(tag) >= 0) &&
        (!result || row.dataset.result === result);
      row.hidden = !ok;
      if (ok) { shown++; }
    });
    document.getElementById("shown-count").textContent = String(shown);
  }

  function setUpFilters() {
    var table = document.getElementById("scenario-table");
    if (!table) { return; }
    var params = new URLSearchParams(window.location.search);
    ["project", "tag", "result"].forEach(function (name) {
      var select = document.getElementById("filter-" + name);
      if (params.get(name)) { select.value = params.get(name); }
      select.addEventListener("change", applyFilters);
    });
    applyFilters();
  }

  document.addEventListener("DOMContentLoaded", function () {
    var input = document.getElementById("search");
    if (input) {
      input.addEventListener("input", showHits);
      input.addEventListener("keydown", function (event) {
        if (event.key === "Escape") { input.value = ""; showHits(); }
      });
    }
    setUpFilters();
  });

  window.integrityFlowsSearch = search;
}());
