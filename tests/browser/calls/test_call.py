"""Two Chromiums with fake cameras call each other through the site's signaling and a loopback coturn
(relay only): video both ways, screen share, a whiteboard stroke, and a recording only they can get."""

import time

import pytest

from commerce.calls.models import Recording
from tests.factories import make_user

pytestmark = pytest.mark.django_db(transaction=True)

VIDEO_SENT = """() => {
  const senders = document.getElementById("call").peerConnection.getSenders();
  return senders.find(s => s.track && s.track.kind === "video").track.id;
}"""

STATS = """async () => {
  const pc = document.getElementById("call").peerConnection;
  if (!pc) return {frames: 0, relay: false};
  const report = await pc.getStats();
  let frames = 0, relay = false, pairs = {};
  report.forEach(s => { if (s.type === "local-candidate") pairs[s.id] = s.candidateType; });
  report.forEach(s => {
    if (s.type === "inbound-rtp" && s.kind === "video") frames += s.framesDecoded || 0;
    const relayed = pairs[s.localCandidateId] === "relay";
    if (s.type === "candidate-pair" && s.state === "succeeded" && relayed) relay = true;
  });
  return {frames, relay};
}"""

INK = """() => {
  const canvas = document.querySelector("[data-canvas]");
  const pixels = canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height).data;
  let inked = 0;
  for (let i = 0; i < pixels.length; i += 4) if (pixels[i] < 200) inked++;
  return inked;
}"""


def until(probe, check, timeout=30):
    deadline = time.monotonic() + timeout
    value = probe()
    while not check(value) and time.monotonic() < deadline:
        time.sleep(0.5)
        value = probe()
    return value


def join(page, url):
    page.goto(url)
    page.wait_for_function("() => document.querySelector('[data-preview]').srcObject !== null")
    page.click("[data-join]")


def test_two_browsers_call_through_turn_share_a_screen_draw_and_record(
    call_server, starting_call, open_as, artifacts_dir
):
    booking, client, expert = starting_call
    url = f"{call_server}/fr/calls/{booking.pk}/"
    client_page, expert_page = open_as(client), open_as(expert.user, "ar", width=390)

    # when: both join; the expert arrives second, so the client offers
    join(client_page, url)
    join(expert_page, url.replace("/fr/", "/ar/"))

    # then: video is decoded on both sides, over a relayed (TURN) candidate pair
    for page in (client_page, expert_page):
        stats = until(lambda p=page: p.evaluate(STATS), lambda s: s["frames"] > 0 and s["relay"])
        assert stats["frames"] > 0 and stats["relay"], stats
    # and both see the meter running: the 10-minute minimum at 2 coins a minute
    for page in (client_page, expert_page):
        assert until(lambda p=page: p.text_content("[data-coins]"), lambda coins: coins == "20") == "20"
    # and the network indicator reads the connection's statistics
    level = until(lambda: expert_page.get_attribute("[data-quality]", "data-level"), lambda v: v != "unknown")
    assert level in {"good", "fair", "poor"}
    assert expert_page.is_hidden("[data-lobby]")
    expert_page.screenshot(path=str(artifacts_dir / "call-expert-ar-phone.png"), full_page=True)

    # when: the client shares the screen, the video sender's track is replaced (no renegotiation)
    camera_id = client_page.evaluate(VIDEO_SENT)
    client_page.click("[data-share]")
    sent = until(lambda: client_page.evaluate(VIDEO_SENT), lambda track_id: track_id != camera_id)
    assert sent != camera_id
    before = expert_page.evaluate(STATS)["frames"]
    assert (
        until(lambda: expert_page.evaluate(STATS)["frames"], lambda frames: frames > before + 5) > before + 5
    )

    # when: the client draws a stroke on the whiteboard
    client_page.click("[data-board-toggle]")
    expert_page.click("[data-board-toggle]")
    box = client_page.locator("[data-canvas]").bounding_box()
    client_page.mouse.move(box["x"] + 20, box["y"] + 20)
    client_page.mouse.down()
    for step in range(1, 20):
        client_page.mouse.move(box["x"] + 20 + step * 10, box["y"] + 20 + step * 5)
    client_page.mouse.up()
    # then: it appears on the expert's board
    assert until(lambda: expert_page.evaluate(INK), lambda inked: inked > 20) > 20

    # when: both agree to record; the expert's agreement completes it, so the expert's browser records
    client_page.click("[data-record]")
    expert_page.click("[data-record]")
    expert_page.wait_for_selector("[data-recording-indicator]:not([hidden])")
    client_page.wait_for_selector("[data-recording-indicator]:not([hidden])")
    time.sleep(4)
    recording_id = expert_page.evaluate("() => document.getElementById('call').stopRecording()")
    client_page.screenshot(path=str(artifacts_dir / "call-client-fr-desktop.png"), full_page=True)

    # then: it is in private storage, downloadable by both participants and nobody else
    recording = Recording.objects.get(pk=recording_id)
    assert recording.size > 1000 and recording.chunks.count() >= 2
    download = f"{call_server}/fr/calls/{booking.pk}/recordings/{recording.pk}.webm?download=1"
    for page in (client_page, expert_page):
        response = page.request.get(download)
        assert response.status == 200
        assert response.body()[:4] == b"\x1a\x45\xdf\xa3"  # a WebM (EBML) file
        assert len(response.body()) == recording.size
    stranger = open_as(make_user("stranger@example.com"))
    assert stranger.request.get(download).status == 404
    anonymous = stranger.context.browser.new_context()
    assert anonymous.request.get(download, max_redirects=0).status == 302
    anonymous.close()
