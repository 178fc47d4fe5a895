/*
 * Conversations, no dependencies: every [data-chat] element is a live thread (history with infinite
 * scroll, socket with catch-up after a reconnection, typing, read receipts, attachments, emoji);
 * [data-chat-inbox] keeps unread badges live; [data-chat-widget] is the support widget of every page.
 * Messages arrive as safe HTML from the server (escaped, links cleaned); text typed here is sent as
 * text. Labels come from data-label-* attributes (translated by the page).
 */
(function () {
  "use strict";
  if (window.soukChat) return; // the widget and a thread page may both include this file
  window.soukChat = true;

  var EMOJI = ["😀", "😂", "😊", "😍", "🙏", "👍", "👌", "🎉", "❤️", "🔥", "😢", "😮", "🤝", "✅", "📦", "🚚"];

  function socketUrl(path, query) {
    var scheme = window.location.protocol === "https:" ? "wss://" : "ws://";
    return scheme + window.location.host + path + (query || "");
  }

  function csrfToken(scope) {
    var input = (scope || document).querySelector("input[name=csrfmiddlewaretoken]");
    if (input) return input.value;
    var match = document.cookie.match(/(?:^|; )csrftoken=([^;]+)/);
    return match ? decodeURIComponent(match[1]) : "";
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  function formatTime(iso) {
    try {
      return new Date(iso).toLocaleTimeString(document.documentElement.lang || undefined, {
        hour: "2-digit",
        minute: "2-digit",
      });
    } catch (e) {
      return "";
    }
  }

  function Chat(root) {
    this.root = root;
    this.labels = root.dataset;
    this.api = root.dataset.api;
    this.wsPath = root.dataset.ws;
    this.me = root.dataset.me ? parseInt(root.dataset.me, 10) : null;
    this.role = root.dataset.role;
    this.log = root.querySelector("[data-chat-log]");
    // A paid conversation has no free form: its log is read-only here.
    this.form = root.querySelector("[data-chat-form]");
    this.textarea = this.form ? this.form.querySelector("textarea") : null;
    this.file = this.form ? this.form.querySelector("[data-chat-file]") : null;
    this.errorBox = root.querySelector("[data-chat-error]");
    this.typingBox = root.querySelector("[data-chat-typing]");
    this.seen = {};
    this.lastId = 0;
    this.oldestId = null;
    this.exhausted = false;
    this.loading = false;
    this.retry = 0;
    this.lastTypingSent = 0;
    this.readUpTo = 0;
    this.bind();
    var self = this;
    this.loadOlder().then(function () {
      self.scrollToEnd();
      self.connect();
    });
  }

  Chat.prototype.bind = function () {
    var self = this;
    this.log.addEventListener("scroll", function () {
      if (self.log.scrollTop < 40) self.loadOlder();
    });
    document.addEventListener("visibilitychange", function () {
      self.markRead();
    });
    if (!this.form) return;
    this.form.addEventListener("submit", function (event) {
      event.preventDefault();
      self.send();
    });
    this.textarea.addEventListener("keydown", function (event) {
      if (event.key === "Enter" && !event.shiftKey) {
        event.preventDefault();
        self.send();
      }
    });
    this.textarea.addEventListener("input", function () {
      var now = Date.now();
      if (now - self.lastTypingSent > 2000 && self.socketOpen()) {
        self.lastTypingSent = now;
        self.socket.send(JSON.stringify({ type: "typing" }));
      }
    });
    var toggle = this.root.querySelector("[data-chat-emoji-toggle]");
    var picker = this.root.querySelector("[data-chat-emoji]");
    if (toggle && picker) {
      EMOJI.forEach(function (emoji) {
        var button = element("button", "chat__emoji-choice", emoji);
        button.type = "button";
        button.addEventListener("click", function () {
          self.insert(emoji);
          picker.hidden = true;
          toggle.setAttribute("aria-expanded", "false");
        });
        picker.appendChild(button);
      });
      toggle.addEventListener("click", function () {
        picker.hidden = !picker.hidden;
        toggle.setAttribute("aria-expanded", picker.hidden ? "false" : "true");
      });
    }
    var canned = this.root.querySelector("[data-chat-canned]");
    if (canned) {
      canned.addEventListener("change", function () {
        if (canned.value) self.insert(canned.options[canned.selectedIndex].dataset.body);
        canned.value = "";
      });
    }
    if (this.file) {
      this.file.addEventListener("change", function () {
        if (self.file.files.length) self.upload(self.file.files[0]);
      });
    }
  };

  Chat.prototype.insert = function (text) {
    var area = this.textarea;
    var start = area.selectionStart || area.value.length;
    area.value = area.value.slice(0, start) + text + area.value.slice(area.selectionEnd || start);
    area.focus();
  };

  Chat.prototype.socketOpen = function () {
    return this.socket && this.socket.readyState === WebSocket.OPEN;
  };

  Chat.prototype.connect = function () {
    var self = this;
    var socket = new WebSocket(socketUrl(this.wsPath, "?after=" + this.lastId));
    this.socket = socket;
    socket.addEventListener("open", function () {
      self.retry = 0;
      self.root.dataset.connected = "true";
      self.markRead();
    });
    socket.addEventListener("message", function (event) {
      var frame;
      try {
        frame = JSON.parse(event.data);
      } catch (e) {
        return;
      }
      self.receive(frame);
    });
    socket.addEventListener("close", function (event) {
      self.root.dataset.connected = "false";
      if (event.code === 4401 || event.code === 4403) return;
      self.retry = Math.min(self.retry + 1, 6);
      window.setTimeout(function () {
        self.connect();
      }, 500 * Math.pow(2, self.retry - 1));
    });
  };

  Chat.prototype.receive = function (frame) {
    if (frame.type === "message") {
      this.add(frame, false);
      this.markRead();
    } else if (frame.type === "typing") {
      this.showTyping();
    } else if (frame.type === "read") {
      if (frame.reader && frame.reader.id !== this.me) this.showSeen(frame.up_to);
    } else if (frame.type === "status") {
      this.root.dataset.status = frame.status;
    } else if (frame.type === "error") {
      this.error(frame.message);
    }
  };

  Chat.prototype.showTyping = function () {
    var box = this.typingBox;
    if (!box) return;
    box.textContent = this.labels.labelTyping;
    box.hidden = false;
    window.clearTimeout(this.typingTimer);
    this.typingTimer = window.setTimeout(function () {
      box.hidden = true;
    }, 3000);
  };

  Chat.prototype.showSeen = function (upTo) {
    this.log.querySelectorAll(".chat__seen").forEach(function (node) {
      node.remove();
    });
    var mine = this.log.querySelectorAll(".chat__message--mine");
    for (var i = mine.length - 1; i >= 0; i--) {
      if (parseInt(mine[i].dataset.id, 10) <= upTo) {
        mine[i].appendChild(element("span", "chat__seen", this.labels.labelSeen));
        break;
      }
    }
  };

  Chat.prototype.isMine = function (frame) {
    if (this.me === null) return frame.sender.id === null && frame.sender.role === "client";
    return frame.sender.id === this.me;
  };

  Chat.prototype.render = function (frame) {
    var mine = this.isMine(frame);
    var item = element("article", "chat__message" + (mine ? " chat__message--mine" : "") + (frame.internal ? " chat__message--note" : ""));
    item.dataset.id = frame.id;
    var meta = element("p", "chat__meta");
    var name = frame.sender.name;
    if (frame.sender.role === "support") name = this.labels.labelSupport + (name ? " · " + name : "");
    meta.appendChild(element("span", "chat__sender", name));
    var time = element("time", "chat__time", formatTime(frame.sent_at));
    time.dateTime = frame.sent_at;
    meta.appendChild(time);
    item.appendChild(meta);
    if (frame.html) {
      var body = element("div", "chat__body");
      body.dir = "auto";
      body.innerHTML = frame.html; // cleaned by the server (commerce/messaging/text.py)
      item.appendChild(body);
    }
    if (frame.attachment) {
      var link = element("a", "chat__attachment");
      link.href = frame.attachment.url;
      link.target = "_blank";
      link.rel = "noopener";
      if (frame.attachment.type.indexOf("image/") === 0) {
        var picture = element("img");
        picture.src = frame.attachment.url;
        picture.alt = frame.attachment.name;
        picture.loading = "lazy";
        link.appendChild(picture);
      } else {
        link.textContent = "📄 " + frame.attachment.name;
      }
      item.appendChild(link);
    }
    if (!mine && frame.sender.id && this.root.dataset.reportUrl && !frame.internal) {
      item.appendChild(this.moderation(frame));
    }
    return item;
  };

  Chat.prototype.moderation = function (frame) {
    var self = this;
    var tools = element("p", "chat__moderation");
    [
      ["report", this.labels.labelReport],
      ["block", this.labels.labelBlock],
    ].forEach(function (pair) {
      var button = element("button", "chat__moderate", pair[1]);
      button.type = "button";
      button.addEventListener("click", function () {
        var form = element("form");
        form.method = "post";
        form.action = pair[0] === "report" ? self.root.dataset.reportUrl : self.root.dataset.blockUrl;
        var fields = { csrfmiddlewaretoken: csrfToken(self.root), message: frame.id };
        if (pair[0] === "report") {
          var reason = window.prompt(self.labels.labelReportReason);
          if (!reason) return;
          fields.reason = reason;
        } else if (!window.confirm(self.labels.labelBlockConfirm)) {
          return;
        }
        Object.keys(fields).forEach(function (name) {
          var input = element("input");
          input.type = "hidden";
          input.name = name;
          input.value = fields[name];
          form.appendChild(input);
        });
        document.body.appendChild(form);
        form.submit();
      });
      tools.appendChild(button);
    });
    return tools;
  };

  Chat.prototype.add = function (frame, older) {
    if (this.seen[frame.id]) return;
    this.seen[frame.id] = true;
    var atEnd = this.log.scrollHeight - this.log.scrollTop - this.log.clientHeight < 60;
    var item = this.render(frame);
    if (older) {
      this.log.insertBefore(item, this.log.firstChild);
    } else {
      var next = null;
      var items = this.log.children;
      for (var i = items.length - 1; i >= 0; i--) {
        if (parseInt(items[i].dataset.id, 10) > frame.id) next = items[i];
        else break;
      }
      this.log.insertBefore(item, next);
    }
    if (frame.id > this.lastId) this.lastId = frame.id;
    if (this.oldestId === null || frame.id < this.oldestId) this.oldestId = frame.id;
    if (!older && (atEnd || this.isMine(frame))) this.scrollToEnd();
  };

  Chat.prototype.scrollToEnd = function () {
    this.log.scrollTop = this.log.scrollHeight;
  };

  Chat.prototype.loadOlder = function () {
    var self = this;
    if (this.loading || this.exhausted) return Promise.resolve();
    this.loading = true;
    var url = this.api + (this.oldestId ? "?before=" + this.oldestId : "");
    var height = this.log.scrollHeight;
    return fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) {
        return response.ok ? response.json() : { results: [], next: null };
      })
      .then(function (page) {
        page.results.forEach(function (frame) {
          self.add(frame, true);
        });
        if (!page.next) self.exhausted = true;
        self.log.scrollTop += self.log.scrollHeight - height;
      })
      .finally(function () {
        self.loading = false;
      });
  };

  Chat.prototype.markRead = function () {
    if (document.hidden || !this.socketOpen() || this.me === null || this.lastId <= this.readUpTo) return;
    this.readUpTo = this.lastId;
    this.socket.send(JSON.stringify({ type: "read", up_to: this.lastId }));
  };

  Chat.prototype.error = function (message) {
    if (!this.errorBox) return;
    this.errorBox.textContent = message;
    this.errorBox.hidden = !message;
  };

  Chat.prototype.send = function () {
    var body = this.textarea.value.trim();
    if (!body) return;
    this.error("");
    if (this.socketOpen()) {
      this.socket.send(JSON.stringify({ type: "message", body: body }));
      this.textarea.value = "";
    } else {
      this.post({ body: body });
    }
  };

  Chat.prototype.post = function (fields) {
    var self = this;
    var data = new FormData();
    Object.keys(fields).forEach(function (name) {
      data.append(name, fields[name]);
    });
    return fetch(this.api, {
      method: "POST",
      credentials: "same-origin",
      headers: { "X-CSRFToken": csrfToken(this.root), Accept: "application/json" },
      body: data,
    }).then(function (response) {
      return response.json().then(function (answer) {
        if (!response.ok) {
          self.error(answer.detail || self.labels.labelError);
          return;
        }
        if (fields.body) self.textarea.value = "";
        self.add(answer, false);
      });
    });
  };

  Chat.prototype.upload = function (file) {
    var self = this;
    this.error("");
    this.post({ attachment: file, body: this.textarea.value.trim() }).finally(function () {
      self.file.value = "";
    });
  };

  function Inbox(root) {
    var socket = new WebSocket(socketUrl("/ws/chat/inbox/"));
    socket.addEventListener("message", function (event) {
      var frame = JSON.parse(event.data);
      if (frame.type !== "unread") return;
      document.querySelectorAll("[data-unread-total]").forEach(function (badge) {
        badge.textContent = frame.total;
        badge.hidden = !frame.total;
      });
      if (frame.thread) {
        document.querySelectorAll('[data-unread-thread="' + frame.thread + '"]').forEach(function (badge) {
          badge.textContent = frame.unread;
          badge.hidden = !frame.unread;
        });
      }
    });
    socket.addEventListener("close", function (event) {
      if (event.code !== 4401) window.setTimeout(function () { Inbox(root); }, 3000);
    });
  }

  function Widget(root) {
    var toggle = root.querySelector("[data-chat-widget-toggle]");
    var panel = root.querySelector("[data-chat-widget-panel]");
    var start = root.querySelector("[data-chat-widget-start]");
    var chatBox = root.querySelector("[data-chat-widget-chat]");
    var STORE = "supportThread";
    toggle.addEventListener("click", function () {
      panel.hidden = !panel.hidden;
      toggle.setAttribute("aria-expanded", panel.hidden ? "false" : "true");
      if (!panel.hidden) {
        var known = window.sessionStorage.getItem(STORE);
        if (known && !chatBox.dataset.api) open(JSON.parse(known), null);
      }
    });
    function open(thread, firstMessage) {
      start.hidden = true;
      chatBox.hidden = false;
      chatBox.dataset.api = root.dataset.apiThreads + thread.id + "/messages/";
      chatBox.dataset.ws = "/ws/chat/" + thread.id + "/";
      var chat = new Chat(chatBox);
      if (firstMessage) chat.post({ body: firstMessage });
    }
    start.addEventListener("submit", function (event) {
      event.preventDefault();
      var email = start.querySelector("input[type=email]");
      var body = start.querySelector("textarea").value.trim();
      var error = start.querySelector("[data-chat-error]");
      if (!body) return;
      var payload = { with: "support" };
      if (email) payload.email = email.value;
      fetch(root.dataset.apiThreads, {
        method: "POST",
        credentials: "same-origin",
        headers: { "Content-Type": "application/json", "X-CSRFToken": csrfToken(root), Accept: "application/json" },
        body: JSON.stringify(payload),
      }).then(function (response) {
        return response.json().then(function (answer) {
          if (!response.ok) {
            error.textContent = answer.detail || (answer.email && answer.email[0]) || root.dataset.labelError;
            error.hidden = false;
            return;
          }
          window.sessionStorage.setItem(STORE, JSON.stringify({ id: answer.id }));
          open(answer, body);
        });
      });
    });
  }

  function init() {
    document.querySelectorAll("[data-chat]").forEach(function (root) {
      if (root.dataset.api) root.chat = new Chat(root);
    });
    document.querySelectorAll("[data-chat-inbox]").forEach(Inbox);
    document.querySelectorAll("[data-chat-widget]").forEach(Widget);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
