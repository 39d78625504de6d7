"""Python modules generated from ../../../../forms/*.ui by .ci/generate.py — never edit by hand."""
