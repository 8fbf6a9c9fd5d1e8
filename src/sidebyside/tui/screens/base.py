"""What the screens share: the app with its real type, and the look of the small dialogs."""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeVar

from textual.screen import ModalScreen, Screen

if TYPE_CHECKING:
    from textual import getters

    from sidebyside.tui.app import SideBySideApp

ResultType = TypeVar("ResultType")


class StoryScreen(Screen[None]):
    """A full screen over the story: `self.app` is the SideBySideApp, typed as such."""

    if TYPE_CHECKING:
        # How Textual declares `app` itself (a property typed by the app class); at run time
        # the inherited property answers, so this module never imports the app module.
        app = getters.app(SideBySideApp)

    @property
    def is_live(self) -> bool:
        """Whether the screen still has its widgets to update.

        Worker results reach the UI thread in their own time: perhaps after the screen was
        dismissed, or while the app shuts down and removes the screen's widgets.
        """
        return (
            self.is_attached  # first: False, not an error, once the app has gone
            and self.app.is_running
            and self.is_mounted
            and not (self._closing or self._closed or self._pruning)
        )


class Dialog(ModalScreen[ResultType]):
    """A small box (the child with the `dialog` class) centred over the dimmed screen."""

    DEFAULT_CSS = """
    Dialog {
        align: center middle;
    }

    Dialog > .dialog {
        height: auto;
        border: round $accent;
        background: $surface;
        padding: 0 1;
    }
    """
