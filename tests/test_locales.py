"""Every text exists in Vietnamese and in English, with the same placeables, and every key the
code asks for (written out, or built at run time from a known set of values) is in both."""

from __future__ import annotations

import ast
import functools
import pathlib
import re
import string

import pytest
from fluent.syntax import ast as fl
from fluent.syntax import visitor

from services.broadcast import AUDIENCES
from services.deadline_words import WORDS as DEADLINE_WORDS
from services.directive_drafts import DESK_VALIDATED_FIELDS, EDITABLE_FIELDS, VALIDATED_FIELDS
from services.directive_texts import DOC_TYPE_KEYS
from services.export_data import COLUMNS
from services.export_docx import TABLE_COLUMNS
from services.i18n import LANGUAGES, catalog, fluent_id, t
from services.parsing.deadlines import FLAGS as DEADLINE_FLAGS
from services.reminders.staff_tools import NOTIFY_CHOICES
from services.report_templates import FIELD_TYPES
from storage.tables.directives import ASSIGNMENT_STATUSES, DEADLINE_KINDS
from storage.tables.people import CHANNELS, ROLES
from storage.tables.units import UNIT_KINDS
from web.directive_view import AUDIT_ACTIONS, AUDIT_CHANNELS, FILTERS

ROOT = pathlib.Path(__file__).parents[1]
#: Code that holds user-facing texts; storage/ only names SQL columns ("directive.id").
CODE_DIRS = ("bot", "handlers", "services", "ground", "web")
KEY = re.compile(r"[a-z_]+(?:\.[a-z0-9_]+)+")
#: Dotted strings in code that are not catalog keys.
NOT_KEYS = {"status.png", "directive.html"}  # a chart file name, a template name


class _Variables(visitor.Visitor):
    def __init__(self) -> None:
        super().__init__()
        self.names: set[str] = set()

    def visit_VariableReference(self, node: fl.VariableReference) -> None:  # noqa: N802
        self.names.add(node.id.name)


def _variables(message: fl.Message) -> set[str]:
    found = _Variables()
    found.visit(message)
    return found.names


@functools.cache
def _modules() -> tuple[tuple[pathlib.Path, ast.Module], ...]:
    """Every module of the code, parsed once per run (the scans below only read the trees)."""
    paths = [p for d in CODE_DIRS for p in sorted((ROOT / d).rglob("*.py"))]
    return tuple((p, ast.parse(p.read_text(encoding="utf-8"))) for p in paths)


def _call_name(node: ast.Call) -> str:
    f = node.func
    return f.id if isinstance(f, ast.Name) else f.attr if isinstance(f, ast.Attribute) else ""


def _constant_args(name: str, position: int, module: str | None = None) -> set[str]:
    """String constants passed as argument ``position`` of every call to ``name`` in the code,
    or in one ``module`` (both branches of ``"a" if x else "b"`` included)."""
    values: set[str] = set()
    for path, tree in _modules():
        if module is not None and path.relative_to(ROOT).as_posix() != module:
            continue
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and _call_name(node) == name and len(node.args) > position:
                for sub in ast.walk(node.args[position]):
                    if isinstance(sub, ast.Constant) and isinstance(sub.value, str):
                        values.add(sub.value)
    return values


def _tuple_heads(module: str, name: str) -> set[str]:
    """The first items of the (key, value) pairs assigned to ``name`` in ``module``."""
    tree = ast.parse((ROOT / module).read_text(encoding="utf-8"))
    heads: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and any(isinstance(x, ast.Name) and x.id == name for x in node.targets):
            for item in getattr(node.value, "elts", []):
                if isinstance(item, ast.Tuple) and isinstance(item.elts[0], ast.Constant):
                    heads.add(item.elts[0].value)
    return heads


def _literal_keys() -> set[str]:
    """Every dotted string in the code whose first part names a catalog group, wherever it is
    written (``t("a.b")``, ``ctx.reply("a.b")``, ``"a.yes" if x else "a.no"``, a button, a
    command's help), plus whatever is passed first to ``t``, ``ctx.t`` or ``ctx.reply``."""
    groups = {key.split(".")[0] for key in catalog("vi")}
    keys: set[str] = set()
    for _path, tree in _modules():
        # the fixed head of an f-string key is checked with the built keys below
        heads = {id(v) for n in ast.walk(tree) if isinstance(n, ast.JoinedStr) for v in n.values}
        for node in ast.walk(tree):
            if id(node) in heads:
                continue
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and KEY.fullmatch(node.value):
                if node.value.split(".")[0] in groups and node.value not in NOT_KEYS:
                    keys.add(node.value)
            if isinstance(node, ast.Call) and _call_name(node) in ("t", "reply") and node.args:
                index = (
                    1 if _call_name(node) == "t" and len(node.args) > 1 and isinstance(node.args[0], ast.Name) else 0
                )
                arg = node.args[index]
                if isinstance(arg, ast.Constant) and isinstance(arg.value, str) and "." in arg.value:
                    keys.add(arg.value)
    return keys


