"""Text for the operator's terminal: crawled titles and snippets are untrusted.

A title holding ``ESC ] 52 ; …`` could write to the clipboard, ``ESC [ 2 J`` clear the
screen, a carriage return overwrite the line before it. Every console of the CLI
(``out`` and ``err`` in ``myrtille.cli.command``) is a ``SafeConsole``: each string it
renders, tables' cells and titles included, goes through ``terminal_safe`` first. Rich's
own styling is added after, so colours still work.

A title holding ``[/x]`` would make rich raise a MarkupError, ``[bold red]`` restyle the
line, ``[link=…]`` make a hyperlink, ``:warning:`` an emoji: a ``SafeConsole`` reads no
markup and no emoji codes in any string. Styled text is passed as ``rich.text.Text``.
"""

from __future__ import annotations

import re
from typing import Any

from rich.console import Console
from rich.text import Text

# Whole escape sequences first, so that no "[2J" residue is left: CSI (ESC [ or the C1
# byte 0x9b), OSC/DCS/APC/PM/SOS strings up to their terminator, then any two-byte ESC.
_SEQUENCES = re.compile(
    r"(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]"
    r"|(?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f])[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?"
    r"|\x1b[ -~]?"
)
# C0 but newline and tab, DEL, C1.
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def terminal_safe(text: str) -> str:
    """``text`` without terminal control characters (newline and tab kept)."""
    return _CONTROLS.sub("", _SEQUENCES.sub("", text))


class SafeConsole(Console):
    """A rich Console that strips control characters from every string it renders and
    prints every string as written (no markup, no emoji codes)."""

    def render_str(self, text: str, *args: Any, **kwargs: Any) -> Text:
        kwargs.update(markup=False, emoji=False)
        return super().render_str(terminal_safe(text), *args, **kwargs)
