"""Links the portal builds from a request: they stay on the portal."""


def local_path(path):
    """`path` with one leading slash: `//host/x` (or `/\\host/x`, which browsers read
    alike) would send the reader to another site."""
    return "/" + path.lstrip("/\\")
