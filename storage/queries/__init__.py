"""Query functions: the only place outside migrations where SQL is written.

Every function is keyword-only (``get_unit_by_code(*, session, code)``) so call sites read
like sentences and arguments cannot be swapped. Functions flush when a caller needs the new
row's id, and never commit: the caller's unit of work (``storage.db.session_scope``) decides.
"""