def _built_key_shapes() -> dict[str, list[str]]:
    """Keys built at run time, as shapes: f"role.{r.role}" -> "role.{}"."""
    groups = {key.split(".")[0] for key in catalog("vi")}
    shapes: dict[str, list[str]] = {}
    for path, tree in _modules():
        for node in ast.walk(tree):
            if isinstance(node, ast.JoinedStr) and node.values and isinstance(node.values[0], ast.Constant):
                head = str(node.values[0].value)
                shape = "".join(str(v.value) if isinstance(v, ast.Constant) else "{}" for v in node.values)
            elif (
                isinstance(node, ast.BinOp)
                and isinstance(node.op, ast.Add)
                and isinstance(node.left, ast.Constant)
                and isinstance(node.left.value, str)
            ):
                head = node.left.value  # 'deadline_kind.' + kind
                shape = head + "{}"
            else:
                continue
            if not re.match(r"[a-z_]+[._]", head) or head.split(".")[0] not in groups or "." not in head:
                continue
            if " " not in shape:
                shapes.setdefault(shape, []).append(f"{path.relative_to(ROOT)}:{node.lineno}")
    return shapes


def _runtime_values() -> dict[str, set[str]]:
    """What each built key can be, read from the code's own constants and calls."""
    return {
        "role.{}": set(ROLES),
        "cli.role.{}": set(ROLES),
        "cli.kind.{}": set(UNIT_KINDS),
        "deadline_kind.{}": set(DEADLINE_KINDS),
        # services/deadline_words.py: one key per Vietnamese word of a stored deadline phrase.
        "deadline_word.{}": {key for _, key in DEADLINE_WORDS},
        "parse.{}": _tuple_heads("bot/cli_parse.py", "rows"),
        "directive.kind.{}": set(DEADLINE_KINDS),
        "directive.doctype.{}": set(DOC_TYPE_KEYS),
        "directive.status.{}": set(ASSIGNMENT_STATUSES),
        "report.status.{}": set(ASSIGNMENT_STATUSES),
        "export.col.{}": set(COLUMNS) | set(TABLE_COLUMNS),
        "reminder.notify.{}": set(NOTIFY_CHOICES),
        "broadcast.audience.{}": set(AUDIENCES),
        "broadcast.audience_{}": set(AUDIENCES),
        "directive.ask_value.{}": set(EDITABLE_FIELDS),
        "directive.button.field_{}": set(EDITABLE_FIELDS),
        "directive.bad_value.{}": set(VALIDATED_FIELDS),
        # web/new_routes.py words urgency as chat does (directive.bad_value.urgency).
        "web.new.bad_value.{}": set(DESK_VALIDATED_FIELDS) - {"urgency"},
        # services/unit_words.py reads any other kind as "unit".
        "unit_kind.{}.noun": set(UNIT_KINDS) | {"unit"},
        "unit_kind.{}.leader": set(UNIT_KINDS) | {"unit"},
        "unit_kind.{}.leader_short": set(UNIT_KINDS) | {"unit"},
        "report.ask.{}": set(FIELD_TYPES),
        "report.error.{}": _constant_args("Problem", 0),
        "report.template_error.{}": _constant_args("TemplateError", 1),
        "start.invite_{}": _constant_args("InviteError", 0),
        "intake.{}": _constant_args("Refused", 0),
        "directive.summary.flag.{}": set(DEADLINE_FLAGS),
        # "denied" never reaches the text: the handler answers auth.denied first.
        "directive.ack.{}": _constant_args("AckResult", 0) - {"denied"},
        "directive.change.{}_usage": _constant_args("_managed", 2, "handlers/directives_change.py"),
        # /kenh answers "no_account" with kenh.no_account; only /link's reasons are link errors.
        "link.error.{}": _constant_args("LinkError", 0) - {"no_account"},
        "web.audit.{}": set(AUDIT_ACTIONS),
        "web.audit.channel.{}": set(AUDIT_CHANNELS),
    }


