"""News Compare: compare two versions of a translated news article and publish a clean one."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("news-compare")
except PackageNotFoundError:  # running from a source tree that is not installed
    __version__ = "0.1.0"

APP_NAME = "News Compare"
