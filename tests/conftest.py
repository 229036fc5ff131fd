"""Shared fixtures. Fixture modules live in tests/support/."""

pytest_plugins = [
    "tests.support.network_guard",
    "tests.support.db",
    "tests.support.chat",
    "tests.support.org",
    "tests.support.telegram_fixtures",
    "tests.support.zalo_fixtures",
    "tests.support.web",
    "tests.support.live_web",
]

# On CI the property tests draw the same examples every run, so a landing does not hang on a
# lucky draw; locally they keep drawing new ones, which is where they find new cases.
import os  # noqa: E402

from hypothesis import settings  # noqa: E402

settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")
