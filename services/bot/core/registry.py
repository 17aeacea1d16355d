"""A registry of bot commands and the dispatcher that turns a message into a reply."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

__all__ = ["Call", "Command", "Handler", "Registry", "UserError"]

log = logging.getLogger("bot.core")

GENERIC_FAILURE = "Something went wrong on my side. Please try again in a minute."


class UserError(Exception):
    """Raised by a handler to answer with its message (bad input, data unavailable)."""


@dataclass(frozen=True)
class Call:
    """One invocation: who asked, and the words after the command."""

    chat_id: int
    args: tuple[str, ...]


Handler = Callable[[Call], Awaitable[str]]


@dataclass(frozen=True)
class Command:
    """A command: its name (without the slash), argument names, one line of help, handler."""

    name: str
    args: tuple[str, ...]
    help: str
    handler: Handler

    @property
    def usage(self) -> str:
        return " ".join((f"/{self.name}", *self.args))


class Registry:
    """The commands the bot knows, and the allow-list of chats it answers.

    `allowed` None means every chat; a set means only those chats (the rest are ignored)."""

    def __init__(self, allowed: frozenset[int] | None = None) -> None:
        self._commands: dict[str, Command] = {}
        self._allowed = allowed

    def add(self, name: str, args: tuple[str, ...], help: str, handler: Handler) -> None:
        """Register `handler` as /name; names are unique."""
        if name in self._commands:
            raise ValueError(f"/{name} is already registered")
        self._commands[name] = Command(name, args, help, handler)

    @property
    def commands(self) -> list[Command]:
        return list(self._commands.values())

    def help_text(self) -> str:
        """One line per command, in registration order: usage, then what it does."""
        return "\n".join(f"{c.usage} - {c.help}" for c in self._commands.values())

    def allows(self, chat_id: int) -> bool:
        return self._allowed is None or chat_id in self._allowed

    def command_of(self, text: str) -> str | None:
        """The registered command ``text`` calls, "unknown" for another slash command, None
        for a message that is not a command (a bounded label for metrics)."""
        words = text.split()
        if not words or not words[0].startswith("/"):
            return None
        name = words[0][1:].split("@", 1)[0].lower()
        return name if name in self._commands else "unknown"

    async def dispatch(self, text: str, chat_id: int) -> str | None:
        """The reply to `text` from `chat_id`, or None when the bot should stay silent
        (a chat not on the allow-list, or a message that is not a command).

        Never raises: a handler's failure becomes a short reply and a log line."""
        if not self.allows(chat_id):
            log.info("ignored chat not on the allow-list", extra={"chat_id": chat_id})
            return None
        words = text.split()
        if not words or not words[0].startswith("/"):
            return None
        # "/price@SomeBot BTC" in groups names the bot after the command.
        name = words[0][1:].split("@", 1)[0].lower()
        command = self._commands.get(name)
        if command is None:
            return f"Unknown command /{name}. Send /help for the list."
        args = tuple(words[1:])
        if len(args) < len(command.args):
            return f"Usage: {command.usage}"
        try:
            return await command.handler(Call(chat_id, args))
        except UserError as exc:
            return str(exc)
        except Exception:
            log.exception("command failed", extra={"command": name, "chat_id": chat_id})
            return GENERIC_FAILURE
