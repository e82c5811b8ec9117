/* Glossary pop-overs: hovering or focusing a link to a glossary term shows the term's short definition.
 *
 * The definitions come from the page's <script type="application/json" id="glossary-definitions">, written
 * at build time with only the terms this page links. One tooltip element per term is made here and tied to
 * its links with aria-describedby, so a screen reader announces the definition with the link. The tooltip
 * stays while the pointer is over the link or the tooltip itself, and Escape dismisses it (WCAG 1.4.13).
 * The link itself is untouched: Enter or a click still opens the glossary entry.
 * Text goes in with textContent only. No library, no network.
 */
(function () {
  "use strict";

  var HIDE_DELAY_MS = 150; // time to move the pointer from the link onto the tooltip
  var GAP_PX = 6;

  function readDefinitions() {
    var block = document.getElementById("glossary-definitions");
    if (!block) {
      return null;
    }
    try {
      return JSON.parse(block.textContent);
    } catch (error) {
      return null;
    }
  }

  function anchorOf(link) {
    var href = link.getAttribute("href") || "";
    var hash = href.indexOf("#");
    return hash === -1 ? "" : decodeURIComponent(href.slice(hash + 1));
  }

  function makeTooltip(anchor, entry) {
    var tip = document.createElement("div");
    tip.id = "glossary-popover-" + anchor;
    tip.className = "glossary-popover";
    tip.setAttribute("role", "tooltip");
    tip.hidden = true;
    var term = document.createElement("span");
    term.className = "glossary-popover-term";
    term.textContent = entry.term;
    var definition = document.createElement("span");
    definition.className = "glossary-popover-definition";
    definition.textContent = entry.definition;
    tip.appendChild(term);
    tip.appendChild(document.createTextNode(": "));
    tip.appendChild(definition);
    document.body.appendChild(tip);
    return tip;
  }

  function place(tip, link) {
    var rect = link.getBoundingClientRect();
    var page = document.documentElement;
    tip.style.left = "0px";
    tip.style.top = "0px";
    var width = tip.offsetWidth;
    var height = tip.offsetHeight;
    var left = Math.min(rect.left, page.clientWidth - width - 8);
    var top = rect.bottom + GAP_PX;
    if (top + height > page.clientHeight && rect.top - GAP_PX - height > 0) {
      top = rect.top - GAP_PX - height; // no room below: show it above the link
    }
    tip.style.left = Math.max(8, left) + window.scrollX + "px";
    tip.style.top = top + window.scrollY + "px";
  }

  function setUp() {
    var entries = readDefinitions();
    if (!entries) {
      return;
    }
    var tips = {};
    var shown = null; // {tip, link}
    var hideTimer = null;

    function cancelHide() {
      if (hideTimer !== null) {
        window.clearTimeout(hideTimer);
        hideTimer = null;
      }
    }

    function hide() {
      cancelHide();
      if (shown) {
        shown.tip.hidden = true;
        shown = null;
      }
    }

    function show(link, tip) {
      cancelHide();
      if (shown && shown.tip !== tip) {
        shown.tip.hidden = true;
      }
      tip.hidden = false;
      place(tip, link);
      shown = { tip: tip, link: link };
    }

    function hideSoon() {
      cancelHide();
      hideTimer = window.setTimeout(function () {
        var link = shown && shown.link;
        // Stay while the link keeps keyboard focus or the pointer rests on the link or the tooltip.
        if (shown && (document.activeElement === link || link.matches(":hover") || shown.tip.matches(":hover"))) {
          return;
        }
        hide();
      }, HIDE_DELAY_MS);
    }

    var links = document.querySelectorAll("article a.reference[href*='#']");
    Array.prototype.forEach.call(links, function (link) {
      var anchor = anchorOf(link);
      var entry = Object.prototype.hasOwnProperty.call(entries, anchor) ? entries[anchor] : null;
      if (!entry || !link.querySelector(".std-term")) {
        return;
      }
      if (!tips[anchor]) {
        tips[anchor] = makeTooltip(anchor, entry);
        tips[anchor].addEventListener("mouseenter", cancelHide);
        tips[anchor].addEventListener("mouseleave", hideSoon);
      }
      var tip = tips[anchor];
      link.setAttribute("aria-describedby", tip.id);
      link.classList.add("glossary-popover-link");
      link.addEventListener("mouseenter", function () { show(link, tip); });
      link.addEventListener("focus", function () { show(link, tip); });
      link.addEventListener("mouseleave", hideSoon);
      link.addEventListener("blur", function () {
        if (shown && shown.link === link) {
          hide();
        }
      });
    });

    document.addEventListener("keydown", function (event) {
      if ((event.key === "Escape" || event.key === "Esc") && shown) {
        hide(); // dismiss without moving focus or the pointer
      }
    });
    window.addEventListener("resize", function () {
      if (shown) {
        place(shown.tip, shown.link);
      }
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUp);
  } else {
    setUp();
  }
})();
