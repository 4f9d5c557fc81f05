"""The Snakemake profiles in profiles/: each parses, names only real options, and dry-runs.

The cluster profiles (SLURM, Kubernetes) name an executor plugin and, for Kubernetes, a storage
plugin. When those plugins are installed in this venv, the dry run uses the profile as it is
(a dry run submits nothing and starts no pod). When they are not (the plugins are not in the lock
files), the keys that only a plugin defines are checked by their prefix instead, and the dry run
goes without them: the executor line, the plugin's own options. The default storage (S3) is
always left out of the dry run, since planning against a bucket needs the network and
credentials (its keys are still checked against ``snakemake --help``); and since the Kubernetes
executor will not plan without a default storage, its dry run here is without the executor line
too, plugin or not.
"""

from __future__ import annotations

import functools
import importlib.util
import os
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml

from conftest import BIN, REPO, SAMPLE_PDF, SNAKEMAKE

PROFILES = REPO / "profiles"
CLUSTER_PROFILES = ["slurm", "kubernetes"]

#: Plugin -> (its Python module, the prefix of the command line options it adds).
PLUGINS = {
    "slurm": ("snakemake_executor_plugin_slurm", "slurm-"),
    "kubernetes": ("snakemake_executor_plugin_kubernetes", "kubernetes-"),
    "s3": ("snakemake_storage_plugin_s3", "storage-s3-"),
}
#: Keys a dry run on this machine leaves out: planning against a bucket needs the network.
STORAGE_KEYS = ("default-storage-provider", "default-storage-prefix")


def load(name: str) -> dict[str, Any]:
    with (PROFILES / name / "config.yaml").open(encoding="utf-8") as stream:
        return yaml.safe_load(stream)


def installed(plugin: str) -> bool:
    return importlib.util.find_spec(PLUGINS[plugin][0]) is not None


def plugins_of(profile: dict[str, Any]) -> list[str]:
    """The plugins a profile needs: its executor and its default storage provider."""
    wanted = [profile.get("executor"), profile.get("default-storage-provider")]
    return [name for name in wanted if name in PLUGINS]


@functools.cache
def snakemake_options() -> frozenset[str]:
    """Every long option of this venv's ``snakemake --help`` (with the plugins installed here)."""
    result = subprocess.run(
        [str(SNAKEMAKE), "--help"], capture_output=True, text=True, check=True, timeout=120
    )
    return frozenset(re.findall(r"(?<![\w-])--([a-z0-9][a-z0-9-]*)", result.stdout))


