/* The show's pages: copy the feed address; on an episode page, play chapters and sentences
   in the page's player (their links open the MP3 at that time without this script), show
   the played part of the waveform and seek where it is clicked, and highlight the sentence
   being spoken. No dependencies. */
(function () {
  "use strict";

  function copyText(input, button) {
    var done = function () {
      var label = button.textContent;
      button.textContent = button.getAttribute("data-copied") || label;
      setTimeout(function () { button.textContent = label; }, 2000);
    };
    // The clipboard API needs a secure context; a phone on the local network has none.
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(input.value).then(done, function () {
        input.select();
      });
      return;
    }
    input.focus();
    input.select();
    try {
      if (document.execCommand("copy")) { done(); }
    } catch (e) { /* the text stays selected for a manual copy */ }
  }

  Array.prototype.forEach.call(document.querySelectorAll("[data-copy]"), function (button) {
    var input = document.getElementById(button.getAttribute("data-copy"));
    if (input) {
      button.addEventListener("click", function () { copyText(input, button); });
    }
  });

  var audio = document.getElementById("player");
  if (!audio) { return; }

  function timed(selector) {
    return Array.prototype.map.call(document.querySelectorAll(selector), function (el) {
      return { el: el, start: parseFloat(el.getAttribute("data-start")),
               end: parseFloat(el.getAttribute("data-end")) };
    });
  }
  var cues = timed(".cue");
  var chapters = timed(".chapter");

  // The item whose [start, end) holds t (items are in time order), or null.
  function at(items, t) {
    var lo = 0, hi = items.length - 1, found = -1;
    while (lo <= hi) {
      var mid = (lo + hi) >> 1;
      if (items[mid].start <= t) { found = mid; lo = mid + 1; } else { hi = mid - 1; }
    }
    return found >= 0 && t < items[found].end ? items[found] : null;
  }

  var lastUserScroll = 0;
  ["wheel", "touchmove", "keydown"].forEach(function (type) {
    window.addEventListener(type, function () { lastUserScroll = Date.now(); },
                            { passive: true });
  });

  function follow(el) {
    // Keep the spoken sentence in view while playing, unless the reader is scrolling.
    if (audio.paused || Date.now() - lastUserScroll < 4000) { return; }
    var box = el.getBoundingClientRect();
    if (box.top < 0 || box.bottom > window.innerHeight) {
      el.scrollIntoView({ block: "center", behavior: "smooth" });
    }
  }

  var current = { cue: null, chapter: null };
  function mark(kind, item) {
    var el = item ? item.el : null;
    if (el === current[kind]) { return; }
    if (current[kind]) {
      current[kind].classList.remove("current");
      current[kind].removeAttribute("aria-current");
    }
    if (el) {
      el.classList.add("current");
      el.setAttribute("aria-current", "true");
      if (kind === "cue") { follow(el); }
    }
    current[kind] = el;
  }

  var wave = document.querySelector(".waveform");
  var played = wave ? wave.querySelector(".played") : null;
  var waveWidth = wave ? wave.viewBox.baseVal.width : 0;
  function duration() {
    return isFinite(audio.duration) && audio.duration > 0 ? audio.duration
      : parseFloat(audio.getAttribute("data-duration"));
  }

  function update() {
    var t = audio.currentTime;
    mark("cue", at(cues, t));
    mark("chapter", at(chapters, t));
    if (played && duration() > 0) {
      played.setAttribute("width", Math.min(1, t / duration()) * waveWidth);
    }
  }
  ["timeupdate", "seeked", "loadedmetadata"].forEach(function (type) {
    audio.addEventListener(type, update);
  });

  function seek(seconds) {
    audio.currentTime = seconds;
    update();
    var playing = audio.play();
    if (playing && playing.catch) { playing.catch(function () { /* autoplay refused */ }); }
  }

  function seekFrom(event) {
    var el = event.target.closest ? event.target.closest("[data-seek]") : null;
    if (!el) { return false; }
    event.preventDefault();
    seek(parseFloat(el.getAttribute("data-seek")));
    return true;
  }
  document.addEventListener("click", seekFrom);
  if (wave) {
    wave.addEventListener("click", function (event) {
      var box = wave.getBoundingClientRect();
      if (box.width > 0 && duration() > 0) {
        seek(Math.max(0, Math.min(1, (event.clientX - box.left) / box.width)) * duration());
      }
    });
  }

  // A link such as episode.html#t=95 starts at that second.
  var match = /^#t=(\d+(?:\.\d+)?)$/.exec(window.location.hash);
  if (match) {
    var start = parseFloat(match[1]);
    var jump = function () { audio.currentTime = start; update(); };
    if (audio.readyState >= 1) { jump(); } else {
      audio.addEventListener("loadedmetadata", jump, { once: true });
    }
  }
})();
