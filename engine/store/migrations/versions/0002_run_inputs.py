"""Each checked run's input document and manifest (for `policy impact --store`); append-only.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "run_inputs",
        sa.Column(
            "run_id",
            sa.Integer,
            sa.ForeignKey("runs.id"),
            primary_key=True,
            autoincrement=False,
        ),
        sa.Column("input", sa.Text, nullable=False),
        sa.Column("input_digest", sa.String(64), nullable=False),
        sa.Column("manifest", sa.Text, nullable=False),
        sa.Column("manifest_path", sa.Text, nullable=False),
    )
    _append_only("run_inputs")


def _append_only(table: str) -> None:
    """Triggers that refuse UPDATE and DELETE, as revision 0001 made for the other tables
    (on PostgreSQL with the function it created)."""
    dialect = op.get_bind().dialect.name
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