def rules() -> set[str]:
    result = subprocess.run(
        [str(SNAKEMAKE), "--snakefile", str(REPO / "Snakefile"), "--list-rules"],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return set(result.stdout.split())


@pytest.mark.parametrize("name", ["default", *CLUSTER_PROFILES])
def test_profile_parses_as_a_mapping_of_options(name: str) -> None:
    profile = load(name)
    assert isinstance(profile, dict) and profile
    assert all(isinstance(key, str) for key in profile)


@pytest.mark.parametrize("name", ["default", *CLUSTER_PROFILES])
def test_profile_keys_are_snakemake_options(name: str) -> None:
    options = snakemake_options()
    unknown = []
    for key in load(name):
        if key in options:
            continue
        # An option of a plugin that is not installed here: recognised by its prefix.
        if any(key.startswith(prefix) and not installed(plugin)
               for plugin, (_, prefix) in PLUGINS.items()):  # fmt: skip
            continue
        unknown.append(key)
    assert not unknown, f"profiles/{name}: not snakemake options: {unknown}"


@pytest.mark.parametrize("name", CLUSTER_PROFILES)
def test_cluster_profile_declares_executor_resources_and_retries(name: str) -> None:
    profile = load(name)
    assert profile["executor"] == name
    assert profile["jobs"] >= 1
    assert profile["latency-wait"] >= 5
    assert profile["retries"] >= 1
    defaults = profile["default-resources"]
    assert defaults["mem_mb"] >= 300  # the ceiling per job; measured peak is far below
    assert defaults["runtime"] >= 1
    if name == "slurm":
        assert defaults["slurm_partition"]
    if name == "kubernetes":
        assert profile["container-image"]
        assert profile["default-storage-provider"] == "s3"
        assert profile["default-storage-prefix"].startswith("s3://")


@pytest.mark.parametrize("name", CLUSTER_PROFILES)
def test_cluster_profile_names_only_rules_of_the_workflow(name: str) -> None:
    profile = load(name)
    named = set(profile.get("set-resources", {}))
    named |= {entry.split("=", 1)[0] for entry in profile.get("groups", [])}
    assert named <= rules()


def dry_run_profile(name: str, folder: Path) -> tuple[Path, list[str]]:
    """The profile as this machine can dry-run it, written to ``folder``; what was left out."""
    profile = load(name)
    left_out = [key for key in STORAGE_KEYS if key in profile]
    for plugin in plugins_of(profile):
        if installed(plugin):
            continue
        prefix = PLUGINS[plugin][1]
        left_out += [key for key in profile if key.startswith(prefix)]
        if profile.get("executor") == plugin:
            left_out.append("executor")
    for key in left_out:
        profile.pop(key, None)
    if "default-storage-provider" in left_out and "executor" in profile:
        # An executor without a shared filesystem (Kubernetes) refuses to plan without its
        # default storage, even in a dry run, and the bucket is out of reach here.
        left_out.append("executor")
        profile.pop("executor")
    folder.mkdir(parents=True)
    (folder / "config.yaml").write_text(yaml.safe_dump(profile), encoding="utf-8")
    return folder, left_out


@pytest.mark.parametrize("name", CLUSTER_PROFILES)
def test_cluster_profile_dry_runs(name: str, tmp_path: Path) -> None:
    (tmp_path / "input").mkdir()
    shutil.copy(SAMPLE_PDF, tmp_path / "input")
    profile, left_out = dry_run_profile(name, tmp_path / "profile")
    env = {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}"}
    command = [
        str(SNAKEMAKE),
        "--snakefile",
        str(REPO / "Snakefile"),
        "--profile",
        str(profile),
        "--directory",
        str(tmp_path),
        "--dry-run",
        "--nocolor",
        "--config",
        f"input_dir={tmp_path / 'input'}",
        f"output_dir={tmp_path / 'output'}",
        f"log_dir={tmp_path / 'logs'}",
    ]
    result = subprocess.run(
        command,
        cwd=tmp_path,
        env=env,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=300,
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, f"left out {left_out}:\n{output}"
    assert "This was a dry-run" in output
    # The read step is a checkpoint (a rejected PDF needs no further step): a dry run of a new
    # batch plans it and the corpus files; the rest is planned once it has run.
    for rule in ("read_pdf", "write_corpus"):
        assert re.search(rf"^{rule}\s+1$", output, re.M), output
    assert not (tmp_path / "output").exists()  # a dry run writes nothing


#: The rules that make one document's files; a cluster profile groups them per document.
DOCUMENT_RULES = {
    "read_pdf",
    "build_semantic_xml",
    "render_html",
    "render_akn",
    "render_pdf",
    "export_qa",
    "write_manifest",
}


@pytest.mark.parametrize("name", CLUSTER_PROFILES)
def test_cluster_profile_runs_one_document_per_cluster_job(name: str) -> None:
    """Every step of a document in its cluster jobs (the read step, a checkpoint, alone; then the
    rest), and never two documents in one: when one job of a group fails, Snakemake deletes the
    outputs of the whole group, so a failing document grouped with good ones would cost them all
    (seen on SLURM: docs/cluster.md)."""
    profile = load(name)
    groups = dict(entry.split("=", 1) for entry in profile["groups"])
    assert set(groups) == DOCUMENT_RULES
    assert set(groups.values()) == {"document"}
    components = dict(entry.split("=", 1) for entry in profile.get("group-components", []))
    assert int(components.get("document", 1)) == 1
