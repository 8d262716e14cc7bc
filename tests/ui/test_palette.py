"""Highlighted text stays readable in both themes (WCAG AA contrast, 4.5:1)."""

from __future__ import annotations

import pytest

from reader.ui.palette import DARK, LIGHT, READABLE, SOURCE_COLOURS, SPEAKER_BASE, contrast


@pytest.mark.parametrize("theme", [LIGHT, DARK], ids=["light", "dark"])
def test_text_on_every_tint_and_every_coloured_word_is_readable(theme):
    for i in range(len(SPEAKER_BASE) + 3):  # past the end the colours repeat
        for strong in (False, True):
            assert contrast(theme.text, theme.speaker_tint(i, strong)) >= READABLE, (i, strong)
    assert contrast(theme.text, theme.unknown_tint()) >= READABLE
    assert contrast(theme.text, theme.match_tint()) >= READABLE
    for kind in SOURCE_COLOURS:
        assert contrast(theme.source_colour(kind), theme.page) >= READABLE, kind


def test_speakers_stay_distinguishable_after_the_contrast_fix():
    for theme in (LIGHT, DARK):
        tints = [theme.speaker_tint(i, strong=True).name() for i in range(len(SPEAKER_BASE))]
        assert len(set(tints)) == len(tints)
