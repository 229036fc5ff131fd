"""Shared fixtures. Fixture modules live in tests/support/."""

pytest_plugins = [
    "tests.support.network_guard",
    "tests.support.db",
    "tests.support.chat",
    "tests.support.org",
    "tests.support.telegram_fixtures",
    "tests.support.zalo_fixtures",
]
