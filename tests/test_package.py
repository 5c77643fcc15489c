"""The engine as an installed package: the wheel carries every file the engine reads, installs with a
`dossier` command, and a dossier made by `new` builds from it, outside this checkout."""

from __future__ import annotations

import importlib.util
import os
import re
import subprocess
import sys
import tomllib
import venv
import zipfile
from pathlib import Path

import pytest
from conftest import REPO

STARTER = REPO / "dossier/authoring/sources/starter"


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    """The wheel of this checkout, built without the network (setuptools as installed here)."""
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(out),
            str(REPO),
        ],
        check=True,
        capture_output=True,
    )
    (found,) = out.glob("dossier-*.whl")
    return found


def test_the_wheel_carries_every_layout_asset_catalog_and_starter_file(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    layouts = {
        f"dossier/default_layouts/{p.relative_to(REPO / 'layouts').as_posix()}"
        for p in (REPO / "layouts").rglob("*")
        if p.is_file()
    }
    starter = {
        f"dossier/authoring/sources/starter/{p.relative_to(STARTER).as_posix()}"
        for p in STARTER.rglob("*")
        if p.is_file() and "__pycache__" not in p.parts
    }
    assert layouts and starter
    assert layouts - names == set()
    assert starter - names == set()
    assert "dossier/default_layouts/locales/de.po" in names and "dossier/__main__.py" in names
    assert {"dossier-0.1.0.dist-info/licenses/LICENSE", "dossier-0.1.0.dist-info/licenses/NOTICE"} <= names
    models = {f"dossier/authoring/suggesting/models/names-{language}.crfsuite" for language in ("de", "en")}
    assert models <= names  # the name models ship in the wheel, under 10 MB together
    listed = ("given-names.txt", "corpus-names.tsv")
    lists = {f"dossier/authoring/suggesting/models/{name}" for name in listed}
    assert lists <= names
    assert sum(zipfile.ZipFile(wheel).getinfo(model).file_size for model in models) < 10_000_000
    entry_points = next(n for n in names if n.endswith("entry_points.txt"))
    assert "dossier = dossier.cli:main" in zipfile.ZipFile(wheel).read(entry_points).decode()


def test_one_list_of_dependencies() -> None:
    """requirements.txt installs exactly the package's dependencies (Pagefind among them)."""
    declared = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]["dependencies"]
    listed = [
        line.strip()
        for line in (REPO / "requirements.txt").read_text().splitlines()
        if line.strip() and not line.startswith("#")
    ]
    assert sorted(listed, key=str.lower) == sorted(declared, key=str.lower)
    assert any(d.startswith("pagefind") for d in declared)


@pytest.fixture(scope="module")
def installed(wheel: Path, tmp_path_factory) -> Path:
    """A fresh virtual environment with the engine installed from the wheel alone (`--no-deps`:
    nothing is downloaded). Its dependencies are the running interpreter's: the package folders of
    its `sys.path` are named in a `.pth` file, which works whether the tests run from the system's
    Python or inside a virtual environment of their own (whose packages `--system-site-packages`
    would not see: it names the base interpreter's)."""
    environment = tmp_path_factory.mktemp("venv") / "env"
    venv.EnvBuilder(with_pip=True).create(environment)
    python = environment / "bin/python"
    site_packages = run([python, "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"], environment)
    folders = [p for p in sys.path if Path(p).name in ("site-packages", "dist-packages") and Path(p).is_dir()]
    (Path(site_packages.stdout.strip()) / "running-interpreter.pth").write_text("\n".join(folders) + "\n")
    subprocess.run(
        [python, "-m", "pip", "install", "--no-deps", "-q", str(wheel)], check=True, capture_output=True
    )
    return environment


def run(command: list, cwd: Path) -> subprocess.CompletedProcess:
    environment = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True, env=environment)


def test_a_german_dossier_builds_from_the_installed_engine(installed: Path, tmp_path: Path) -> None:
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    found = run([installed / "bin/python", "-c", "import dossier; print(dossier.__file__)"], outside)
    assert Path(found.stdout.strip()).is_relative_to(installed), found.stdout
    version = run([installed / "bin/dossier", "--version"], outside)
    assert version.stdout.strip() == "dossier 0.1.0"

    made = run([installed / "bin/dossier", "new", "neues-dossier", "--language", "de"], outside)
    assert made.returncode == 0, made.stderr
    assert "pip install -r requirements.txt" in made.stdout
    root = outside / "neues-dossier"
    built = run([installed / "bin/dossier", "--root", str(root), "--strict"], outside)
    assert built.returncode == 0, built.stdout + built.stderr
    assert "warning" not in built.stdout + built.stderr
    home = (root / "site/index.html").read_text()
    article = (root / "site/articles/beispielartikel/index.html").read_text()
    assert '<html lang="de"' in home and '<html lang="de"' in article
    assert (root / "site/pagefind/bundles.json").is_file()  # the search index: Pagefind is a dependency
    for german in (
        ">Quellen<",
        ">Zeitleiste<",
        ">Kennzahlen<",
        ">Akteure<",
        ">Suche<",
        ">Zum Inhalt springen<",
    ):
        assert german in home, german
    words = set(re.findall(r">([^<>]+)<", home))
    english = {"Articles", "Sources", "Timeline", "Figures", "Entities", "Search", "Skip to content", "Home"}
    assert words & english == set()

    same = run([installed / "bin/python", "-m", "dossier", "check", "--root", str(root)], outside)
    assert same.returncode == 0, same.stderr


