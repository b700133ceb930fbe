"""A real SMTP server in the test process (aiosmtpd), for delivery failures and retries.

`SmtpSink` accepts mail on 127.0.0.1 and keeps every message; it can be told to refuse
some recipients for good (550), to answer every message with a temporary failure, or to
stop listening altogether (the server is down). `Tarpit` accepts connections and never
answers (a server that hangs).
"""

import socket
import threading
from email import message_from_bytes
from email.message import Message

from aiosmtpd.controller import Controller


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class _Handler:
    def __init__(self, sink: "SmtpSink") -> None:
        self.sink = sink

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address in self.sink.refused:
            return "550 5.1.1 mailbox unavailable"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        if self.sink.temporary_failure:
            return "451 4.3.0 try again later"
        with self.sink.lock:
            self.sink.messages.append(
                (list(envelope.rcpt_tos), message_from_bytes(envelope.original_content))
            )
        return "250 Message accepted for delivery"


class SmtpSink:
    def __init__(self) -> None:
        self.port = free_port()
        self.messages: list[tuple[list[str], Message]] = []
        self.refused: set[str] = set()
        self.temporary_failure = False
        self.lock = threading.Lock()
        self.controller: Controller | None = None

    def start(self) -> "SmtpSink":
        self.controller = Controller(_Handler(self), hostname="127.0.0.1", port=self.port)
        self.controller.start()
        return self

    def stop(self) -> None:
        if self.controller is not None:
            self.controller.stop()
            self.controller = None

    @property
    def recipients(self) -> list[str]:
        with self.lock:
            return [address for rcpt_tos, _ in self.messages for address in rcpt_tos]

    @property
    def subjects(self) -> list[str]:
        with self.lock:
            return [str(message["Subject"]) for _, message in self.messages]


class Tarpit:
    """Accepts TCP connections and never says a word."""

    def __init__(self) -> None:
        self.port = free_port()
        self.server = socket.socket()
        self.server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.server.bind(("127.0.0.1", self.port))
        self.server.listen(16)
        self.held: list[socket.socket] = []
        self.thread = threading.Thread(target=self._hold, daemon=True)

    def _hold(self) -> None:
        while True:
            try:
                connection, _ = self.server.accept()
            except OSError:
                return
            self.held.append(connection)

    def start(self) -> "Tarpit":
        self.thread.start()
        return self

    def stop(self) -> None:
        self.server.close()
        for connection in self.held:
            connection.close()
