"""News Compare: compare two versions of a translated news article and publish a clean one."""

__version__: str  # looked up on first use (below): importlib.metadata takes 20 ms to import

APP_NAME = "News Compare"


def __getattr__(name: str) -> str:
    if name != "__version__":
        raise AttributeError(f"module 'compare' has no attribute {name!r}")
    from importlib.metadata import PackageNotFoundError, version

    try:
        found = version("news-compare")
    except PackageNotFoundError:  # running from a source tree that is not installed
        found = "0.1.0"
    globals()["__version__"] = found
    return found
