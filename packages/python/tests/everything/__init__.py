"""The reference module of tests/everything/everything.yaml, laid out as contractgen writes a package."""
