"""Synthetic monthly reports whose truth is known (test oracle, benchmark input, demo data)."""

from baocao.synth.corpus import write_corpus
from baocao.synth.model import MISTAKE_KINDS, SynthReport
from baocao.synth.world import SynthProvince, SynthUnit, make_province
from baocao.synth.writer import render_report

__all__ = ["MISTAKE_KINDS", "SynthProvince", "SynthReport", "SynthUnit", "make_province", "render_report",
           "write_corpus"]
