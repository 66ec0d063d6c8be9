"""Safe YAML loading everywhere, with libyaml's C parser when it is installed.

Only ``SafeLoader`` (plain data, no Python objects) is ever used: configs,
digests and front matter come from users and articles. The C loader is the
same parser, roughly ten times faster on front matter of a large corpus.
"""

from __future__ import annotations

from typing import Any

import yaml

SafeLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def safe_load(text: str) -> Any:
    return yaml.load(text, Loader=SafeLoader)
