// The indicator rows of the draft editor (/drafts/{id}): the 二级 input suggests the labels under the row's
// 一级 (a datalist per 一级, switched when the 一级 changes), and the 三级 name input suggests what the
// indicator library (GET /api/v1/library/indicators) knows under the row's 二级, labelled with the usual
// targets. Choosing a suggested name while the row's target is empty (and not being typed in) fills in the
// most usual target.
// Rows are found through data-library attributes; no inline script anywhere (the Content-Security-Policy
// forbids it). Without this script the inputs stay plain inputs.
(function () {
  "use strict";
  var names = document.getElementById("library-names");
  if (!names || !window.fetch) { return; }
  var source = names.getAttribute("data-source");
  var formsLabel = names.getAttribute("data-forms") || "{n}";
  var cache = {};     // "一级|二级" → promise of the library's indicators
  var shown = [];     // the indicators the datalist holds now
  var shownKey = null; // and whose they are
  var wanted = "";    // the key the datalist should show (the last focused row's)

  function field(row, kind) { return row ? row.querySelector("[data-library=" + kind + "]") : null; }

  function key(row) {
    var level1 = field(row, "level1"), level2 = field(row, "level2");
    return (level1 ? level1.value : "") + "|" + (level2 ? level2.value.trim() : "");
  }

  function load(k) {
    if (!cache[k]) {
      var parts = k.split("|");
      var url = source + "?limit=100&level2=" + encodeURIComponent(parts[1]) + (parts[0] ? "&level1=" + encodeURIComponent(parts[0]) : "");
      cache[k] = fetch(url, { headers: { Accept: "application/json" } })
        .then(function (r) { return r.ok ? r.json() : { indicators: [] }; })
        .then(function (body) { return body.indicators || []; })
        .catch(function () { delete cache[k]; return []; });
    }

    return cache[k];
  }

  function label(indicator) {
    var targets = indicator.targets.map(function (t) { return t.target + " ×" + t.count; }).join(" · ");
    var used = formsLabel.replace("{n}", indicator.forms);
    return targets ? targets + "（" + used + "）" : used;
  }

  // Fills the datalist with the library of the row's 二级 (nothing while the 二级 is empty).
  function suggest(row) {
    var k = key(row);
    wanted = k;
    if (!k.split("|")[1]) {
      names.replaceChildren();
      shown = [];
      shownKey = k;
      return Promise.resolve();
    }

    return load(k).then(function (indicators) {
      if (wanted !== k) { return; } // another row has the focus by now
      shown = indicators;
      shownKey = k;
      names.replaceChildren.apply(names, indicators.map(function (indicator) {
        var option = document.createElement("option");
        option.value = indicator.name;
        option.label = label(indicator);
        option.setAttribute("data-target", indicator.targets.length ? indicator.targets[0].target : "");
        return option;
      }));
    });
  }

  // A suggested name chosen (or typed in full) while the row's target is empty: the usual target goes in.
  function fill(row) {
    var name = field(row, "name"), target = field(row, "target");
    // The library answers asynchronously: a target the user is in (or has typed in) is never written over.
    if (!name || !target || target.value.trim() !== "" || shownKey !== key(row)) { return; }
    if (document.activeElement === target || target.hasAttribute("data-typed")) { return; }
    for (var i = 0; i < shown.length; i++) {
      if (shown[i].name === name.value.trim() && shown[i].targets.length) {
        target.value = shown[i].targets[0].target;
        target.dispatchEvent(new Event("input", { bubbles: true }));
        return;
      }
    }
  }

  function level2List(row) {
    var level1 = field(row, "level1"), level2 = field(row, "level2");
    if (level1 && level2) { level2.setAttribute("list", "level2-" + level1.value); }
  }

  document.querySelectorAll("[data-library=level1]").forEach(function (select) { level2List(select.closest("tr")); });

  document.addEventListener("focusin", function (e) {
    var kind = e.target.getAttribute && e.target.getAttribute("data-library");
    if (kind === "name") { suggest(e.target.closest("tr")); }
  });

  document.addEventListener("input", function (e) {
    var kind = e.target.getAttribute && e.target.getAttribute("data-library");
    if (kind === "target" && e.isTrusted) { e.target.setAttribute("data-typed", ""); }
    if (kind !== "name") { return; }
    var row = e.target.closest("tr");
    if (shownKey === key(row)) { fill(row); } else { suggest(row).then(function () { fill(row); }); }
  });

  document.addEventListener("change", function (e) {
    var kind = e.target.getAttribute && e.target.getAttribute("data-library");
    var row = e.target.closest && e.target.closest("tr");
    if (kind === "level1") { level2List(row); }
    if (kind === "level1" || kind === "level2") {
      var name = field(row, "name");
      if (name && document.activeElement === name) { suggest(row); }
    }
    if (kind === "name") { fill(row); }
  });
})();
