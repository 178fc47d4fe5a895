/*
 * The notification bell: its unread count follows the person's WebSocket (/ws/notifications/),
 * and a new notification is read out by screen readers. Reconnects with a growing delay.
 * The preferences page's "push on this device" button subscribes this browser (Push API).
 */
(function () {
  "use strict";

  var bell = document.querySelector("[data-notification-bell]");
  if (!bell) {
    return;
  }
  var count = bell.querySelector("[data-notification-count]");
  var label = bell.querySelector("[data-notification-label]");
  var live = document.querySelector("[data-notification-live]");
  var delay = 1000;

  function showCount(unread) {
    count.textContent = String(unread);
    count.classList.toggle("is-empty", unread === 0);
    label.textContent = bell.dataset.label.replace("{count}", String(unread));
  }

  function connect() {
    var scheme = window.location.protocol === "https:" ? "wss://" : "ws://";
    var socket = new WebSocket(scheme + window.location.host + bell.dataset.socketPath);
    socket.addEventListener("open", function () {
      delay = 1000;
    });
    socket.addEventListener("message", function (event) {
      var message;
      try {
        message = JSON.parse(event.data);
      } catch (e) {
        return;
      }
      if (message.type !== "notification" || !message.payload) {
        return;
      }
      if (typeof message.payload.unread === "number") {
        showCount(message.payload.unread);
      }
      if (message.payload.title && live) {
        live.textContent = message.payload.title;
      }
      document.dispatchEvent(new CustomEvent("notification:received", { detail: message }));
    });
    socket.addEventListener("close", function (event) {
      if (event.code === 4401) {
        return; // signed out
      }
      window.setTimeout(connect, delay);
      delay = Math.min(delay * 2, 30000);
    });
  }

  if ("WebSocket" in window) {
    connect();
  }

  // Web push: the preferences page's button.
  var pushButton = document.querySelector("[data-push-subscribe]");
  function base64ToBytes(text) {
    var padded = (text + "===".slice((text.length + 3) % 4)).replace(/-/g, "+").replace(/_/g, "/");
    var raw = window.atob(padded);
    var bytes = new Uint8Array(raw.length);
    for (var i = 0; i < raw.length; i += 1) {
      bytes[i] = raw.charCodeAt(i);
    }
    return bytes;
  }
  if (pushButton && "serviceWorker" in navigator && "PushManager" in window) {
    pushButton.hidden = false;
    pushButton.addEventListener("click", function () {
      var status = document.querySelector("[data-push-status]");
      navigator.serviceWorker
        .register(pushButton.dataset.worker)
        .then(function (registration) {
          return registration.pushManager.subscribe({
            userVisibleOnly: true,
            applicationServerKey: base64ToBytes(pushButton.dataset.key),
          });
        })
        .then(function (subscription) {
          return fetch(pushButton.dataset.url, {
            method: "POST",
            credentials: "same-origin",
            headers: { "Content-Type": "application/json", "X-CSRFToken": pushButton.dataset.csrf },
            body: JSON.stringify(subscription.toJSON()),
          });
        })
        .then(function (response) {
          status.textContent = response.ok ? pushButton.dataset.done : pushButton.dataset.failed;
          if (response.ok) {
            window.location.reload();
          }
        })
        .catch(function () {
          status.textContent = pushButton.dataset.failed;
        });
    });
  }
})();
