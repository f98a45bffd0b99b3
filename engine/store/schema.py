"""The results store's tables (SQLAlchemy Core). The migrations in `migrations/versions`
create them; this module describes them for queries, and a test proves the two agree.

Append-only: a run and its findings are written once, in one transaction, and never
changed (triggers refuse UPDATE and DELETE). A run's `natural_key` is the SHA-256 of its
canonical report and its commit, so ingesting the same record twice adds nothing. Text
columns are unbounded: a report from a CI artifact is validated by the report model, not
trusted to fit a width.

`run_inputs` (revision 0002) keeps, for a run made by `check --store`, the input document
it evaluated and the manifest it read, so `policy impact --store` can evaluate the same
input under another policy revision; an ingested report has none.
"""

from __future__ import annotations

from sqlalchemy import Column, ForeignKey, Index, Integer, MetaData, String, Table, Text

metadata = MetaData()

runs = Table(
    "runs",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("natural_key", String(64), nullable=False, unique=True),
    Column("system_id", Text, nullable=False),
    Column("system_name", Text, nullable=False),
    Column("commit_sha", Text),
    Column("as_of", Text, nullable=False),
    Column("verdict", Text, nullable=False),
    Column("tier", Text, nullable=False),
    Column("assurance_level", Text),
    Column("fail_on", Text, nullable=False),
    Column("policy_source", Text, nullable=False),
    Column("policy_revision", Text, nullable=False),
    Column("policy_digest", Text, nullable=False),
    Column("tool_version", Text, nullable=False),
    Column("source", Text, nullable=False),  # check | report | record
    Column("signer", Text),  # the verifying key's id, for a signed record
    Column("ingested_at", Text, nullable=False),  # UTC, ISO 8601
    Column("report", Text, nullable=False),  # the canonical JSON report
    Index("ix_runs_system", "system_id", "as_of"),
)

findings = Table(
    "findings",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("run_id", Integer, ForeignKey("runs.id"), nullable=False),
    Column("rule_id", Text, nullable=False),
    Column("severity", Text, nullable=False),
    Column("status", Text, nullable=False),
    Column("fingerprint", Text, nullable=False),
    Column("path", Text, nullable=False),
    Column("line", Integer, nullable=False),
    Column("message", Text, nullable=False),
    Index("ix_findings_run_id", "run_id"),
)

finding_controls = Table(
    "finding_controls",
    metadata,
    Column("finding_id", Integer, ForeignKey("findings.id"), primary_key=True),
    Column("control_id", Text, primary_key=True),
    Index("ix_finding_controls_control", "control_id"),
)

run_inputs = Table(
    "run_inputs",
    metadata,
    Column("run_id", Integer, ForeignKey("runs.id"), primary_key=True, autoincrement=False),
    Column("input", Text, nullable=False),  # the input document evaluated, canonical JSON
    Column("input_digest", String(64), nullable=False),  # SHA-256 of `input`, hex
    Column("manifest", Text, nullable=False),  # the manifest's text as read
    Column("manifest_path", Text, nullable=False),  # its path as the report shows it
)
