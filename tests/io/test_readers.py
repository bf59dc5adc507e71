import pytest

from pipeline.errors import XiuciError
from pipeline.io.readers import expand_inputs, normalise, read_speech

TEXT = "各位代表：\n现在，我代表县人民政府，向大会报告工作，请予审议。\n一、过去一年工作回顾\n我们坚持稳中求进，全县地区生产总值增长6.5%，城乡居民收入稳步提高。\n"
TRADITIONAL = "各位代表：\n現在，我代表縣人民政府，向大會報告工作，請予審議。\n過去一年，我們堅持穩中求進，全縣經濟持續發展，人民生活不斷改善。\n"


@pytest.mark.parametrize(
    "codec, text, expected",
    [
        ("utf-8", TEXT, "utf-8"),
        ("utf-8-sig", TEXT, "utf-8-sig"),
        ("gb18030", TEXT, "gb18030"),
        ("gbk", TEXT, "gb18030"),
        ("big5", TRADITIONAL, "big5"),
        ("utf-16", TEXT, "utf-16"),
    ],
)
def test_encodings_are_detected(tmp_path, codec, text, expected):
    path = tmp_path / "speech.txt"
    path.write_bytes(text.encode(codec))
    speech = read_speech(path)
    assert speech.encoding == expected
    assert speech.text == text
    assert speech.name == "speech"


def test_windows_line_endings_and_full_width_spaces_keep_offsets(tmp_path):
    path = tmp_path / "s.txt"
    path.write_bytes("　　要坚持稳中求进。\r\n第二行\r\n".encode("utf-8"))
    text = read_speech(path).text
    assert text == "  要坚持稳中求进。\n第二行\n"
    assert text.split("\n")[0].index("要") == "　　要坚持稳中求进。".index("要")


def test_docx(tmp_path):
    import docx

    document = docx.Document()
    for line in TEXT.strip().split("\n"):
        document.add_paragraph(line)
    path = tmp_path / "report.docx"
    document.save(path)
    speech = read_speech(path)
    assert speech.encoding == "docx"
    assert speech.text == TEXT.strip()


@pytest.mark.parametrize(
    "name, content, message",
    [
        ("empty.txt", b"", "the file is empty"),
        ("blank.txt", b"  \n\n", "the file is empty"),
        ("binary.txt", bytes(range(256)) * 4, "not a text file"),
        ("fake.docx", b"not a zip", "not a readable .docx"),
        ("slides.pdf", b"%PDF-1.4", "unknown file type"),
    ],
)
def test_bad_files(tmp_path, name, content, message):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(XiuciError, match=message):
        read_speech(path)


def test_directories_are_searched_recursively(tmp_path):
    (tmp_path / "a" / "b").mkdir(parents=True)
    for p in ["a/x.txt", "a/b/y.docx", "a/b/z.md", "w.txt"]:
        (tmp_path / p).write_text("x")
    assert expand_inputs([tmp_path]) == [str(tmp_path / "a/b/y.docx"), str(tmp_path / "a/x.txt"), str(tmp_path / "w.txt")]
    with pytest.raises(XiuciError, match="no such file"):
        expand_inputs([tmp_path / "missing.txt"])


def test_normalise_is_length_preserving_per_line():
    raw = "甲　乙\u00a0丙\r\n丁"
    assert normalise(raw) == "甲 乙 丙\n丁"
