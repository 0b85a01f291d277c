"""Printed kits (reportlab layouts): handout, prep pack, call sheet and the whole plan.

Pure Python: no Qt, no SQLAlchemy. Builders take the plain dataclasses of `data` and write
a PDF; `fonts` finds TrueType fonts that can print every script the data holds.
"""
