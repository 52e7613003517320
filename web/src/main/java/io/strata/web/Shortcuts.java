package io.strata.web;

import java.util.List;

/**
 * Keyboard shortcuts of every page: {@code 1}–{@code 6}, or {@code g} then a page's first letter,
 * follow the navigation's links (a page when served, a section in the export); {@code /} focuses
 * the page's search or filter. Keys typed into a field are left alone, as are keys with Ctrl, Alt
 * or Meta, so the browser's own shortcuts keep working.
 */
final class Shortcuts {

    private Shortcuts() {}

    /**
     * Site-wide, so it reads the navigation rather than knowing the pages: the links decide where a
     * key goes, served or exported alike.
     */
    static final String SCRIPT = """
            (function () {
              'use strict';
              var links = Array.prototype.slice.call(document.querySelectorAll('nav[aria-label="Pages"] a'));
              var afterG = false;
              var gTimer = null;
              function typing(target) {
                if (!target || !target.tagName) { return false; }
                var tag = target.tagName.toLowerCase();
                return tag === 'input' || tag === 'textarea' || tag === 'select' || target.isContentEditable === true;
              }
              function searchField() {
                var fields = Array.prototype.slice.call(document.querySelectorAll('#who-can, #journal-filter'));
                var inView = fields.filter(function (field) {
                  var box = (field.closest('section') || field).getBoundingClientRect();
                  return box.top < window.innerHeight && box.bottom > 0;
                });
                return inView[0] || fields[0] || null;
              }
              document.addEventListener('keydown', function (event) {
                if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || typing(event.target)) { return; }
                var key = event.key;
                if (afterG) {
                  afterG = false;
                  clearTimeout(gTimer);
                  var named = links.filter(function (a) { return a.textContent.trim().charAt(0).toLowerCase() === key; })[0];
                  if (named) { event.preventDefault(); named.click(); }
                  return;
                }
                if (key.length === 1 && key >= '1' && key <= '9' && links[Number(key) - 1]) {
                  event.preventDefault();
                  links[Number(key) - 1].click();
                } else if (key === 'g') {
                  afterG = true;
                  gTimer = setTimeout(function () { afterG = false; }, 1500);
                } else if (key === '/') {
                  var field = searchField();
                  if (field) { event.preventDefault(); field.focus(); field.select(); }
                }
              });
            })();""";

    /** The hint in the header: what each key does, closed until asked for. */
    static void hint(StringBuilder out, List<Page> pages) {
        out.append("<details class=\"keys\"><summary>Keyboard shortcuts</summary><ul>");
        for (int i = 0; i < pages.size(); i++) {
            Page page = pages.get(i);
            out.append("<li><kbd>").append(i + 1).append("</kbd> or <kbd>g</kbd> <kbd>")
                    .append(Character.toLowerCase(page.title().charAt(0))).append("</kbd>: ").append(page.title())
                    .append("</li>");
        }
        out.append("<li><kbd>/</kbd>: the page's search or filter field</li>")
                .append("<li><kbd>Tab</kbd>: the next link, button or field; <kbd>Enter</kbd> follows or selects it</li>")
                .append("</ul><p>The keys need JavaScript and are ignored while typing in a field.</p></details>\n");
    }
}
