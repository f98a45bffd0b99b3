"""Governance records made from the same data as the gate: the risk register, ATRS
transparency records, ISO/IEC 42001 Statements of Applicability and signed assurance records.
Each record type with formats has a `formats/` folder behind the one renderer interface
(`engine.render.interface`)."""
