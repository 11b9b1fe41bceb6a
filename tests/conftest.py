"""Shared fixtures: a real local HTTP server, settings in a temporary data directory,
the crawl entry point, and state databases (SQLite, PostgreSQL)."""

from __future__ import annotations

import os
import random
import tempfile
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from myrtille.config.loading import load_settings
from myrtille.config.settings import EnrichmentSettings, Settings
from myrtille.crawlers.runner import CrawlReport, run_crawl
from myrtille.demo.httpserver import RouteServer
from myrtille.enrichment.enricher import Enricher
from myrtille.store.database import Database, open_database
from tests.run_environment import TEST_PREFIX, run_variable, take_test_variables

DEFAULT_POSTGRES = "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
TEST_VARIABLES = "myrtille_test_variables"
HASH_SEED = "myrtille_hash_seed"
_TAKEN = pytest.StashKey[dict[str, str]]()
_SEED = pytest.StashKey[str]()
# Session fixtures that cost a run of their own (a demo collection, a corpus crawl): under
# xdist the modules that use one go to one worker together, so that it runs once.
SHARED_RUNS = ("demo_run", "corpus_crawl")
# Modules of a minute or more (besides those marked slow), started first under xdist, so
# that none of them is the last one a worker runs (serial figures in docs/testing.md).
LONG_MODULES = (
    "tests/demo/test_live_demo.py",
    "tests/demo/test_quiet_demo.py",
    "tests/service/test_restart.py",
    "tests/service/test_handoff.py",
    "tests/service/test_run.py",
    "tests/service/test_worker.py",
    "tests/texts/test_renderings.py",
    "tests/texts/test_cli_language.py",
)


def pytest_configure(config: pytest.Config) -> None:
    # A command run without data_dir uses the per-user directory: never the real one
    # (each xdist worker makes its own).
    os.environ["XDG_DATA_HOME"] = tempfile.mkdtemp(prefix="myrtille-tests-xdg-")
    config.stash[_TAKEN] = {n: v for n, v in os.environ.items() if n.startswith(TEST_PREFIX)}
    take_test_variables()
    worker_input = getattr(config, "workerinput", {})
    # xdist workers start once the controller has taken the variables out of the
    # environment: it hands them over (pytest_configure_node).
    take_test_variables(dict(worker_input.get(TEST_VARIABLES, {})))
    if worker_input.get(HASH_SEED):
        # The worker was started with the run's seed; the commands the tests start get a
        # random one, as without xdist.
        os.environ.pop("PYTHONHASHSEED", None)
    elif config.getoption("numprocesses", None) and "PYTHONHASHSEED" not in os.environ:
        # The workers must collect the same test ids, and some ids print sets
        # (tests/index/test_contract.py): one hash seed for them all, drawn for the run.
        os.environ["PYTHONHASHSEED"] = str(random.SystemRandom().randrange(1, 1 << 32))
        config.stash[_SEED] = os.environ["PYTHONHASHSEED"]


def pytest_report_header(config: pytest.Config) -> str | None:
    seed = config.stash.get(_SEED, None)
    return f"xdist workers' PYTHONHASHSEED: {seed}" if seed else None


@pytest.hookimpl(optionalhook=True)
def pytest_configure_node(node: Any) -> None:
    """xdist, in the controller: each worker gets the run's ``MYRTILLE_TEST_*`` values."""
    node.workerinput[TEST_VARIABLES] = dict(node.config.stash[_TAKEN])
    node.workerinput[HASH_SEED] = node.config.stash.get(_SEED, "")


