/* The call page: lobby (camera and microphone check), then a peer-to-peer WebRTC call signalled over
 * /ws/calls/<booking>/ (see commerce/calls/consumers.py for the frames). The server meters the call
 * from this page's heartbeats; the page only shows what the server says it costs.
 *
 * Negotiation follows the "perfect negotiation" pattern: the side already in the room offers when the
 * other joins; the client is the polite peer and gives way if both offer at once. Whiteboard strokes go
 * over an RTCDataChannel (the socket when the channel is not open yet); chat goes over the socket.
 */
(function () {
  "use strict";

  var root = document.getElementById("call");
  if (!root) return;
  var T = JSON.parse(document.getElementById("call-strings").textContent);
  var role = root.dataset.role;
  var polite = role === "client";
  var $ = function (name) { return root.querySelector("[data-" + name + "]"); };

  var localStream = null;   // camera + microphone
  var screenTrack = null;
  var pc = null;
  var channel = null;       // the whiteboard's data channel
  var socket = null;
  var ended = false;
  var makingOffer = false;
  var ignoreOffer = false;
  var heartbeatTimer = null;
  var statsTimer = null;
  var reconnectDelay = 1000;
  var meter = { seconds: 0, at: 0, running: false };
  var iceConfig = { iceServers: [], iceTransportPolicy: "all" };
  var recorder = null;
  var recording = { id: null, seq: 0, queue: Promise.resolve() };
  var iAgreeToRecord = false;
  var boardUsed = false;

  function csrfToken() {
    var input = root.querySelector("input[name=csrfmiddlewaretoken]");
    return input ? input.value : "";
  }

  function showError(message) {
    var box = $("error");
    box.textContent = message;
    box.hidden = false;
    window.setTimeout(function () { box.hidden = true; }, 6000);
  }

  function setPeerState(text) { $("peer-state").textContent = text; }

  // --- Devices -------------------------------------------------------------------------------------
  function constraints() {
    var camera = $("camera").value;
    var microphone = $("microphone").value;
    return {
      video: camera ? { deviceId: { exact: camera } } : true,
      audio: microphone ? { deviceId: { exact: microphone } } : true,
    };
  }

  function fillDevices(devices) {
    [["camera", "videoinput"], ["microphone", "audioinput"]].forEach(function (pair) {
      var select = $(pair[0]);
      var current = select.value;
      select.textContent = "";
      devices.filter(function (d) { return d.kind === pair[1]; }).forEach(function (device, index) {
        var option = document.createElement("option");
        option.value = device.deviceId;
        option.textContent = device.label || pair[0] + " " + (index + 1);
        select.appendChild(option);
      });
      if (current) select.value = current;
    });
  }

  function openDevices() {
    return navigator.mediaDevices.getUserMedia(constraints()).then(function (stream) {
      var previous = localStream;
      localStream = stream;
      $("preview").srcObject = stream;
      $("local").srcObject = stream;
      if (previous) previous.getTracks().forEach(function (track) { track.stop(); });
      if (pc) {
        pc.getSenders().forEach(function (sender) {
          if (!sender.track) return;
          var replacement = stream.getTracks().filter(function (t) { return t.kind === sender.track.kind; })[0];
          if (replacement && !(screenTrack && sender.track === screenTrack)) sender.replaceTrack(replacement);
        });
      }
      $("media-error").hidden = true;
      return navigator.mediaDevices.enumerateDevices().then(fillDevices);
    }).catch(function () { $("media-error").hidden = false; });
  }

  $("camera").addEventListener("change", openDevices);
  $("microphone").addEventListener("change", openDevices);

  // --- Signaling -----------------------------------------------------------------------------------
  function send(frame) {
    if (socket && socket.readyState === WebSocket.OPEN) socket.send(JSON.stringify(frame));
  }

  function connect() {
    var scheme = window.location.protocol === "https:" ? "wss://" : "ws://";
    socket = new WebSocket(scheme + window.location.host + root.dataset.socket);
    socket.addEventListener("open", function () { reconnectDelay = 1000; });
    socket.addEventListener("message", function (event) { onFrame(JSON.parse(event.data)); });
    socket.addEventListener("close", function () {
      window.clearInterval(heartbeatTimer);
      if (ended) return;
      setPeerState(T.reconnecting);
      window.setTimeout(connect, reconnectDelay);
      reconnectDelay = Math.min(reconnectDelay * 2, 15000);
    });
  }

  var handlers = {
    welcome: function (frame) {
      iceConfig = { iceServers: frame.ice_servers, iceTransportPolicy: frame.ice_transport_policy };
      showMeter(frame.meter);
      showRecording(frame.recording);
      setPeerState(frame.peer_present ? T.connecting : T.waiting);
      window.clearInterval(heartbeatTimer);
      heartbeatTimer = window.setInterval(function () { send({ type: "heartbeat" }); }, frame.heartbeat_seconds * 1000);
    },
    peer: function (frame) {
      if (frame.state === "joined") {
        setPeerState(T.connecting);
        send({ type: "heartbeat" }); // both are in: the meter starts now, not at the next beat
        newPeer(true);
      } else {
        setPeerState(T.left);
        closePeer();
      }
    },
    offer: function (frame) { onDescription({ type: "offer", sdp: frame.sdp }); },
    answer: function (frame) { onDescription({ type: "answer", sdp: frame.sdp }); },
    ice: function (frame) {
      if (pc && frame.candidate) pc.addIceCandidate(frame.candidate).catch(function () {});
    },
    chat: function (frame) { addChat(frame.text, false); },
    whiteboard: function (frame) { drawRemote(frame.stroke); },
    control: function () {},
    meter: showMeter,
    warning: function () { $("warning").hidden = false; },
    recording: function (frame) {
      if (frame.role !== role && frame.on && !iAgreeToRecord) $("record-note").hidden = false;
      showRecording(frame.agreed);
      if (frame.agreed && frame.role === role) startRecorder();
      if (!frame.agreed) stopRecorder();
    },
    ended: function () {
      ended = true;
      stopRecorder().then(function () {
        closePeer();
        window.location.assign(root.dataset.summary);
      });
    },
    error: function (frame) { showError(frame.message); },
  };

  function onFrame(frame) {
    var handler = handlers[frame.type];
    if (handler) handler(frame);
  }

  // --- The peer connection -------------------------------------------------------------------------
  function newPeer(offering) {
    closePeer();
    pc = new RTCPeerConnection(iceConfig);
    root.peerConnection = pc;
    localStream.getTracks().forEach(function (track) {
      var sent = track.kind === "video" && screenTrack ? screenTrack : track;
      pc.addTrack(sent, localStream);
    });
    pc.addEventListener("track", function (event) {
      $("remote").srcObject = event.streams[0];
    });
    pc.addEventListener("icecandidate", function (event) {
      send({ type: "ice", candidate: event.candidate ? event.candidate.toJSON() : null });
    });
    pc.addEventListener("negotiationneeded", function () {
      if (!offering) return;
      makingOffer = true;
      pc.setLocalDescription().then(function () {
        send({ type: "offer", sdp: pc.localDescription.sdp });
      }).catch(function () {}).finally(function () { makingOffer = false; });
    });
    pc.addEventListener("connectionstatechange", function () {
      if (!pc) return;
      if (pc.connectionState === "connected") {
        setPeerState(T.connected);
        send({ type: "heartbeat" }); // media flow: the meter shows the call as started at once
      }
      if (pc.connectionState === "failed") pc.restartIce();
    });
    pc.addEventListener("datachannel", function (event) { useChannel(event.channel); });
    if (offering) useChannel(pc.createDataChannel("whiteboard"));
    startStats();
  }

  function onDescription(description) {
    if (!pc) newPeer(false);
    var collision = description.type === "offer" && (makingOffer || pc.signalingState !== "stable");
    ignoreOffer = !polite && collision;
    if (ignoreOffer) return;
    pc.setRemoteDescription(description).then(function () {
      if (description.type !== "offer") return null;
      return pc.setLocalDescription().then(function () {
        send({ type: "answer", sdp: pc.localDescription.sdp });
      });
    }).catch(function (error) { showError(String(error)); });
  }

  function closePeer() {
    window.clearInterval(statsTimer);
    if (pc) pc.close();
    pc = null;
    channel = null;
    $("remote").srcObject = null;
  }

  // --- Network quality (getStats) ------------------------------------------------------------------
  function startStats() {
    window.clearInterval(statsTimer);
    statsTimer = window.setInterval(function () {
      if (!pc) return;
      pc.getStats().then(function (report) {
        var rtt = null, lost = 0, received = 0;
        report.forEach(function (stat) {
          if (stat.type === "transport" && stat.selectedCandidatePairId) {
            var pair = report.get(stat.selectedCandidatePairId);
            if (pair && pair.currentRoundTripTime !== undefined) rtt = pair.currentRoundTripTime;
          }
          if (stat.type === "inbound-rtp") { lost += stat.packetsLost || 0; received += stat.packetsReceived || 0; }
        });
        if (rtt === null) return;
        var loss = received ? lost / (lost + received) : 0;
        var level = rtt < 0.15 && loss < 0.02 ? "good" : rtt < 0.4 && loss < 0.08 ? "fair" : "poor";
        var indicator = $("quality");
        indicator.dataset.level = level;
        indicator.textContent = T["network_" + level];
      });
    }, 2000);
  }

  // --- Meter ---------------------------------------------------------------------------------------
  function two(n) { return (n < 10 ? "0" : "") + n; }

  function showMeter(frame) {
    meter = { seconds: frame.seconds, at: Date.now(), running: frame.started };
    $("coins").textContent = frame.coins;
  }

  window.setInterval(function () {
    var seconds = meter.seconds + (meter.running && pc ? Math.floor((Date.now() - meter.at) / 1000) : 0);
    var h = Math.floor(seconds / 3600), m = Math.floor(seconds / 60) % 60, s = seconds % 60;
    $("elapsed").textContent = (h ? h + ":" : "") + two(m) + ":" + two(s);
  }, 1000);

  // --- Controls ------------------------------------------------------------------------------------
  function toggle(button, on, onText, offText) {
    button.setAttribute("aria-pressed", on ? "true" : "false");
    button.textContent = on ? onText : offText;
  }

  $("mute").addEventListener("click", function () {
    var muted = this.getAttribute("aria-pressed") !== "true";
    localStream.getAudioTracks().forEach(function (t) { t.enabled = !muted; });
    toggle(this, muted, T.unmute, T.mute);
    send({ type: "control", state: { muted: muted } });
  });

  $("camera-toggle").addEventListener("click", function () {
    var off = this.getAttribute("aria-pressed") !== "true";
    localStream.getVideoTracks().forEach(function (t) { t.enabled = !off; });
    toggle(this, off, T.camera_on, T.camera_off);
    send({ type: "control", state: { camera: !off } });
  });

  function videoSender() {
    return pc ? pc.getSenders().filter(function (s) { return s.track && s.track.kind === "video"; })[0] : null;
  }

  function stopSharing() {
    if (!screenTrack) return;
    screenTrack.stop();
    screenTrack = null;
    var sender = videoSender();
    if (sender) sender.replaceTrack(localStream.getVideoTracks()[0]);
    $("local").srcObject = localStream;
    toggle($("share"), false, T.stop_share, T.share);
    send({ type: "control", state: { screen: false } });
  }

  $("share").addEventListener("click", function () {
    if (screenTrack) { stopSharing(); return; }
    navigator.mediaDevices.getDisplayMedia({ video: true }).then(function (stream) {
      screenTrack = stream.getVideoTracks()[0];
      screenTrack.addEventListener("ended", stopSharing);
      var sender = videoSender();
      if (sender) sender.replaceTrack(screenTrack);
      $("local").srcObject = stream;
      toggle($("share"), true, T.stop_share, T.share);
      send({ type: "control", state: { screen: true } });
    }).catch(function () {});
  });

  $("record").addEventListener("click", function () {
    iAgreeToRecord = !iAgreeToRecord;
    toggle(this, iAgreeToRecord, T.stop_record, T.record);
    $("record-note").hidden = true;
    send({ type: "record", on: iAgreeToRecord });
  });

  var extend = $("extend");
  if (extend) extend.addEventListener("click", function () {
    send({ type: "extend" });
    $("warning").hidden = true;
  });

  $("hangup").addEventListener("click", function () {
    if (!window.confirm(T.hangup_confirm)) return;
    saveBoard().then(function () { send({ type: "hangup" }); });
  });

  function panel(buttonName, panelName) {
    $(buttonName).addEventListener("click", function () {
      var box = $(panelName);
      box.hidden = !box.hidden;
      this.setAttribute("aria-expanded", box.hidden ? "false" : "true");
    });
  }
  panel("board-toggle", "board");
  panel("chat-toggle", "chat");

  // --- Chat (over the socket: the server checks each message) --------------------------------------
  function addChat(text, mine) {
    var item = document.createElement("li");
    item.className = mine ? "call-chat-mine" : "call-chat-theirs";
    var who = document.createElement("strong");
    who.textContent = (mine ? T.you : T.them) + " ";
    var body = document.createElement("span");
    body.dir = "auto";
    body.textContent = text;
    item.append(who, body);
    $("chat-log").appendChild(item);
    if (!mine) { $("chat").hidden = false; $("chat-toggle").setAttribute("aria-expanded", "true"); }
  }

  $("chat-form").addEventListener("submit", function (event) {
    event.preventDefault();
    var input = $("chat-text");
    var text = input.value.trim();
    if (!text) return;
    send({ type: "chat", text: text });
    addChat(text, true);
    input.value = "";
  });

  // --- Whiteboard (strokes in 0..1 coordinates, so both sizes of screen draw the same) -------------
  var canvas = $("canvas");
  var ink = canvas.getContext("2d");
  var last = null;

  function clearBoard() {
    ink.fillStyle = "#ffffff";
    ink.fillRect(0, 0, canvas.width, canvas.height);
  }
  clearBoard();

  function draw(stroke) {
    if (stroke.clear) { clearBoard(); return; }
    ink.strokeStyle = stroke.color || "#1f3a93";
    ink.lineWidth = stroke.width || 3;
    ink.lineCap = "round";
    ink.beginPath();
    ink.moveTo(stroke.x0 * canvas.width, stroke.y0 * canvas.height);
    ink.lineTo(stroke.x1 * canvas.width, stroke.y1 * canvas.height);
    ink.stroke();
    boardUsed = true;
  }

  function drawRemote(stroke) {
    if (stroke) draw(stroke);
  }

  function shareStroke(stroke) {
    draw(stroke);
    if (channel && channel.readyState === "open") channel.send(JSON.stringify(stroke));
    else send({ type: "whiteboard", stroke: stroke });
  }

  function useChannel(dataChannel) {
    channel = dataChannel;
    channel.addEventListener("message", function (event) {
      try { drawRemote(JSON.parse(event.data)); } catch (error) { /* a malformed stroke is dropped */ }
    });
  }

  function point(event) {
    var box = canvas.getBoundingClientRect();
    return { x: (event.clientX - box.left) / box.width, y: (event.clientY - box.top) / box.height };
  }

  canvas.addEventListener("pointerdown", function (event) {
    canvas.setPointerCapture(event.pointerId);
    last = point(event);
  });
  canvas.addEventListener("pointermove", function (event) {
    if (!last) return;
    var now = point(event);
    shareStroke({ x0: last.x, y0: last.y, x1: now.x, y1: now.y });
    last = now;
  });
  ["pointerup", "pointercancel"].forEach(function (name) {
    canvas.addEventListener(name, function () { last = null; });
  });
  $("board-clear").addEventListener("click", function () { shareStroke({ clear: true }); });
  $("board-export").addEventListener("click", function () { this.href = canvas.toDataURL("image/png"); });

  function saveBoard() {
    if (!boardUsed) return Promise.resolve();
    return new Promise(function (resolve) { canvas.toBlob(resolve, "image/png"); }).then(function (png) {
      return fetch(root.dataset.whiteboardUpload, {
        method: "POST", body: png, credentials: "same-origin",
        headers: { "X-CSRFToken": csrfToken(), "Content-Type": "image/png" },
      });
    }).catch(function () {});
  }

  // --- Recording (both agreed; the side whose agreement completed it records) ----------------------
  function showRecording(on) { $("recording-indicator").hidden = !on; }

  function mixedStream() {
    var audio = new AudioContext();
    var out = audio.createMediaStreamDestination();
    var remote = $("remote").srcObject;
    [localStream, remote].forEach(function (stream) {
      if (stream && stream.getAudioTracks().length) audio.createMediaStreamSource(stream).connect(out);
    });
    var video = remote && remote.getVideoTracks().length ? remote.getVideoTracks() : localStream.getVideoTracks();
    return new MediaStream(video.concat(out.stream.getAudioTracks()));
  }

  function upload(blob) {
    var seq = recording.seq++;
    recording.queue = recording.queue.then(function () {
      var url = root.dataset.recordingUpload + "?seq=" + seq + (recording.id ? "&recording=" + recording.id : "");
      return fetch(url, {
        method: "POST", body: blob, credentials: "same-origin",
        headers: { "X-CSRFToken": csrfToken(), "Content-Type": "video/webm" },
      }).then(function (response) { return response.json(); }).then(function (answer) {
        if (answer.recording) recording.id = answer.recording;
        else showError(answer.error || T.upload_failed);
      }).catch(function () { showError(T.upload_failed); });
    });
  }

  function startRecorder() {
    if (recorder) return;
    recording = { id: null, seq: 0, queue: recording.queue };
    recorder = new MediaRecorder(mixedStream(), { mimeType: "video/webm" });
    recorder.addEventListener("dataavailable", function (event) { if (event.data.size) upload(event.data); });
    recorder.start(2000);
    root.dataset.recorder = "on";
  }

  /* Stops the recorder; resolves once its last chunk is uploaded (with the recording's id). */
  function stopRecorder() {
    var stopping = recorder;
    recorder = null;
    if (!stopping) return recording.queue.then(function () { return recording.id; });
    root.dataset.recorder = "off";
    return new Promise(function (resolve) {
      stopping.addEventListener("stop", resolve);
      if (stopping.state === "inactive") resolve(); else stopping.stop();
    }).then(function () { return recording.queue; }).then(function () { return recording.id; });
  }

  root.stopRecording = stopRecorder;

  // --- Start ---------------------------------------------------------------------------------------
  $("join").addEventListener("click", function () {
    if (!localStream) return;
    $("lobby").hidden = true;
    $("stage").hidden = false;
    connect();
  });

  openDevices();
})();