#: Dashboard pages (web/templates/*.html): their texts are keys passed to ``t`` as well.
TEMPLATES = ROOT / "web" / "templates"


def _template_calls() -> list[tuple[str, str]]:
    """(template, key or key shape) of every ``t(...)`` call in the dashboard's templates, read
    from Jinja2's own parse tree: ``t("web.nav.new")`` -> "web.nav.new", and a key built with
    ``~`` (``t("web.refused." ~ reason)``) -> "web.refused.{}". Anything else is "?"."""
    from jinja2 import Environment, nodes

    env = Environment()
    found: list[tuple[str, str]] = []
    for path in sorted(TEMPLATES.glob("*.html")):
        tree = env.parse(path.read_text(encoding="utf-8"))
        for call in tree.find_all(nodes.Call):
            if not (isinstance(call.node, nodes.Name) and call.node.name == "t"):
                continue
            arg = call.args[0] if call.args else None
            if isinstance(arg, nodes.Const) and isinstance(arg.value, str):
                found.append((path.name, arg.value))
            elif isinstance(arg, nodes.Concat):
                found.append((path.name, "".join(p.value if isinstance(p, nodes.Const) else "{}" for p in arg.nodes)))
            else:
                found.append((path.name, "?"))
    return found


def _web_keyword_constants(keyword: str, template: str) -> set[str]:
    """The values the dashboard's code passes as ``keyword=`` when it renders ``template``
    (``page(..., "refused.html", ..., reason="csrf")``), constants and both sides of an
    ``if``; a variable passed instead is followed to the constants assigned to it."""
    values: set[str] = set()
    for path in sorted((ROOT / "web").glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        assigned: dict[str, set[str]] = {}
        for node in ast.walk(tree):
            if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
                strings = {
                    c.value for c in ast.walk(node.value) if isinstance(c, ast.Constant) and isinstance(c.value, str)
                }
                assigned.setdefault(node.targets[0].id, set()).update(strings)
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call) or not any(
                isinstance(a, ast.Constant) and a.value == template for a in node.args
            ):
                continue
            for kw in node.keywords:
                if kw.arg != keyword:
                    continue
                for sub in ast.walk(kw.value):
                    if isinstance(sub, ast.Constant) and isinstance(sub.value, str):
                        values.add(sub.value)
                    elif isinstance(sub, ast.Name):
                        values |= assigned.get(sub.id, set())
    return values


def _template_shape_values() -> dict[str, set[str]]:
    """What each key a template builds can be: the shapes the code builds too, and these."""
    return {
        **_runtime_values(),
        "web.refused.{}": _web_keyword_constants("reason", "refused.html"),
        "web.refused.{}_title": _web_keyword_constants("reason", "refused.html"),
        # login_failed.html shows the reason a login link was refused (services/web_login.py).
        "web.login.error.{}": _constant_args("WebLoginError", 0),
        "web.channel.{}": set(CHANNELS),
        "web.list.filter_{}": set(FILTERS),
        # broadcast_compose.html: one choice per audience (web/broadcast_routes.py passes AUDIENCES).
        "web.broadcast.kind_{}": set(AUDIENCES),
    }


def test_every_key_a_template_uses_exists_in_both_languages():
    calls = _template_calls()
    assert len({key for _, key in calls}) > 80, "the scan found too few keys; is it still reading the templates?"
    assert ("base.html", "web.nav.new") in calls and ("refused.html", "web.refused.{}") in calls
    unreadable = sorted(name for name, key in calls if key == "?")
    assert unreadable == [], "a template passes t() a key this test cannot read"
    shapes = _template_shape_values()
    assert {"csrf", "not_found", "stale_form"} <= shapes["web.refused.{}"]
    assert {"unknown", "used", "expired", "not_staff"} <= shapes["web.login.error.{}"]
    wanted: set[str] = set()
    for name, key in calls:
        if "{}" in key:
            assert key in shapes, f"{name} builds {key!r}; say in _template_shape_values what it can be"
            wanted |= {key.format(v) for v in shapes[key]}
        else:
            wanted.add(key)
    for lang in LANGUAGES:
        assert sorted(k for k in wanted if k not in catalog(lang)) == [], lang


def test_vietnamese_and_english_have_the_same_keys():
    vi, en = catalog("vi"), catalog("en")
    assert sorted(set(vi) - set(en)) == []
    assert sorted(set(en) - set(vi)) == []


