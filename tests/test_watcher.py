"""The preview's watcher: only what a build reads is watched, and lost events end in a full check."""

from __future__ import annotations

import logging
import threading
import time

from serving import ServeProcess, crowd, save
from test_serve import ARTICLE, FIRST, wait_until

from dossier.preview.live import Preview
from dossier.preview.watcher import Watcher


def test_saves_in_a_crowded_root_each_show_within_a_second(make_dossier) -> None:
    root = make_dossier()
    crowd(root)  # 16,000 folders and 50,000 files beside content/
    with ServeProcess(root) as server:
        for number in range(20):
            marker = f"saved {number:02d} times"
            save(root / ARTICLE, FIRST.replace("it will spend", f"it will spend ({marker})"))
            saved = time.monotonic()
            while marker.encode() not in server.get("/articles/first/")[2]:
                assert time.monotonic() - saved < 1.0, f"save {number + 1} not served within 1 s"
                time.sleep(0.02)
        assert server.stop() == 0
    output = "\n".join(server.remaining_output())
    assert "overflow" not in output.lower()
    assert "events were lost" not in output


class Recorder:
    """A rebuild callback for a Watcher that builds a Preview and remembers what it was asked."""

    def __init__(self, preview: Preview):
        self.preview = preview
        self.batches: list[set[str] | None] = []
        self.lost = 0
        self.done = threading.Event()

    def rebuild(self, changed: set[str] | None) -> None:
        self.preview.rebuild(changed)
        self.batches.append(changed)
        self.done.set()

    def on_lost(self) -> None:
        self.lost += 1

    def served(self, path: str) -> str:
        return (self.preview.folder / path).read_text(encoding="utf-8")


def test_a_change_made_while_events_were_lost_is_in_the_next_build(make_dossier) -> None:
    root = make_dossier()
    recorder = Recorder(Preview(root))
    recorder.preview.rebuild(None)
    # A save no event reports: made before anything watches the folder.
    save(root / ARTICLE, FIRST.replace("it will spend", "it will unseenly spend"))
    watcher = Watcher(root, recorder.rebuild, on_lost=recorder.on_lost)
    watcher.start()
    try:
        time.sleep(0.2)
        assert recorder.batches == []
        # What watchdog logs when the kernel's inotify queue overflows (and nothing else tells).
        for _ in range(3):
            logging.getLogger("watchdog.observers.inotify_c").warning(
                "Inotify queue overflowed; filesystem events were lost"
            )
        assert recorder.done.wait(10)
        wait_until(lambda: "unseenly" in recorder.served("articles/first/index.html"))
        assert recorder.batches == [None]  # one full check, not the event list
        assert recorder.lost == 1  # the terminal hears of it once
    finally:
        watcher.stop()
        recorder.preview.close()


def test_a_layouts_folder_created_while_serving_is_watched(make_dossier) -> None:
    root = make_dossier()
    with ServeProcess(root) as server:
        (root / "layouts/assets").mkdir(parents=True)
        save(root / "layouts/assets/style.css", "body { color: rgb(1, 2, 3); }\n")
        wait_until(lambda: b"rgb(1, 2, 3)" in server.get("/assets/style.css")[2])
        save(root / "layouts/assets/style.css", "body { color: rgb(4, 5, 6); }\n")
        wait_until(lambda: b"rgb(4, 5, 6)" in server.get("/assets/style.css")[2], timeout=5)


def test_a_content_folder_replaced_while_serving_is_watched_again(make_dossier, tmp_path) -> None:
    root = make_dossier()
    with ServeProcess(root) as server:
        (root / "content").rename(tmp_path / "content-aside")
        (tmp_path / "content-aside").rename(root / "content")
        save(root / ARTICLE, FIRST.replace("it will spend", "it will again spend"))
        wait_until(lambda: b"it will again spend" in server.get("/articles/first/")[2], timeout=10)
        save(root / ARTICLE, FIRST.replace("it will spend", "it will still spend"))
        wait_until(lambda: b"it will still spend" in server.get("/articles/first/")[2], timeout=5)
