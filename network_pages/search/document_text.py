"""The words inside an uploaded document (PDF, DOCX, ODT, XLSX, TXT, CSV), for the search.

Reading a file someone uploaded is work of unknown size: a PDF of a thousand pages, a
spreadsheet of a million cells, a crafted archive. So:

- it happens only in the task worker (`indexing.refresh_document`), never in a web request;
- a file larger than `MAX_FILE_BYTES` is not read (the entry keeps the document's title);
- office files pass the upload's own zip-bomb guard (`document_content`) before opening;
- the parsers run in a child process (`python -m network_pages.search.document_text EXT`,
  the file on its standard input, the text on its standard output) with a wall-clock
  timeout and limits on its memory and processor time: a file that hangs or floods a parser
  costs that process, not the worker;
- at most `MAX_TEXT_CHARS` characters are kept.

No Django model is imported here: the child process needs no settings.
"""

import io
import logging
import resource
import subprocess
import sys
import zipfile
from pathlib import PurePath

from defusedxml import ElementTree

from network_pages.document_content import check_document_content

logger = logging.getLogger(__name__)

MAX_FILE_BYTES = 50 * 1024 * 1024
MAX_TEXT_CHARS = 500_000
MAX_PDF_PAGES = 2_000
TIMEOUT_SECONDS = 60
CHILD_MEMORY_BYTES = 1024 * 1024 * 1024
# A part of an office file larger than this is not read (the archive guard bounds the sum).
MAX_PART_BYTES = 100 * 1024 * 1024

PLAIN_TEXT = {"txt", "csv"}
PARSED = {"pdf", "docx", "odt", "xlsx"}
EXTENSIONS = PLAIN_TEXT | PARSED

WORD_NS = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
ODF_TEXT_NS = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"


class _Enough(Exception):
    """Raised by `_Collector` once `MAX_TEXT_CHARS` are kept."""


class _Collector:
    """Words gathered up to the cap, one space between pieces."""

    def __init__(self, limit: int = MAX_TEXT_CHARS) -> None:
        self.limit = limit
        self.pieces: list[str] = []
        self.size = 0

    def add(self, text: str | None) -> None:
        words = " ".join((text or "").split())
        if not words:
            return
        self.pieces.append(words)
        self.size += len(words) + 1
        if self.size >= self.limit:
            raise _Enough

    def text(self) -> str:
        return " ".join(self.pieces)[: self.limit]


def extension_of(name: str) -> str:
    return PurePath(name or "").suffix.lower().lstrip(".")


def plain_text(data: bytes) -> str:
    try:
        decoded = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        decoded = data.decode("cp1252", errors="replace")
    return " ".join(decoded[: MAX_TEXT_CHARS * 2].split())[:MAX_TEXT_CHARS]


def _pdf(data: bytes, out: _Collector) -> None:
    from pypdf import PdfReader  # imported in the child process only: it is the slow part

    reader = PdfReader(io.BytesIO(data))
    if reader.is_encrypted and not reader.decrypt(""):
        return
    for number, page in enumerate(reader.pages):
        if number >= MAX_PDF_PAGES:
            return
        out.add(page.extract_text())


def _archive(data: bytes, extension: str) -> zipfile.ZipFile:
    """The office file as an archive, once the upload's zip-bomb guard accepts it."""
    upload = io.BytesIO(data)
    upload.name = f"document.{extension}"
    check_document_content(upload)
    return zipfile.ZipFile(io.BytesIO(data))


def _xml_part(archive: zipfile.ZipFile, name: str):
    info = archive.getinfo(name)
    if info.file_size > MAX_PART_BYTES:
        return None
    return ElementTree.fromstring(archive.read(info))


def _docx(data: bytes, out: _Collector) -> None:
    with _archive(data, "docx") as archive:
        names = set(archive.namelist())
        parts = ["word/document.xml", "word/footnotes.xml", "word/endnotes.xml"]
        for name in parts:
            root = _xml_part(archive, name) if name in names else None
            if root is None:
                continue
            for paragraph in root.iter(f"{WORD_NS}p"):
                out.add("".join(node.text or "" for node in paragraph.iter(f"{WORD_NS}t")))


def _odt(data: bytes, out: _Collector) -> None:
    with _archive(data, "odt") as archive:
        root = _xml_part(archive, "content.xml")
        if root is None:
            return
        for element in root.iter():
            if element.tag in (f"{ODF_TEXT_NS}p", f"{ODF_TEXT_NS}h"):
                out.add("".join(element.itertext()))


def _xlsx(data: bytes, out: _Collector) -> None:
    from openpyxl import load_workbook

    _archive(data, "xlsx").close()
    workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    try:
        for sheet in workbook.worksheets:
            out.add(sheet.title)
            for row in sheet.iter_rows(values_only=True):
                out.add(" ".join(str(value) for value in row if value is not None))
    finally:
        workbook.close()


PARSERS = {"pdf": _pdf, "docx": _docx, "odt": _odt, "xlsx": _xlsx}


def parse(data: bytes, extension: str) -> str:
    """The text of a file of a parsed type, in this process (the child's work)."""
    out = _Collector()
    try:
        PARSERS[extension](data, out)
    except _Enough:
        pass
    return out.text()


def text_of(data: bytes, extension: str, timeout: float = TIMEOUT_SECONDS) -> str:
    """The text inside a file's bytes; "" when its type is not read, it is too large, or
    reading it fails or takes too long (the reason is logged)."""
    if extension not in EXTENSIONS:
        return ""
    if len(data) > MAX_FILE_BYTES:
        logger.info("document text: %s file of %d bytes not read (too large)", extension, len(data))
        return ""
    if extension in PLAIN_TEXT:
        return plain_text(data)
    command = [sys.executable, "-m", "network_pages.search.document_text", extension]
    try:
        child = subprocess.run(  # noqa: S603 - our own module, a fixed argument
            command, input=data, capture_output=True, timeout=timeout, check=False
        )
    except subprocess.TimeoutExpired:
        logger.warning("document text: reading a %s file took over %ss", extension, timeout)
        return ""
    if child.returncode != 0:
        error = child.stderr.decode("utf-8", errors="replace").strip().splitlines()[-1:]
        logger.warning("document text: a %s file could not be read: %s", extension, error)
        return ""
    return child.stdout.decode("utf-8", errors="replace")[:MAX_TEXT_CHARS]


def _limit_child() -> None:
    """The child's ceilings: memory, and processor time a little above the wall clock's."""
    resource.setrlimit(resource.RLIMIT_AS, (CHILD_MEMORY_BYTES, CHILD_MEMORY_BYTES))
    seconds = TIMEOUT_SECONDS + 5
    resource.setrlimit(resource.RLIMIT_CPU, (seconds, seconds))


def main(argv: list[str]) -> int:
    extension = argv[1] if len(argv) > 1 else ""
    if extension not in PARSERS:
        print(f"not a parsed type: {extension!r}", file=sys.stderr)
        return 2
    _limit_child()
    data = sys.stdin.buffer.read(MAX_FILE_BYTES + 1)
    sys.stdout.buffer.write(parse(data, extension).encode("utf-8"))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
