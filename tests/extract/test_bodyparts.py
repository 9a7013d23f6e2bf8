"""Tests of pipeline/extract/bodyparts.py: the body-part vocabulary and canonical names."""

import pytest

from pipeline.extract.bodyparts import CANONICAL_BODY_PARTS, find_body_parts, normalize_body_part


@pytest.mark.parametrize("written,canonical", [
    ("Rt. Shoulder", "right shoulder"), ("R knee", "right knee"), ("(L) wrist", "left wrist"),
    ("lt elbow", "left elbow"), ("LEFT ANKLE", "left ankle"), ("right foot", "right foot"),
    ("L/S", "lumbar spine"), ("LS spine", "lumbar spine"), ("lumbosacral", "lumbar spine"),
    ("low back", "lumbar spine"), ("C/S", "cervical spine"), ("neck", "cervical spine"),
    ("cervical", "cervical spine"), ("T/S", "thoracic spine"), ("thoracic", "thoracic spine"),
    ("bilateral knees", "bilateral knee"), ("bilat hands", "bilateral hand"),
    ("both shoulders", "bilateral shoulder"), ("right and left wrists", "bilateral wrist"),
    ("shoulder, right", "right shoulder"), ("knee (left)", "left knee"),
    ("hips bilaterally", "bilateral hip"), ("psych", "psyche"), ("psychiatric", "psyche"),
    ("head", "head"), ("internal", "internal"), ("right shoulder", "right shoulder"),
])
def test_normalize(written, canonical):
    assert normalize_body_part(written) == canonical
    assert canonical in CANONICAL_BODY_PARTS


@pytest.mark.parametrize("written", ["knee", "the shoulder", "internal appeal", "L4-5", "",
                                     "headache", "backpack", "left the office"])
def test_unsided_limbs_and_non_parts_have_no_canonical_name(written):
    assert normalize_body_part(written) is None


def test_find_body_parts_in_text_with_spans_and_carried_side():
    text = ("Body parts: right shoulder, elbow and wrist; L/S. The knee was not injured. "
            "Request: MRI lumbar spine. Internal appeal pending.")
    found = find_body_parts(text)
    assert [name for name, _, _ in found] == [
        "right shoulder", "right elbow", "right wrist", "lumbar spine", "lumbar spine"]
    name, start, end = found[0]
    assert text[start:end] == "right shoulder"


def test_thoracolumbar_names_two_parts():
    assert [n for n, _, _ in find_body_parts("thoracolumbar strain")] == [
        "thoracic spine", "lumbar spine"]


def test_postfix_sides_do_not_steal_the_side_of_the_next_part():
    assert [n for n, _, _ in find_body_parts("knee pain and left shoulder")] == ["left shoulder"]
    assert [n for n, _, _ in find_body_parts("knee, left and right shoulder")] == [
        "left knee", "right shoulder"]
    assert [n for n, _, _ in find_body_parts("Hinged knee brace, right (CPT L1832)")] == [
        "right knee"]
    assert [n for n, _, _ in find_body_parts("The body parts at issue are the C-spine.")] == [
        "cervical spine"]
    assert [n for n, _, _ in find_body_parts("injection, right\nknee")] == ["right knee"]
    assert [n for n, _, _ in find_body_parts("knee, right and lower back")] == [
        "right knee", "lumbar spine"]


def test_a_joint_named_on_both_sides_is_one_bilateral_part():
    from pipeline.extract.bodyparts import merge_sides
    assert merge_sides(["left hip", "lumbar spine", "right hip"]) == ["bilateral hip",
                                                                      "lumbar spine"]
    assert merge_sides(["bilateral elbow", "right elbow", "head"]) == ["bilateral elbow", "head"]
    assert merge_sides(["right ankle", "left knee"]) == ["right ankle", "left knee"]


def test_carpal_tunnel_names_the_wrist_of_its_side():
    names = [n for n, _, _ in find_body_parts("Dx: L carpal tunnel syndrome; R CTS suspected")]
    assert names == ["left wrist", "right wrist"]
    assert find_body_parts("carpal tunnel testing was ordered") == []
