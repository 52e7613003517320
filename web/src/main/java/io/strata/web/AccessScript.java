package io.strata.web;

/**
 * The access page's script: the "who can" search over the matrix cells' {@code data-*}
 * attributes ({@link AccessMatrixHtml} describes them). Results are built with {@code textContent}, never as HTML, so hostile names stay text.
 */
final class AccessScript {

    private AccessScript() {}

    static final String JS = """
            (function () {
              var section = document.getElementById('access');
              var input = section && section.querySelector('#who-can');
              var result = section && section.querySelector('#who-can-result');
              if (!input || !result) { return; }
              var PRIVILEGES = ['SELECT', 'INSERT', 'UPDATE', 'DELETE', 'TRUNCATE', 'REFERENCES', 'TRIGGER',
                'MAINTAIN', 'USAGE', 'CREATE', 'CONNECT', 'TEMPORARY', 'EXECUTE'];
              var byObject = null;
              function index() {
                byObject = new Map();
                section.querySelectorAll('table.matrix td[data-how]').forEach(function (cell) {
                  var key = cell.getAttribute('data-object');
                  if (!byObject.has(key)) { byObject.set(key, []); }
                  byObject.get(key).push(cell);
                });
              }
              function parse(text) {
                var privilege = null;
                var rest = [];
                text.trim().split(/\\s+/).forEach(function (word) {
                  var upper = word.toUpperCase();
                  if (privilege === null && PRIVILEGES.indexOf(upper) >= 0) { privilege = upper; }
                  else if (privilege === null && upper === 'READ') { privilege = 'SELECT'; }
                  else if (word) { rest.push(word); }
                });
                return { privilege: privilege, object: rest.join(' ').toLowerCase() };
              }
              function el(tag, text) {
                var e = document.createElement(tag);
                if (text !== undefined) { e.textContent = text; }
                return e;
              }
              var routesOf = new Map();
              function routes(header) {
                if (!routesOf.has(header)) {
                  var list = [];
                  try { list = JSON.parse(header.getAttribute('data-routes') || '[]'); } catch (e) { list = []; }
                  routesOf.set(header, list);
                }
                return routesOf.get(header);
              }
              // One line per role and way of holding: "alice: SELECT, INSERT (via alice → analyst)".
              function holders(cells, privilege) {
                var found = [];
                cells.forEach(function (cell) {
                  var header = cell.parentElement.querySelector('th[scope="row"]');
                  var via = header ? routes(header) : [];
                  var byHow = new Map();
                  cell.getAttribute('data-how').split(' ').forEach(function (token) {
                    var m = /^([A-Z]+)=([0-9]+)(o?)$/.exec(token);
                    if (!m || (privilege !== null && m[1] !== privilege && m[1] !== 'ALL')) { return; }
                    var how = via[Number(m[2])] || '';
                    if (m[3]) { how = how === 'direct' ? 'owner' : how + ', the owner'; }
                    if (!byHow.has(how)) { byHow.set(how, []); }
                    byHow.get(how).push(m[1]);
                  });
                  byHow.forEach(function (privileges, how) {
                    found.push(cell.getAttribute('data-role') + ': ' + privileges.join(', ') + ' (' + how + ')');
                  });
                });
                return found;
              }
              function answer() {
                var query = parse(input.value);
                result.textContent = '';
                if (!query.object) { return; }
                if (byObject === null) { index(); }
                var objects = [];
                byObject.forEach(function (cells, key) { if (key.toLowerCase() === query.object) { objects.push(key); } });
                if (objects.length === 0) {
                  byObject.forEach(function (cells, key) {
                    if (key.toLowerCase().indexOf(query.object) >= 0) { objects.push(key); }
                  });
                }
                if (objects.length === 0) {
                  result.appendChild(el('p', 'No table or schema with a grant matches \\u201c' + query.object + '\\u201d.'));
                  return;
                }
                objects.slice(0, 20).forEach(function (key) {
                  var found = holders(byObject.get(key), query.privilege);
                  result.appendChild(el('p')).appendChild(el('strong', key + (query.privilege ? ' (' + query.privilege + ')' : '')));
                  if (found.length === 0) {
                    result.appendChild(el('p', 'Nobody holds ' + query.privilege + ' on it.'));
                    return;
                  }
                  var list = result.appendChild(el('ul'));
                  found.forEach(function (line) { list.appendChild(el('li', line)); });
                });
                if (objects.length > 20) {
                  result.appendChild(el('p', (objects.length - 20) + ' more match: type more of the name.'));
                }
              }
              input.addEventListener('input', answer);
              if (input.value) { answer(); }
            })();
            """;
}
