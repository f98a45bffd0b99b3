"""Runs, their findings and each finding's controls; append-only.

Revision ID: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

_TABLES = ("runs", "findings", "finding_controls")


def upgrade() -> None:
    op.create_table(
        "runs",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("natural_key", sa.String(64), nullable=False, unique=True),
        sa.Column("system_id", sa.Text, nullable=False),
        sa.Column("system_name", sa.Text, nullable=False),
        sa.Column("commit_sha", sa.Text),
        sa.Column("as_of", sa.Text, nullable=False),
        sa.Column("verdict", sa.Text, nullable=False),
        sa.Column("tier", sa.Text, nullable=False),
        sa.Column("assurance_level", sa.Text),
        sa.Column("fail_on", sa.Text, nullable=False),
        sa.Column("policy_source", sa.Text, nullable=False),
        sa.Column("policy_revision", sa.Text, nullable=False),
        sa.Column("policy_digest", sa.Text, nullable=False),
        sa.Column("tool_version", sa.Text, nullable=False),
        sa.Column("source", sa.Text, nullable=False),
        sa.Column("signer", sa.Text),
        sa.Column("ingested_at", sa.Text, nullable=False),
        sa.Column("report", sa.Text, nullable=False),
    )
    op.create_index("ix_runs_system", "runs", ["system_id", "as_of"])
    op.create_table(
        "findings",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("run_id", sa.Integer, sa.ForeignKey("runs.id"), nullable=False),
        sa.Column("rule_id", sa.Text, nullable=False),
        sa.Column("severity", sa.Text, nullable=False),
        sa.Column("status", sa.Text, nullable=False),
        sa.Column("fingerprint", sa.Text, nullable=False),
        sa.Column("path", sa.Text, nullable=False),
        sa.Column("line", sa.Integer, nullable=False),
        sa.Column("message", sa.Text, nullable=False),
    )
    op.create_index("ix_findings_run_id", "findings", ["run_id"])
    op.create_table(
        "finding_controls",
        sa.Column("finding_id", sa.Integer, sa.ForeignKey("findings.id"), primary_key=True),
        sa.Column("control_id", sa.Text, primary_key=True),
    )
    op.create_index("ix_finding_controls_control", "finding_controls", ["control_id"])
    _append_only()


def _append_only() -> None:
    """Triggers that refuse UPDATE and DELETE on every table: history is never rewritten."""
    dialect = op.get_bind().dialect.name
    if dialect == "postgresql":
        op.execute(
            "CREATE FUNCTION ai_assure_append_only() RETURNS trigger LANGUAGE plpgsql AS "
            "$$ BEGIN RAISE EXCEPTION 'ai-assure store is append-only'; END $$"
        )
    for table in _TABLES:
        for action in ("UPDATE", "DELETE"):
            name = f"{table}_no_{action.lower()}"
            if dialect == "postgresql":
                op.execute(
                    f"CREATE TRIGGER {name} BEFORE {action} ON {table} "
                    "FOR EACH ROW EXECUTE FUNCTION ai_assure_append_only()"
                )
            else:
                op.execute(
                    f"CREATE TRIGGER {name} BEFORE {action} ON {table} "
                    "BEGIN SELECT RAISE(ABORT, 'ai-assure store is append-only'); END"
                )


def downgrade() -> None:
    raise NotImplementedError("the results store is append-only: no downgrade")
