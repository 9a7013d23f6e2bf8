from pipeline.model import Page, Word
from pipeline.segment.layout import bottom_lines, page_lines, top_lines


def _word(text, x, top):
    return Word(text, (x, top, x + 0.05, top + 0.012))


def test_words_are_grouped_into_lines_by_position_not_list_order():
    page = Page("a.pdf", 1, text="ignored", words=[
        _word("Report", 0.3, 0.05), _word("Page", 0.1, 0.95), _word("Operative", 0.1, 0.051),
        _word("2", 0.2, 0.95)])
    lines = page_lines(page)
    assert [line.text for line in lines] == ["Operative Report", "Page 2"]
    assert [line.text for line in top_lines(page)] == ["Operative Report"]
    assert [line.text for line in bottom_lines(page)] == ["Page 2"]


def test_text_fallback_uses_first_lines_as_top():
    text = "\n".join(f"line {i}" for i in range(20))
    page = Page("a.pdf", 1, text=text)
    assert top_lines(page)[0].text == "line 0"
    assert len(top_lines(page)) == 8
    assert bottom_lines(page)[-1].text == "line 19"
