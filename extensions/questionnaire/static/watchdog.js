// Three jobs Python cannot do well for itself on the page:
// 1. Say so when the Python scoring engine cannot start, so a form never looks "loading" forever
//    (and, on a page opened from disk, say at once that it must be served over HTTP, and how).
// 2. Wrap localStorage: when a browser blocks storage, merely reading window.localStorage throws,
//    and a JavaScript exception thrown by a property getter cannot be caught from MicroPython.
//    get() returns false when storage is unavailable, null when nothing is stored; listKeys()
//    returns the stored keys as JSON text ("[]" when storage is unavailable).
// 3. Move many DOM values across in one call (aitkDom). Every property read or write from
//    MicroPython crosses into JavaScript on its own; a form of 500 controls read that way cost
//    tens of milliseconds per answer. These helpers take and give JSON text and know nothing of
//    questionnaires: which control means what, and what a result changes, is decided in Python
//    (engine/form.py and engine/bind.py).
(function () {
  "use strict";
  var LIMIT_MS = 20000;

  window.aitkStorage = {
    get: function (key) {
      try { return window.localStorage.getItem(key); } catch (error) { return false; }
    },
    set: function (key, value) {
      try { window.localStorage.setItem(key, value); return true; } catch (error) { return false; }
    },
    remove: function (key) {
      try { window.localStorage.removeItem(key); return true; } catch (error) { return false; }
    },
    listKeys: function () {
      try {
        var keys = [];
        for (var i = 0; i < window.localStorage.length; i++) keys.push(window.localStorage.key(i));
        return JSON.stringify(keys);
      } catch (error) { return "[]"; }
    }
  };

  var CONTROLS = "input[name], textarea[name], select[name]";
  var SVG_NS = "http://www.w3.org/2000/svg";
  var HEX = [];
  for (var h = 0; h < 256; h++) HEX.push((h < 16 ? "0" : "") + h.toString(16));

  function kindOf(el) {
    if (el.tagName === "TEXTAREA") return "textarea";
    if (el.tagName === "SELECT") return "select";
    return el.getAttribute("type") || "text";
  }

  function checkable(kind) { return kind === "checkbox" || kind === "radio"; }

  // One control as the engine reads it (engine/form.py): [name, type, value, checked].
  function snapshot(el) {
    var kind = kindOf(el);
    return [el.getAttribute("name"), kind, el.value, checkable(kind) && el.checked];
  }

  function build(node, svg) {
    if (typeof node === "string") return document.createTextNode(node);
    svg = svg || node.tag === "svg";
    var el = svg ? document.createElementNS(SVG_NS, node.tag) : document.createElement(node.tag);
    node.attrs.forEach(function (pair) { el.setAttribute(pair[0], pair[1]); });
    node.children.forEach(function (child) { el.appendChild(build(child, svg)); });
    return el;
  }

  function replaceContent(el, child) {
    while (el.firstChild) el.removeChild(el.firstChild);
    if (child) el.appendChild(child);
  }

  function applyOne(el, update) {
    update.attributes.forEach(function (pair) { el.setAttribute(pair[0], pair[1]); });
    update.texts.forEach(function (pair) {
      var target = pair[0] ? el.querySelector(pair[0]) : el;
      if (target) target.textContent = pair[1];
    });
    if (update.hidden !== null) el.hidden = update.hidden;
    if (update.tree !== null) replaceContent(el, build(update.tree));
    if (update.lines !== null) {
      var list = document.createElement("ul");
      update.lines.forEach(function (line) {
        var item = document.createElement("li");
        item.textContent = line;
        list.appendChild(item);
      });
      replaceContent(el, list);
    }
    // Listed children move to the end in the listed order: the DOM order is the reading order.
    if (update.order) {
      update.order.forEach(function (selector) {
        var child = el.querySelector(":scope > " + selector);
        if (child) el.appendChild(child);
      });
    }
  }

  window.aitkDom = {
    // A form's named controls in document order, as JSON: [[name, type, value, checked], ...].
    // With filledOnly, unticked boxes and radio buttons (they hold no answer) are left out;
    // texts and lists always count.
    controls: function (form, filledOnly) {
      var out = [];
      form.querySelectorAll(CONTROLS).forEach(function (el) {
        if (filledOnly && checkable(kindOf(el)) && !el.checked) return;
        out.push(snapshot(el));
      });
      return JSON.stringify(out);
    },
    // The one control that changed, as JSON: [name, type, value, checked].
    snapshot: function (el) { return JSON.stringify(snapshot(el)); },
    // Give each control, in the order of controls(form, false), its state: {"value": text} or {"checked": bool}.
    // A note box (<details>) holding text is opened, so a restored note is seen.
    write: function (form, statesJson) {
      var states = JSON.parse(statesJson);
      form.querySelectorAll(CONTROLS).forEach(function (el, i) {
        var state = states[i];
        if (!state) return;
        if ("value" in state) {
          if (el.value !== state.value) el.value = state.value;
          var box = state.value ? el.closest("details") : null;
          if (box) box.open = true;
        } else if (el.checked !== state.checked) {
          el.checked = state.checked;
        }
      });
    },
    // Apply engine/bind.py's updates (JSON list) to every element each selector matches.
    apply: function (form, updatesJson) {
      JSON.parse(updatesJson).forEach(function (update) {
        form.querySelectorAll(update.selector).forEach(function (el) { applyOne(el, update); });
      });
    },
    // An element built from an engine element tree (engine/tree.py), given as JSON.
    build: function (treeJson) { return build(JSON.parse(treeJson), false); },
    // Bytes cross as hex text (binascii is native in MicroPython; a bytes object would cross as
    // a proxy, and a list one number at a time): part of a file's ArrayBuffer as hex, hex as bytes.
    sliceHex: function (buffer, offset, length) {
      offset = Math.min(offset, buffer.byteLength);
      var bytes = new Uint8Array(buffer, offset, Math.max(0, Math.min(length, buffer.byteLength - offset)));
      var out = new Array(bytes.length);
      for (var i = 0; i < bytes.length; i++) out[i] = HEX[bytes[i]];
      return out.join("");
    },
    fromHex: function (hex) {
      var bytes = new Uint8Array(hex.length >> 1);
      for (var i = 0; i < bytes.length; i++) bytes[i] = parseInt(hex.substr(i * 2, 2), 16);
      return bytes;
    },
    // A file's ArrayBuffer as UTF-8 text, or null when it is not UTF-8.
    text: function (buffer) {
      try { return new TextDecoder("utf-8", { fatal: true }).decode(buffer); } catch (error) { return null; }
    }
  };

  // Opened from disk (file://), module scripts never run: say why and what to do, at once.
  var fromDisk = window.location.protocol === "file:";

  function fail() {
    document.querySelectorAll("form[data-questionnaire], [data-questionnaire-check]").forEach(function (form) {
      if (form.getAttribute("data-ready") === "true") return;
      form.setAttribute("data-ready", "failed");
      var status = form.querySelector('[data-role="status"]');
      if (status) status.textContent = status.getAttribute(fromDisk ? "data-file" : "data-failed");
      // Scoring on paper needs the rules: a page that keeps them elsewhere shows them now.
      var box = form.closest(".questionnaire");
      var rules = box && box.querySelector(".questionnaire-how-fallback");
      if (rules) rules.hidden = false;
    });
  }
  if (fromDisk) document.addEventListener("DOMContentLoaded", fail);
  window.addEventListener("error", function (event) {
    var source = (event && event.filename) || "";
    if (source.indexOf("pyscript") !== -1 || source.indexOf("micropython") !== -1) fail();
  });
  window.addEventListener("unhandledrejection", fail);
  // PyScript says when the page's Python has run, with or without an error: a form that is not
  // live by then never will be (an engine module that raised on import, say).
  document.addEventListener("mpy:done", function () { window.setTimeout(fail, 0); });
  window.setTimeout(fail, LIMIT_MS);
})();
