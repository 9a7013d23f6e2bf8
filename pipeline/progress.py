"""Progress on stderr: a rich bar on a terminal, plain lines otherwise. Never document text."""

from __future__ import annotations

import sys
from typing import TextIO


class Progress:
    def __init__(self, stream: TextIO, bar: bool) -> None:
        self.stream = stream
        self.bar = bar
        self._rich = None
        self._task = None
        self._total = 0
        self._done = 0
        self._label = ""

    @classmethod
    def for_stderr(cls) -> Progress:
        return cls(sys.stderr, bar=sys.stderr.isatty())

    @classmethod
    def silent(cls) -> Progress:
        return _Silent()

    def start(self, label: str, total: int) -> None:
        self._label, self._total, self._done = label, total, 0
        if self.bar:
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, TextColumn, TimeRemainingColumn
            from rich.progress import Progress as RichProgress

            self._rich = RichProgress(TextColumn("{task.description}"), BarColumn(),
                                      MofNCompleteColumn(), TimeRemainingColumn(),
                                      console=Console(file=self.stream), transient=True)
            self._rich.start()
            self._task = self._rich.add_task(label, total=total)
        else:
            print(f"{label}: {total} pages", file=self.stream, flush=True)

    def advance(self, n: int = 1) -> None:
        self._done += n
        if self._rich is not None:
            self._rich.update(self._task, advance=n)
        elif self._total and (self._done == self._total or self._done % 25 == 0):
            print(f"{self._label}: {self._done}/{self._total} pages", file=self.stream,
                  flush=True)

    def finish(self) -> None:
        if self._rich is not None:
            self._rich.stop()
            self._rich = None

    def note(self, message: str) -> None:
        print(message, file=self.stream, flush=True)


class _Silent(Progress):
    def __init__(self) -> None:
        super().__init__(sys.stderr, bar=False)

    def start(self, label: str, total: int) -> None:
        pass

    def advance(self, n: int = 1) -> None:
        pass

    def note(self, message: str) -> None:
        pass