# First: xdist's worker reads the xdist_group marks in its own hook of the same name.
@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """On xdist workers (`make test`: ``-n 2 --dist loadgroup --no-loadscope-reorder``):
    one group per module, so that a module's fixtures are made once and its tests run in
    their order, one group for the modules sharing a costly session fixture, and the long
    groups first, so that the workers end together (docs/testing.md)."""
    if not os.environ.get("PYTEST_XDIST_WORKER"):
        return
    groups: dict[str, str] = {}
    for item in items:
        module = item.nodeid.split("::", 1)[0]
        shared = [name for name in SHARED_RUNS if name in item.fixturenames]
        if shared:
            groups[module] = shared[0]
        groups.setdefault(module, module.removeprefix("tests/").removesuffix(".py"))
    group_of = {id(item): groups[item.nodeid.split("::", 1)[0]] for item in items}
    long = {groups[module] for module in LONG_MODULES if module in groups}
    long |= {group_of[id(item)] for item in items if item.get_closest_marker("slow")}
    items.sort(key=lambda item: group_of[id(item)] not in long)  # stable: order kept within
    for item in items:
        item.add_marker(pytest.mark.xdist_group(group_of[id(item)]))


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_node_collection_finished(node: Any, ids: list[str]) -> None:
    """xdist, in the controller: a worker's tests that did not get their group (xdist writes
    it at the end of their id) would spread a module over both workers, and a module's
    tests rely on their order; the run stops here rather than fail elsewhere by chance."""
    if node.config.getvalue("dist") != "loadgroup":
        return
    ungrouped = [nodeid for nodeid in ids if "@" not in nodeid.rpartition("]")[2]]
    if ungrouped:
        pytest.exit(
            f"pytest-xdist did not group {ungrouped[0]} (pytest {pytest.__version__}): with "
            "pytest 9.2 or later --dist loadgroup groups nothing (pytest-xdist issue 1386); "
            "install the versions pyproject.toml pins, or run with TEST_WORKERS=0",
            returncode=4,
        )


@pytest.fixture
def server() -> Iterator[RouteServer]:
    with RouteServer() as running:
        yield running


def make_settings(data_dir: Path, sources: list[dict[str, Any]], **crawl: Any) -> Settings:
    crawl_settings = {
        "autothrottle": False,
        "timeout": "5s",
        "retries": 0,
        "concurrency_per_domain": 8,
        **crawl,
    }
    return load_settings(
        None,
        env={},
        overrides={"data_dir": str(data_dir), "sources": sources, "crawl": crawl_settings},
    )


@pytest.fixture
def settings_for(tmp_path: Path) -> Callable[..., Settings]:
    def build(sources: list[dict[str, Any]], **crawl: Any) -> Settings:
        return make_settings(tmp_path / "data", sources, **crawl)

    return build


@pytest.fixture
def crawl() -> Iterator[Callable[..., CrawlReport]]:
    """Crawl through the real entry point (a child process), as `myrtille crawl` does."""
    opened: list[Database] = []

    def run(settings: Settings, *source_ids: str) -> CrawlReport:
        database = open_database(settings.state_url)
        opened.append(database)
        chosen = [settings.source(s) for s in source_ids] if source_ids else settings.sources
        return run_crawl(settings, database, chosen)

    yield run
    for database in opened:
        database.dispose()


def postgres_url() -> str | None:
    """The PostgreSQL server for contract tests; required in CI, optional elsewhere."""
    return run_variable("MYRTILLE_TEST_POSTGRES_URL") or DEFAULT_POSTGRES


@pytest.fixture(scope="session")
def postgres_server() -> str:
    url = postgres_url()
    assert url is not None
    try:
        engine = create_engine(url)
        with engine.connect() as connection:
            connection.execute(text("select 1"))
        engine.dispose()
    except Exception as exc:  # any driver or network failure means: no server here
        if os.environ.get("CI") or run_variable("MYRTILLE_TEST_POSTGRES_URL"):
            raise
        pytest.skip(f"PostgreSQL not reachable at {url}: {exc}")
    return url


@pytest.fixture
def postgres_database(postgres_server: str) -> Iterator[str]:
    """A fresh, empty PostgreSQL database for one test, dropped afterwards."""
    name = f"myrtille_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(postgres_server, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(postgres_server).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def state_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """Each state-database contract test runs on SQLite and on PostgreSQL."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'state.db'}"
    return request.getfixturevalue("postgres_database")


@pytest.fixture
def database(state_url: str) -> Iterator[Database]:
    db = open_database(state_url)
    yield db
    db.dispose()


@pytest.fixture(scope="session")
def enricher() -> Iterator[Enricher]:
    """The real enricher, spaCy models loaded once for the whole session."""
    from tests.enrichment.test_enricher import REGISTRY

    yield Enricher(EnrichmentSettings(max_chars=5000), REGISTRY)


@pytest.fixture(scope="session")
def demo_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, int, str]:
    """One `myrtille demo --once` (collect and enrich the demo site: about a minute) for the
    session: its data directory, the demo site's port and the command's output. Read by
    tests/demo/test_demo.py and the demo map in tests/browser; a second run in the same
    directory adds nothing (test_running_the_demo_again_adds_nothing)."""
    from tests.demo.test_demo import free_port, run_demo

    data_dir = tmp_path_factory.mktemp("demo") / "demo-data"
    port = free_port()
    result = run_demo(data_dir, port)
    assert result.returncode == 0, result.stdout + result.stderr
    return data_dir, port, result.stdout
