// Drag-and-drop upload of a digital product's files, in chunks, with a progress bar per file.
// Each chunk is a POST to the form's action; the last one makes the server store the file as a
// new version and start its checks. The page reloads when every file is in, to show checklists.
(function () {
  "use strict";
  var form = document.querySelector("[data-digital-upload]");
  if (!form) return;
  var zone = form.querySelector("[data-drop-zone]");
  var input = form.querySelector("input[type=file]");
  var list = form.querySelector("[data-upload-list]");
  var chunkBytes = parseInt(form.dataset.chunkBytes, 10);
  var csrf = form.querySelector("input[name=csrfmiddlewaretoken]").value;

  function uploadId() {
    var bytes = new Uint8Array(16);
    crypto.getRandomValues(bytes);
    return Array.prototype.map.call(bytes, function (b) { return ("0" + b.toString(16)).slice(-2); }).join("");
  }

  function send(file, row) {
    var total = Math.max(1, Math.ceil(file.size / chunkBytes));
    var id = uploadId();
    var bar = row.querySelector("progress");
    var status = row.querySelector("[data-status]");
    function part(index) {
      var body = new FormData();
      body.append("csrfmiddlewaretoken", csrf);
      body.append("upload_id", id);
      body.append("index", index);
      body.append("total", total);
      body.append("name", file.name);
      if (form.dataset.file) body.append("file", form.dataset.file);
      body.append("chunk", file.slice(index * chunkBytes, (index + 1) * chunkBytes), file.name);
      return new Promise(function (resolve, reject) {
        var xhr = new XMLHttpRequest();
        xhr.open("POST", form.action);
        xhr.upload.onprogress = function (event) {
          if (event.lengthComputable) bar.value = ((index + event.loaded / event.total) / total) * 100;
        };
        xhr.onload = function () {
          var answer = {};
          try { answer = JSON.parse(xhr.responseText); } catch (error) { /* not JSON */ }
          if (xhr.status === 200) resolve(answer); else reject(answer.detail || xhr.statusText);
        };
        xhr.onerror = function () { reject(form.dataset.networkError); };
        xhr.send(body);
      }).then(function (answer) {
        if (index + 1 < total) return part(index + 1);
        bar.value = 100;
        status.textContent = form.dataset.doneText;
        return answer;
      });
    }
    return part(0).catch(function (message) {
      row.classList.add("text-danger");
      status.textContent = message;
      throw message;
    });
  }

  function start(files) {
    var jobs = Array.prototype.map.call(files, function (file) {
      var row = document.createElement("li");
      row.innerHTML = "<span dir='auto'></span> <progress max='100' value='0'></progress> <span data-status role='status'></span>";
      row.firstChild.textContent = file.name;
      list.appendChild(row);
      return send(file, row);
    });
    Promise.all(jobs).then(function () { window.location.reload(); }, function () { /* messages shown per file */ });
  }

  zone.addEventListener("dragover", function (event) { event.preventDefault(); zone.classList.add("border-primary"); });
  zone.addEventListener("dragleave", function () { zone.classList.remove("border-primary"); });
  zone.addEventListener("drop", function (event) {
    event.preventDefault();
    zone.classList.remove("border-primary");
    start(event.dataTransfer.files);
  });
  input.addEventListener("change", function () { start(input.files); });
})();
