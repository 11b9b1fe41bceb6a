"""Measures of the pipeline against annotated sets (``myrtille eval``).

Like the demo, whose corpus it scores against, this is never imported by the runtime:
only the command (``myrtille.cli``) reaches it (docs/architecture.md).
"""
