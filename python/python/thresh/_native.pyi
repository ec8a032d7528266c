"""Type stubs for the compiled ``thresh`` engine."""

from os import PathLike
from typing import Literal, Optional, Sequence, TypedDict, Union

__version__: str

class RuleError(ValueError):
    """A rule file is invalid.

    The message names each problem at its file, line and column, exactly as
    the command line prints it.
    """

class BlockReport(TypedDict):
    span: tuple[int, int]
    """The block's ``[start, end)`` in characters of the cleaned text."""
    lang: Optional[str]
    """ISO 639-1 tag (``"en"``, ``"zh-Hant"``, ...), ``None`` without a language of its own."""
    confidence: float
    lang_method: str
    """What decided the language: ``"script"``, ``"function-words"``, ``"detector"``, ..."""
    decision: Literal["keep", "strip", "drop"]
    by: Literal["default", "rule", "language", "context"]
    rule: Optional[str]
    """The id of the deciding rule, when a rule decided."""
    evidence: list[str]
    stripped: list[tuple[int, int]]
    """Character ranges cut from a kept block by ``strip-span`` rules."""

class DecodeReport(TypedDict):
    encoding: str
    source: str
    had_errors: bool
    refs_decoded: int

class Report(TypedDict):
    text: str
    blocks: list[BlockReport]
    decode: DecodeReport

class Thresh:
    """A compiled cleaner: rules, language policy and detector.

    Build it once (the rules are compiled here) and share it; every method is
    safe to call from many threads at once.

    :param lang: languages to keep: ``"en"``, ``"en,de"``, ``["en", "de"]``,
        or ``"any"`` to turn the language policy off. Default ``["en"]``.
    :param rules: folders of rule files (``*.toml``, searched recursively);
        a rule with the id of a built-in rule replaces it.
    :param disable: ids of rules to switch off.
    :param default_rules: whether the built-in rules are loaded.
    :param encoding: a WHATWG label (``"big5"``, ``"gbk"``, ``"shift_jis"``,
        ...) that ``clean_bytes`` decodes with instead of detecting.
    :raises RuleError: a rule file is invalid.
    :raises ValueError: an unknown language code, rule id or encoding.
    """

    def __init__(
        self,
        lang: Union[str, Sequence[str], None] = None,
        rules: Optional[Sequence[Union[str, "PathLike[str]"]]] = None,
        disable: Optional[Sequence[str]] = None,
        default_rules: bool = True,
        encoding: Optional[str] = None,
    ) -> None: ...
    def clean(self, text: str) -> str:
        """The kept blocks of ``text``, one blank line between them and a
        newline after the last; ``""`` when nothing is kept."""
    def clean_bytes(self, data: bytes) -> str:
        """Decode ``data`` as the command line does (byte-order mark, UTF-8 or
        a detected legacy encoding) and clean it."""
    def clean_report(self, text: str) -> Report:
        """The clean text and every block's decision, with spans in characters."""
    def clean_batch(self, texts: Sequence[Optional[str]], threads: Optional[int] = None) -> list[str]:
        """Clean many texts with the GIL released, on ``threads`` threads
        (default every core; ``1`` cleans in the calling thread). One output per
        input, in order; ``None`` cleans to ``""``."""
    @property
    def rule_ids(self) -> list[str]:
        """The ids of the loaded rules."""
    @property
    def undetectable_languages(self) -> list[str]:
        """The languages asked for that the detector does not know (ISO 639-1
        codes such as ``"is"``); they turn the language policy off, with a
        ``UserWarning`` when the cleaner is made."""
    @property
    def lang(self) -> list[str]:
        """The languages kept (``["any"]`` when the policy is off)."""
