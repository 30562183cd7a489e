// hookbot's dashboard: the little it does in the browser. Nothing here is needed to read a page or use its forms.
// - An element with data-refresh="URL" is replaced every data-every seconds (5 by default) by what URL answers:
//   the overview's figures stay live without a reload. Served by hookbot from cached figures.
// - A button with data-confirm="question" asks before its form is sent.
(function () {
  'use strict';

  function refresh(element) {
    var url = element.getAttribute('data-refresh');
    var every = Math.max(1, parseInt(element.getAttribute('data-every') || '5', 10)) * 1000;
    function again() { window.setTimeout(tick, every); }
    function tick() {
      if (document.hidden) { again(); return; }
      fetch(url, { credentials: 'same-origin', headers: { 'Accept': 'text/html' } })
        .then(function (response) {
          if (response.redirected || response.status === 401) {
            // the session ended: the page itself now goes to the sign-in form
            window.location.reload();
            return null;
          }
          return response.ok ? response.text() : null;
        })
        .then(function (html) {
          if (html !== null) {
            // the server's own HTML, every value in it escaped there
            element.innerHTML = html;
            element.setAttribute('data-refreshed', String(Date.now()));
          }
        })
        .catch(function () { /* offline for a moment: the next round tries again */ })
        .then(again);
    }
    again();
  }

  document.addEventListener('DOMContentLoaded', function () {
    Array.prototype.forEach.call(document.querySelectorAll('[data-refresh]'), refresh);
    Array.prototype.forEach.call(document.querySelectorAll('button[data-confirm]'), function (button) {
      button.addEventListener('click', function (event) {
        if (!window.confirm(button.getAttribute('data-confirm'))) {
          event.preventDefault();
        }
      });
    });
  });
}());
