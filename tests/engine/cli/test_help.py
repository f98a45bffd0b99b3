"""What a new user reads: every command's help states its defaults and gives an example,
old option names keep working, and the classification is explained where people look."""

from __future__ import annotations

import json
import re
import shutil

from engine.reporters import FORMATS
from tests.cli import ROOT, ai_assure

AS_OF = ["--as-of", "2026-11-26"]
SEARCH = ROOT / "examples" / "document-search"


def test_register_defaults_to_the_current_folder(tmp_path):
    shutil.copytree(SEARCH, tmp_path / "document-search")
    result = ai_assure("register", *AS_OF, "--format", "json", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)
    assert rows and all(r["system_id"] == "document-search" for r in rows["risks"])


def test_check_names_governance_policies_apart_from_the_teams_own_rules():
    help_text = " ".join(ai_assure("check", "--help").stdout.split())
    assert "--governance-policies DIR Governance policies: evaluate the policy library" in help_text
    assert "--local-rules DIR The team's own extra rules, added on top of the governance" in (
        help_text
    )
    assert "--policy-dir" not in help_text and "--policies " not in help_text  # hidden aliases


def test_the_old_option_names_still_work_with_a_deprecation_warning(tmp_path):
    folder = tmp_path / "empty"
    folder.mkdir()
    old = ai_assure("check", SEARCH, *AS_OF, "--policies", folder)
    new = ai_assure("check", SEARCH, *AS_OF, "--local-rules", folder)
    assert "ai-assure: warning: --policies is deprecated: use --local-rules" in old.stderr
    assert old.returncode == new.returncode == 2  # an empty folder of rules is refused alike
    assert "--local-rules" in new.stderr and "no .rego files" in new.stderr
    both = ai_assure("check", SEARCH, "--policy-dir", folder, "--governance-policies", folder)
    assert both.returncode == 2 and "old name of --governance-policies" in both.stderr


def test_explain_has_an_example_and_says_when_the_rule_applies():
    assert "ai-assure explain DPIA-001" in ai_assure("explain", "--help").stdout
    result = ai_assure("explain", "dpia-001")
    assert result.returncode == 0
    assert "applies: classification.dpia_required\n" in result.stdout
    assert "docs/classification.md" in result.stdout


def test_report_atrs_and_policy_test_state_their_defaults():
    atrs = " ".join(ai_assure("report", "atrs", "--help").stdout.split())
    assert "default: the current folder" in atrs and "Default: markdown" in atrs
    policy_test = " ".join(ai_assure("policy", "test", "--help").stdout.split())
    assert "DIRECTORY (default: the policies shipped with ai-assure)" in policy_test


def test_the_text_report_says_where_the_classification_is_explained():
    result = ai_assure("check", SEARCH, *AS_OF)
    assert "docs/classification.md" in result.stdout
    assert (ROOT / "docs" / "classification.md").is_file()


def test_the_readme_lists_every_check_format_and_links_the_classification():
    readme = (ROOT / "README.md").read_text()
    paragraph = readme[readme.index("`--format` takes") :].split("\n\n")[0]
    assert set(re.findall(r"`([a-z-]+)`", paragraph)) >= set(FORMATS)
    assert "The risk tier decides which rules apply" in readme
    assert "[docs/classification.md](docs/classification.md)" in readme


def test_the_ci_docs_describe_init_as_it_behaves():
    docs = " ".join((ROOT / "docs" / "ci.md").read_text().split())
    assert "writes the starting files for all of them" not in docs
    assert "repeat `--ci` for both CIs" in docs
    assert "Only missing files are written" in docs