def test_the_starter_build_py_says_how_to_install_the_engine(tmp_path: Path) -> None:
    """Without an installed engine, the dossier's build.py says in one line how to install it."""
    (tmp_path / "build.py").write_text((STARTER / "build.py").read_text())
    environment = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    bare = subprocess.run(
        [sys.executable, "-S", "-I", "build.py"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env=environment,
    )  # -S -I: no site-packages, no checkout on the path: as on a machine without the engine
    assert bare.returncode == 2
    install = "python -m pip install -r requirements.txt"
    assert bare.stderr.splitlines() == [
        f"build.py: the dossier engine is not installed; install it with: {install}"
    ]
    assert "Traceback" not in bare.stderr


@pytest.mark.parametrize(("mask", "folder_mode", "file_mode"), [(0o022, 0o755, 0o644), (0o077, 0o700, 0o600)])
def test_new_gives_the_umasks_modes(tmp_path: Path, mask: int, folder_mode: int, file_mode: int) -> None:
    script = (
        f"import os, sys; os.umask({mask}); from dossier.cli import main; "
        f"sys.exit(main(['new', {str(tmp_path / 'd')!r}, '--quiet']))"
    )
    assert subprocess.run([sys.executable, "-c", script], cwd=REPO).returncode == 0
    root = tmp_path / "d"
    folders = [root, *(p for p in root.rglob("*") if p.is_dir())]
    files = [p for p in root.rglob("*") if p.is_file()]
    assert {oct(p.stat().st_mode & 0o777) for p in folders} == {oct(folder_mode)}
    assert {oct(p.stat().st_mode & 0o777) for p in files} == {oct(file_mode)}


def test_new_writes_the_engine_it_is_told_to(tmp_path: Path, capsys) -> None:
    from dossier.cli import main

    spec = "git+https://github.com/example/dossier@v0.1.0"
    assert main(["new", str(tmp_path / "d"), "--engine", spec, "--quiet"]) == 0
    assert (tmp_path / "d/requirements.txt").read_text() == f"dossier @ {spec}\n"
    workflow = (tmp_path / "d/.github/workflows/pages.yml").read_text()
    assert re.search(r"pip install -r requirements.txt && python build.py", workflow)
    assert main(["new", str(tmp_path / "e"), "--engine", "dossier==0.1.0", "--quiet"]) == 0
    assert (tmp_path / "e/requirements.txt").read_text() == "dossier==0.1.0\n"


def test_messages_name_the_program_as_it_was_called(installed: Path, tmp_path: Path) -> None:
    missing = str(tmp_path / "no-such-folder")
    for command, name in (
        ([installed / "bin/dossier"], "dossier"),
        ([installed / "bin/python", "-m", "dossier"], "python -m dossier"),
        ([sys.executable, str(REPO / "build.py")], "python build.py"),
    ):
        result = run([*command, "--root", missing], tmp_path)
        assert result.returncode == 2
        assert result.stderr == f"{name}: error: --root {missing} is not a folder\n"
        usage = run([*command, "new"], tmp_path)
        assert usage.stderr == f"{name}: error: new takes one folder: {name} new DIR\n"
        unknown = run([*command, "publish"], tmp_path)
        assert unknown.returncode == 2 and f"{name}: error: argument command" in unknown.stderr


def test_build_py_finds_a_requirement_this_python_lacks(tmp_path: Path, monkeypatch) -> None:
    """What makes build.py run itself in .venv/ (README, Quick start): a package of requirements.txt
    this Python does not have; none where every one is installed, as here."""
    spec = importlib.util.spec_from_file_location("build_script", REPO / "build.py")
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    assert script.missing_package() is None
    requirements = tmp_path / "requirements.txt"
    requirements.write_text(
        "# the engine's\nJinja2>=3.1\n\nno-such-package-here[extra]>=1.0 ; python_version>'3'\n"
    )
    monkeypatch.setattr(script, "REQUIREMENTS", requirements)
    assert script.missing_package() == "no-such-package-here"