def test_placeholders_match_between_languages():
    vi, en = catalog("vi"), catalog("en")
    mismatched = {k: (_variables(vi[k]), _variables(en[k])) for k in vi if _variables(vi[k]) != _variables(en[k])}
    assert mismatched == {}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_text_formats_without_errors(lang):
    """A placeable or a plural that does not resolve would reach the chat as "{$n}"."""
    from services.i18n import _bundle

    bundle = _bundle(lang)
    broken = {}
    for key, message in catalog(lang).items():
        args = {name: 3 for name in _variables(message)}
        text, errors = bundle.format_pattern(bundle.get_message(fluent_id(key)).value, args)
        if errors or not text.strip() and key not in ("reminder.digest.none",):
            broken[key] = (text, errors)
    assert broken == {}


def test_every_key_used_in_code_exists_in_both_languages():
    used = _literal_keys()
    assert len(used) > 300, "the scan found too few keys; is it still reading the code?"
    assert "export.value.yes" in used and "report.value.yes" in used
    for lang in LANGUAGES:
        assert sorted(k for k in used if k not in catalog(lang)) == [], lang


def test_every_key_built_at_run_time_is_enumerated_and_exists():
    values = _runtime_values()
    shapes = _built_key_shapes()
    assert {"role.{}", "reminder.notify.{}", "deadline_kind.{}", "cli.kind.{}"} <= set(shapes)
    unknown = {shape: where for shape, where in shapes.items() if shape not in values}
    assert unknown == {}, "a key built at run time that this test cannot enumerate"
    for shape, known in values.items():
        assert known, f"no values found for {shape}"
        for lang in LANGUAGES:
            missing = sorted(shape.format(v) for v in known if shape.format(v) not in catalog(lang))
            assert missing == [], (lang, shape)


def test_a_key_yaml_would_have_read_as_a_boolean_is_found_under_its_name():
    # locales/*/oversight.yaml had an unquoted `yes:`; YAML made it True and the export
    # column read "export.value.yes".
    assert t("vi", "export.value.yes") == "có"
    assert t("en", "export.value.yes") == "yes"


def test_a_missing_key_is_noticed_not_shown_as_a_sentence(caplog):
    assert t("vi", "export.value.no_such_key") == "export.value.no_such_key"
    assert "missing locale key export.value.no_such_key" in caplog.text


def test_ids_follow_the_key_rule():
    for lang in LANGUAGES:
        bad = [k for k in catalog(lang) if not KEY.fullmatch(k)]
        assert bad == [], lang


def test_t_fills_placeholders():
    assert t("vi", "command.unknown", command="/abc").startswith("Tôi chưa biết lệnh /abc")


def test_english_counts_take_the_plural_and_vietnamese_numbers_their_own_form():
    assert t("en", "reminder.left.days", n=1) == "1 day left"
    assert t("en", "reminder.left.days", n=3) == "3 days left"
    assert t("vi", "reminder.left.days", n=3) == "còn 3 ngày"
    assert t("vi", "report.error.text_too_long", length=10000, max=2000).startswith("Nội dung dài 10.000 ký tự")
    assert t("en", "report.error.text_too_long", length=10000, max=2000).startswith("The text is 10,000 characters")
    assert not any("\u2068" in t(lang, "reminder.left.days", n=3) for lang in LANGUAGES)  # no isolation marks


def test_a_remembered_text_is_the_one_its_own_values_make():
    # Texts are formatted once and remembered: 1, 1.0, True and "1" are one dictionary key, but
    # each reads its own way, and a list (not a key) is formatted all the same.
    assert t("en", "reminder.left.days", n=10000) == "10,000 days left"
    assert t("en", "reminder.left.days", n="10000") == "10000 days left"
    assert t("en", "reminder.left.days", n=1) == "1 day left"
    assert t("en", "reminder.left.days", n=True) == "True days left"
    assert t("en", "reminder.left.days", n=1) == "1 day left"
    assert t("vi", "command.unknown", command=["/a"]).startswith("Tôi chưa biết lệnh ['/a']")


def test_no_format_placeholders_left_from_the_yaml_catalogs():
    """A "{name}" left from the old catalogs would be shown literally."""
    leftovers = {}
    for lang in LANGUAGES:
        for key in catalog(lang):
            text = t(lang, key)
            if any(name for _, name, _, _ in string.Formatter().parse(text.replace("{$", "")) if name):
                leftovers[(lang, key)] = text
    assert leftovers == {}
