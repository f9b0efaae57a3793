/*
 * outage-radar customer notice: put
 *   <script src="https://STATUS-SERVER/b/YOUR-BUSINESS-ID/notice.js" async></script>
 * on your site. While one of your channels is down because its platform is, your visitors see a
 * short banner in their language saying so and what to do instead; otherwise nothing at all.
 * No dependencies, no cookies, no inline code; the text is inserted as text. Optional attribute:
 * data-target="ID" puts the banner at the top of that element instead of the page.
 */
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script || !window.fetch) {
    return;
  }
  var url = script.src.replace(/notice\.js(\?.*)?$/, "notice.json");
  fetch(url, { credentials: "omit" })
    .then(function (answer) {
      return answer.ok ? answer.json() : null;
    })
    .then(function (notice) {
      if (!notice || !notice.notices || notice.notices.length === 0) {
        return;
      }
      var banner = document.createElement("div");
      banner.className = "outage-radar-notice";
      banner.setAttribute("role", "status");
      if (notice.language) {
        banner.setAttribute("lang", notice.language);
      }
      banner.style.background = "#fff4e5";
      banner.style.color = "#3d2a00";
      banner.style.border = "1px solid #f0b34a";
      banner.style.padding = "0.75em 1em";
      banner.style.margin = "0 0 1em 0";
      banner.style.font = "inherit";
      notice.notices.forEach(function (item) {
        var line = document.createElement("p");
        line.style.margin = "0.25em 0";
        line.textContent = item.text;
        banner.appendChild(line);
      });
      var target = script.getAttribute("data-target");
      var parent = (target && document.getElementById(target)) || document.body;
      parent.insertBefore(banner, parent.firstChild);
    })
    .catch(function () {
      // the shop's page works as before when the notice cannot be had
    });
})();
