from ._native import BlockReport as BlockReport
from ._native import DecodeReport as DecodeReport
from ._native import Report as Report
from ._native import RuleError as RuleError
from ._native import Thresh as Thresh
from ._native import __version__ as __version__

__all__ = ["RuleError", "Thresh", "__version__", "dolma_attributes"]

def dolma_attributes(report: Report, prefix: str = "thresh__thresh__") -> dict[str, list[list[float]]]:
    """Dolma attributes (``<prefix>boilerplate``, ``<prefix>block``) for one
    document, from its ``Thresh.clean_report``; spans in characters."""
