/*
 * The "write to an expert" form: the video part shows only for video messages; a video is
 * recorded here (MediaRecorder, stopped at the page's time limit) or chosen, then previewed before
 * sending. The server checks the file again (type, size, duration); this only saves a round trip.
 */
(function () {
  "use strict";

  var form = document.querySelector("[data-consultation-form]");
  if (!form) {
    return;
  }
  var videoPart = form.querySelector("[data-video-part]");
  var input = form.querySelector('input[type="file"][name="video"]');
  var preview = form.querySelector("[data-preview]");
  var maxSeconds = parseInt(form.dataset.maxSeconds, 10) || 180;

  function kind() {
    var checked = form.querySelector('input[name="kind"]:checked');
    return checked ? checked.value : "text";
  }

  function toggle() {
    if (videoPart) {
      videoPart.hidden = kind() !== "video";
    }
  }
  form.addEventListener("change", function (event) {
    if (event.target.name === "kind") {
      toggle();
    }
  });
  toggle();

  function show(blob) {
    if (!preview) {
      return;
    }
    preview.src = URL.createObjectURL(blob);
    preview.hidden = false;
  }

  if (input) {
    input.addEventListener("change", function () {
      if (input.files && input.files[0]) {
        show(input.files[0]);
      }
    });
  }

  var recorderPart = form.querySelector("[data-recorder]");
  if (!recorderPart || !input || !window.MediaRecorder || !navigator.mediaDevices || typeof DataTransfer === "undefined") {
    return;
  }
  recorderPart.hidden = false;
  var recordButton = recorderPart.querySelector("[data-record]");
  var stopButton = recorderPart.querySelector("[data-stop]");
  var timer = recorderPart.querySelector("[data-timer]");
  var recorder = null;
  var ticking = null;

  function stop() {
    if (recorder && recorder.state !== "inactive") {
      recorder.stop();
    }
  }

  recordButton.addEventListener("click", function () {
    navigator.mediaDevices.getUserMedia({ video: true, audio: true }).then(function (stream) {
      var chunks = [];
      var started = Date.now();
      recorder = new MediaRecorder(stream);
      recorder.addEventListener("dataavailable", function (event) {
        if (event.data.size) {
          chunks.push(event.data);
        }
      });
      recorder.addEventListener("stop", function () {
        window.clearInterval(ticking);
        stream.getTracks().forEach(function (track) {
          track.stop();
        });
        var blob = new Blob(chunks, { type: "video/webm" });
        var files = new DataTransfer();
        files.items.add(new File([blob], "question.webm", { type: "video/webm" }));
        input.files = files.files;
        show(blob);
        recordButton.hidden = false;
        stopButton.hidden = true;
      });
      recorder.start(1000);
      recordButton.hidden = true;
      stopButton.hidden = false;
      ticking = window.setInterval(function () {
        var seconds = Math.floor((Date.now() - started) / 1000);
        timer.textContent = seconds + " / " + maxSeconds + " s";
        if (seconds >= maxSeconds) {
          stop();
        }
      }, 500);
    });
  });
  stopButton.addEventListener("click", stop);
})();
