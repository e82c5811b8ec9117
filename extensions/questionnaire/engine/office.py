"""Report documents: the blocks of ``report.document`` as a Word (.docx) or OpenDocument (.odt) file.

Each document also carries the answers file it was made from, invisible to the reader: in a
.docx as a custom XML part (``customXml/item1.xml``, which Word keeps when it saves), in an .odt
as a user-defined property in ``meta.xml`` (which LibreOffice keeps). A .docx also carries it as
a custom property, which LibreOffice turns into that user-defined property when it saves the
.docx as .odt, and back (tested). ``embedded_answers`` finds it again, so a document that comes
back, edited or not, can be loaded like an answers file.
Markup is written here by hand, every text through ``_escape``; no XML library is needed, and
MicroPython has none.
"""

from . import zipper

GENERATOR = "AI Toolkit web edition"
ANSWERS_NS = "urn:aitk:answers:1"
ANSWERS_PROPERTY = "aitk-answers"
#: Heat-map shades from the lowest level to the highest: green, yellow, orange, red, all light
#: enough for black text (contrast above 12:1); a level's shade is picked by its rank.
SHADES = ("D9EAD3", "FFF2CC", "FCE5CD", "F4CCCC")
HEADER_SHADE = "E7E6E6"
#: Text width of an A4 page with 2 cm margins, in twentieths of a point (Word) and centimetres.
WIDTH_TWIPS = 9638
WIDTH_CM = "17cm"
#: The answers table: question, answer, note.
ANSWER_WIDTHS = (5, 3, 2)
#: Characters XML 1.0 forbids; a note pasted with one would make a broken document.
_FORBIDDEN = set(chr(code) for code in range(32) if code not in (9, 10, 13))


def _escape(text: str) -> str:
    """Text as XML character data or an attribute value (quotes escaped, forbidden characters dropped)."""
    out = []
    for char in str(text):
        if char == "&":
            out.append("&amp;")
        elif char == "<":
            out.append("&lt;")
        elif char == ">":
            out.append("&gt;")
        elif char == '"':
            out.append("&quot;")
        elif char not in _FORBIDDEN:
            out.append(char)
    return "".join(out)


def _unescape(text: str) -> str:
    """XML character data as text: the five named entities and numeric character references."""
    named = {"amp": "&", "lt": "<", "gt": ">", "quot": '"', "apos": "'"}
    out = []
    at = 0
    while True:
        start = text.find("&", at)
        if start < 0:
            out.append(text[at:])
            return "".join(out)
        end = text.find(";", start)
        if end < 0:
            raise ValueError("unterminated entity")
        out.append(text[at:start])
        name = text[start + 1 : end]
        if name in named:
            out.append(named[name])
        elif name[:2] in ("#x", "#X"):
            out.append(chr(int(name[2:], 16)))
        elif name[:1] == "#":
            out.append(chr(int(name[1:])))
        else:
            raise ValueError("unknown entity")
        at = end + 1


def _shade(rank: int | None, count: int) -> str | None:
    if rank is None:
        return None
    if count <= 1:
        return SHADES[0]
    return SHADES[rank * (len(SHADES) - 1) // (count - 1)]


def _widths(block: dict) -> list:
    """Relative column widths: the answers table's own, else equal."""
    columns = len(block["header"])
    if block.get("answers") and columns == len(ANSWER_WIDTHS):
        return list(ANSWER_WIDTHS)
    return [1] * columns


XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'

# ---------------------------------------------------------------------------
# Word (WordprocessingML)

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

_CONTENT_TYPES = (
    XML_HEAD + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    '<Override PartName="/word/styles.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>'
    '<Override PartName="/word/numbering.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>'
    '<Override PartName="/docProps/core.xml" '
    'ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
    '<Override PartName="/docProps/custom.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.custom-properties+xml"/>'
    '<Override PartName="/customXml/itemProps1.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.customXmlProperties+xml"/>'
    "</Types>"
)

_ROOT_RELS = (
    XML_HEAD + '<Relationships xmlns="' + PKG_REL_NS + '">'
    '<Relationship Id="rId1" Type="' + R_NS + '/officeDocument" Target="word/document.xml"/>'
    '<Relationship Id="rId2" '
    'Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" '
    'Target="docProps/core.xml"/>'
    '<Relationship Id="rId3" Type="' + R_NS + '/custom-properties" Target="docProps/custom.xml"/>'
    "</Relationships>"
)

_DOCUMENT_RELS = (
    XML_HEAD + '<Relationships xmlns="' + PKG_REL_NS + '">'
    '<Relationship Id="rId1" Type="' + R_NS + '/styles" Target="styles.xml"/>'
    '<Relationship Id="rId2" Type="' + R_NS + '/numbering" Target="numbering.xml"/>'
    '<Relationship Id="rId3" Type="' + R_NS + '/customXml" Target="../customXml/item1.xml"/>'
    "</Relationships>"
)

_ITEM_RELS = (
    XML_HEAD + '<Relationships xmlns="' + PKG_REL_NS + '">'
    '<Relationship Id="rId1" Type="' + R_NS + '/customXmlProps" Target="itemProps1.xml"/>'
    "</Relationships>"
)

_ITEM_PROPS = (
    XML_HEAD + '<ds:datastoreItem ds:itemID="{6B1F4C2A-8D3E-4A57-9C10-5E2B7A9D4F31}" '
    'xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml">'
    '<ds:schemaRefs><ds:schemaRef ds:uri="' + ANSWERS_NS + '"/></ds:schemaRefs></ds:datastoreItem>'
)


def _w_style(style_id: str, name: str, ppr: str = "", rpr: str = "", based: str = "Normal") -> str:
    out = '<w:style w:type="paragraph" w:styleId="' + style_id + '"><w:name w:val="' + name + '"/>'
    if based:
        out += '<w:basedOn w:val="' + based + '"/><w:next w:val="Normal"/>'
    out += "<w:qFormat/>"
    if ppr:
        out += "<w:pPr>" + ppr + "</w:pPr>"
    if rpr:
        out += "<w:rPr>" + rpr + "</w:rPr>"
    return out + "</w:style>"


def _heading_style(level: int, size: int) -> str:
    ppr = '<w:keepNext/><w:spacing w:before="240" w:after="120"/><w:outlineLvl w:val="' + str(level - 1) + '"/>'
    rpr = '<w:b/><w:bCs/><w:sz w:val="' + str(size) + '"/><w:szCs w:val="' + str(size) + '"/>'
    return _w_style("Heading" + str(level), "heading " + str(level), ppr, rpr)


_STYLES = (
    XML_HEAD + '<w:styles xmlns:w="' + W_NS + '">'
    "<w:docDefaults><w:rPrDefault><w:rPr>"
    '<w:rFonts w:ascii="Calibri" w:hAnsi="Calibri" w:eastAsia="Calibri" w:cs="Calibri"/>'
    '<w:sz w:val="22"/><w:szCs w:val="22"/><w:lang w:val="en-GB" w:eastAsia="en-GB" w:bidi="ar-SA"/>'
    '</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="264" w:lineRule="auto"/>'
    "</w:pPr></w:pPrDefault></w:docDefaults>"
    '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>'
    + _heading_style(1, 36)
    + _heading_style(2, 28)
    + _heading_style(3, 24)
    + _w_style("Caption", "caption", '<w:keepNext/><w:spacing w:before="120" w:after="60"/>', "<w:i/><w:iCs/>")
    + _w_style("Small", "Small print", "", '<w:color w:val="404040"/><w:sz w:val="18"/><w:szCs w:val="18"/>')
    + _w_style(
        "ListBullet",
        "List Bullet",
        '<w:numPr><w:numId w:val="1"/></w:numPr><w:spacing w:after="60"/><w:ind w:left="360" w:hanging="360"/>',
    )
    + _w_style("TableText", "Table text", '<w:spacing w:after="0"/>')
    + '<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/>'
    '<w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/>'
    '<w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/>'
    "</w:tblCellMar></w:tblPr></w:style>"
    "</w:styles>"
)

_NUMBERING = (
    XML_HEAD + '<w:numbering xmlns:w="' + W_NS + '">'
    '<w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="singleLevel"/>'
    '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="\u2022"/>'
    '<w:lvlJc w:val="left"/><w:pPr><w:ind w:left="360" w:hanging="360"/></w:pPr></w:lvl></w:abstractNum>'
    '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>'
)

_SECTION = (
    '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/>'
    '<w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1134" w:header="709" w:footer="709" w:gutter="0"/>'
    "</w:sectPr>"
)


def _w_runs(text: str, bold: bool = False) -> str:
    """Runs for a text: a line break for each newline."""
    rpr = "<w:rPr><w:b/><w:bCs/></w:rPr>" if bold else ""
    lines = str(text).split("\n")
    out = ["<w:r>" + rpr]
    for index, line in enumerate(lines):
        if index:
            out.append("<w:br/>")
        out.append('<w:t xml:space="preserve">' + _escape(line) + "</w:t>")
    out.append("</w:r>")
    return "".join(out)


def _w_paragraph(text: str, style: str | None = None, bold: bool = False) -> str:
    ppr = '<w:pPr><w:pStyle w:val="' + style + '"/></w:pPr>' if style else ""
    return "<w:p>" + ppr + _w_runs(text, bold) + "</w:p>"


def _w_cell(text: str, width: int, fill: str | None, bold: bool = False) -> str:
    tcpr = '<w:tcPr><w:tcW w:w="' + str(width) + '" w:type="dxa"/>'
    if fill:
        tcpr += '<w:shd w:val="clear" w:color="auto" w:fill="' + fill + '"/>'
    tcpr += "</w:tcPr>"
    return "<w:tc>" + tcpr + _w_paragraph(text, "TableText", bold) + "</w:tc>"


def _w_table(block: dict, levels: int) -> str:
    weights = _widths(block)
    total = sum(weights)
    widths = [WIDTH_TWIPS * weight // total for weight in weights]
    border = 'w:val="single" w:sz="4" w:space="0" w:color="808080"'
    out = []
    if block["caption"]:
        out.append(_w_paragraph(block["caption"], "Caption"))
    out.append(
        '<w:tbl><w:tblPr><w:tblW w:w="'
        + str(WIDTH_TWIPS)
        + '" w:type="dxa"/><w:tblBorders>'
        + "".join(
            "<w:" + side + " " + border + "/>" for side in ("top", "left", "bottom", "right", "insideH", "insideV")
        )
        + '</w:tblBorders><w:tblLayout w:type="fixed"/>'
        '<w:tblLook w:val="0020" w:firstRow="1" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="1" '
        'w:noVBand="1"/></w:tblPr><w:tblGrid>'
    )
    out.append("".join('<w:gridCol w:w="' + str(width) + '"/>' for width in widths))
    out.append("</w:tblGrid><w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>")
    for index, text in enumerate(block["header"]):
        out.append(_w_cell(text, widths[index], HEADER_SHADE, True))
    out.append("</w:tr>")
    shades = block.get("shades")
    for r, row in enumerate(block["rows"]):
        out.append("<w:tr><w:trPr><w:cantSplit/></w:trPr>")
        for c, text in enumerate(row):
            fill = _shade(shades[r][c], levels) if shades else None
            out.append(_w_cell(text, widths[c], fill))
        out.append("</w:tr>")
    out.append("</w:tbl>")
    return "".join(out)


def _w_body(blocks: list, levels: int) -> str:
    out = []
    for block in blocks:
        kind = block["kind"]
        if kind == "heading":
            out.append(_w_paragraph(block["text"], "Heading" + str(block["level"])))
        elif kind == "list":
            out.extend(_w_paragraph(item, "ListBullet") for item in block["items"])
        elif kind == "table":
            out.append(_w_table(block, levels))
        else:
            out.append(_w_paragraph(block["text"], "Small" if block.get("style") == "small" else None))
    return "".join(out)


def _core(title: str, created: str) -> str:
    return (
        XML_HEAD
        + '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        "<dc:title>" + _escape(title) + "</dc:title><dc:creator>" + GENERATOR + "</dc:creator>"
        '<dcterms:created xsi:type="dcterms:W3CDTF">' + _escape(created) + "</dcterms:created>"
        "</cp:coreProperties>"
    )


def _custom(answers_text: str) -> str:
    # A second copy, as a custom document property: LibreOffice carries it into meta.xml when a
    # .docx is saved as .odt, where the custom XML part is lost (and back again).
    return (
        XML_HEAD + '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" '
        'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
        '<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="' + ANSWERS_PROPERTY + '">'
        "<vt:lpwstr>" + _escape(answers_text) + "</vt:lpwstr></property></Properties>"
    )


def _moment(saved_at: str) -> str:
    """An ISO 8601 time cut to whole seconds, UTC (``2026-12-02T21:57:05Z``)."""
    return saved_at[:19] + "Z"


def to_docx(blocks: list, levels: int, answers_text: str, saved_at: str) -> bytes:
    """A .docx of ``blocks`` carrying ``answers_text`` (the answers file as JSON); ``levels`` is
    how many levels the shades are spread over; ``saved_at`` an ISO 8601 time."""
    title = blocks[0]["text"] if blocks else ""
    document = (
        XML_HEAD
        + '<w:document xmlns:w="'
        + W_NS
        + '" xmlns:r="'
        + R_NS
        + '"><w:body>'
        + _w_body(blocks, levels)
        + _SECTION
        + "</w:body></w:document>"
    )
    item = XML_HEAD + '<aitk:answers xmlns:aitk="' + ANSWERS_NS + '">' + _escape(answers_text) + "</aitk:answers>"
    return zipper.write(
        [
            ("[Content_Types].xml", _CONTENT_TYPES.encode()),
            ("_rels/.rels", _ROOT_RELS.encode()),
            ("word/document.xml", document.encode()),
            ("word/_rels/document.xml.rels", _DOCUMENT_RELS.encode()),
            ("word/styles.xml", _STYLES.encode()),
            ("word/numbering.xml", _NUMBERING.encode()),
            ("docProps/core.xml", _core(title, _moment(saved_at)).encode()),
            ("docProps/custom.xml", _custom(answers_text).encode()),
            ("customXml/item1.xml", item.encode()),
            ("customXml/_rels/item1.xml.rels", _ITEM_RELS.encode()),
            ("customXml/itemProps1.xml", _ITEM_PROPS.encode()),
        ]
    )


# ---------------------------------------------------------------------------
# OpenDocument text

ODT_MIME = "application/vnd.oasis.opendocument.text"
_ODF_NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
    'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" '
    'xmlns:dc="http://purl.org/dc/elements/1.1/" office:version="1.3"'
)


def _o_style(name: str, display: str, paragraph: str = "", text: str = "", parent: str = "Standard") -> str:
    out = '<style:style style:name="' + name + '" style:display-name="' + display + '" style:family="paragraph"'
    if parent:
        out += ' style:parent-style-name="' + parent + '"'
    out += ">"
    if paragraph:
        out += "<style:paragraph-properties " + paragraph + "/>"
    if text:
        out += "<style:text-properties " + text + "/>"
    return out + "</style:style>"


def _o_heading(level: int, size: str) -> str:
    return _o_style(
        "Heading_20_" + str(level),
        "Heading " + str(level),
        'fo:margin-top="0.42cm" fo:margin-bottom="0.21cm" fo:keep-with-next="always"',
        'fo:font-size="' + size + '" fo:font-weight="bold" style:font-weight-complex="bold"',
    )


_ODT_STYLES = (
    XML_HEAD + "<office:document-styles " + _ODF_NS + "><office:styles>"
    '<style:default-style style:family="paragraph"><style:paragraph-properties fo:margin-bottom="0.21cm"/>'
    "<style:text-properties fo:font-family=\"Calibri, Carlito, 'Liberation Sans', "
    'sans-serif" fo:font-size="11pt" fo:language="en" fo:country="GB"/></style:default-style>'
    '<style:style style:name="Standard" style:family="paragraph" style:class="text"/>'
    + _o_heading(1, "18pt")
    + _o_heading(2, "14pt")
    + _o_heading(3, "12pt")
    + _o_style("Text_20_body", "Text body")
    + _o_style("Caption", "Caption", 'fo:margin-top="0.21cm" fo:keep-with-next="always"', 'fo:font-style="italic"')
    + _o_style("Small", "Small print", "", 'fo:font-size="9pt" fo:color="#404040"')
    + _o_style("List_20_Bullet", "List Bullet", 'fo:margin-bottom="0.1cm"')
    + _o_style("Table_20_Contents", "Table Contents", 'fo:margin-bottom="0cm"')
    + _o_style(
        "Table_20_Heading", "Table Heading", 'fo:margin-bottom="0cm"', 'fo:font-weight="bold"', "Table_20_Contents"
    )
    + '<text:list-style style:name="Bullets"><text:list-level-style-bullet text:level="1" text:bullet-char="\u2022">'
    '<style:list-level-properties text:list-level-position-and-space-mode="label-alignment">'
    '<style:list-level-label-alignment text:label-followed-by="listtab" text:list-tab-stop-position="0.635cm" '
    'fo:text-indent="-0.635cm" fo:margin-left="0.635cm"/></style:list-level-properties>'
    "</text:list-level-style-bullet></text:list-style>"
    "</office:styles><office:automatic-styles>"
    '<style:page-layout style:name="Page"><style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" '
    'fo:margin-top="2cm" fo:margin-bottom="2cm" fo:margin-left="2cm" fo:margin-right="2cm"/></style:page-layout>'
    "</office:automatic-styles><office:master-styles>"
    '<style:master-page style:name="Standard" style:page-layout-name="Page"/>'
    "</office:master-styles></office:document-styles>"
)


def _o_text(text: str) -> str:
    return "<text:line-break/>".join(_escape(line) for line in str(text).split("\n"))


def _o_cell_style(name: str, fill: str | None) -> str:
    background = ' fo:background-color="#' + fill + '"' if fill else ""
    return (
        '<style:style style:name="'
        + name
        + '" style:family="table-cell"><style:table-cell-properties'
        + background
        + ' fo:padding="0.1cm" fo:border="0.5pt solid #808080"/></style:style>'
    )


def _o_automatic_styles(tables: list) -> str:
    out = [_o_cell_style("Cell", None), _o_cell_style("HeadCell", HEADER_SHADE)]
    for index, fill in enumerate(SHADES):
        out.append(_o_cell_style("Shade" + str(index), fill))
    out.append(
        '<style:style style:name="Table" style:family="table"><style:table-properties style:width="'
        + WIDTH_CM
        + '" table:align="margins"/></style:style>'
    )
    for number, block in enumerate(tables):
        for column, weight in enumerate(_widths(block)):
            out.append(
                '<style:style style:name="T' + str(number) + "C" + str(column) + '" style:family="table-column">'
                '<style:table-column-properties style:rel-column-width="' + str(weight * 1000) + '*"/></style:style>'
            )
    return "".join(out)


def _o_cell(text: str, style: str, paragraph: str) -> str:
    return (
        '<table:table-cell table:style-name="' + style + '" office:value-type="string">'
        '<text:p text:style-name="' + paragraph + '">' + _o_text(text) + "</text:p></table:table-cell>"
    )


def _o_table(block: dict, number: int, levels: int) -> str:
    out = []
    if block["caption"]:
        out.append('<text:p text:style-name="Caption">' + _o_text(block["caption"]) + "</text:p>")
    out.append('<table:table table:name="Table' + str(number + 1) + '" table:style-name="Table">')
    for column in range(len(block["header"])):
        out.append('<table:table-column table:style-name="T' + str(number) + "C" + str(column) + '"/>')
    out.append("<table:table-header-rows><table:table-row>")
    out.extend(_o_cell(text, "HeadCell", "Table_20_Heading") for text in block["header"])
    out.append("</table:table-row></table:table-header-rows>")
    shades = block.get("shades")
    for r, row in enumerate(block["rows"]):
        out.append("<table:table-row>")
        for c, text in enumerate(row):
            fill = _shade(shades[r][c], levels) if shades else None
            style = "Shade" + str(SHADES.index(fill)) if fill else "Cell"
            out.append(_o_cell(text, style, "Table_20_Contents"))
        out.append("</table:table-row>")
    out.append("</table:table>")
    return "".join(out)


def _o_body(blocks: list, levels: int) -> tuple:
    out = []
    tables: list = []
    for block in blocks:
        kind = block["kind"]
        if kind == "heading":
            level = str(block["level"])
            out.append(
                '<text:h text:style-name="Heading_20_'
                + level
                + '" text:outline-level="'
                + level
                + '">'
                + _o_text(block["text"])
                + "</text:h>"
            )
        elif kind == "list":
            out.append('<text:list text:style-name="Bullets">')
            for item in block["items"]:
                out.append('<text:list-item><text:p text:style-name="List_20_Bullet">' + _o_text(item) + "</text:p>")
                out.append("</text:list-item>")
            out.append("</text:list>")
        elif kind == "table":
            out.append(_o_table(block, len(tables), levels))
            tables.append(block)
        else:
            style = "Small" if block.get("style") == "small" else "Text_20_body"
            out.append('<text:p text:style-name="' + style + '">' + _o_text(block["text"]) + "</text:p>")
    return "".join(out), tables


def to_odt(blocks: list, levels: int, answers_text: str, saved_at: str) -> bytes:
    """An .odt of ``blocks`` carrying ``answers_text``, as ``to_docx``."""
    title = blocks[0]["text"] if blocks else ""
    body, tables = _o_body(blocks, levels)
    content = (
        XML_HEAD
        + "<office:document-content "
        + _ODF_NS
        + "><office:automatic-styles>"
        + _o_automatic_styles(tables)
        + "</office:automatic-styles><office:body><office:text>"
        + body
        + "</office:text></office:body></office:document-content>"
    )
    meta = (
        XML_HEAD + "<office:document-meta " + _ODF_NS + "><office:meta>"
        "<meta:generator>" + GENERATOR + "</meta:generator><dc:title>" + _escape(title) + "</dc:title>"
        "<meta:creation-date>" + _escape(_moment(saved_at)[:19]) + "</meta:creation-date>"
        '<meta:user-defined meta:name="'
        + ANSWERS_PROPERTY
        + '" meta:value-type="string">'
        + _escape(answers_text)
        + "</meta:user-defined></office:meta></office:document-meta>"
    )
    manifest = (
        XML_HEAD + '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" '
        'manifest:version="1.3">'
        '<manifest:file-entry manifest:full-path="/" manifest:version="1.3" manifest:media-type="'
        + ODT_MIME
        + '"/>'
        + "".join(
            '<manifest:file-entry manifest:full-path="' + name + '" manifest:media-type="text/xml"/>'
            for name in ("content.xml", "styles.xml", "meta.xml")
        )
        + "</manifest:manifest>"
    )
    return zipper.write(
        [
            # The first entry, stored: how a reader recognizes the package (ODF 1.3, part 2, 3.3).
            ("mimetype", ODT_MIME.encode()),
            ("META-INF/manifest.xml", manifest.encode()),
            ("content.xml", content.encode()),
            ("styles.xml", _ODT_STYLES.encode()),
            ("meta.xml", meta.encode()),
        ]
    )


# ---------------------------------------------------------------------------
# Reading the answers back

#: The most a document's embedded answers may take, packed or unpacked: twice an answers file's
#: own limit, room for escaping (a quote becomes &quot;) in what MicroPython's heap holds.
_LIMIT = 2 * 1000000


def _element_text(xml: str, start: int) -> str:
    """The character data of the element whose start tag begins at ``start`` (no child elements)."""
    opened = xml.find(">", start)
    closed = xml.find("<", opened)
    if opened < 0 or closed < 0 or xml[opened - 1] == "/":
        raise ValueError("no text")
    return _unescape(xml[opened + 1 : closed])


def _from_docx(data, entries: list) -> str | None:
    """The custom XML part holding the answers (Word may renumber it), else the custom property."""
    for name in entries:
        if not (name.startswith("customXml/item") and name.endswith(".xml")) or "Props" in name:
            continue
        xml = (zipper.read(data, name, _LIMIT) or b"").decode()
        at = xml.find(ANSWERS_NS)
        if at >= 0:
            return _element_text(xml, xml.rfind("<", 0, at))
    return _property(data, "docProps/custom.xml", "<vt:lpwstr")


def _property(data, name: str, value_tag: str | None) -> str | None:
    """The text of the document property named ANSWERS_PROPERTY in the part ``name``: the
    element itself (ODF's meta:user-defined) or its ``value_tag`` child (OOXML's vt:lpwstr)."""
    xml = zipper.read(data, name, _LIMIT)
    if xml is None:
        return None
    text = xml.decode()
    at = text.find('"' + ANSWERS_PROPERTY + '"')
    if at < 0:
        return None
    start = text.find(value_tag, at) if value_tag else text.rfind("<", 0, at)
    if start < 0:
        return None
    return _element_text(text, start)


def embedded_answers(data) -> str:
    """The answers file (JSON text) a .docx or .odt report carries; ``ZipError`` when there is none
    (``not-a-document``) or the package cannot be read. ``data`` is bytes or a zipper source."""
    entries = zipper.names(data)
    try:
        docx = "word/document.xml" in entries
        found = _from_docx(data, entries) if docx else _property(data, "meta.xml", None)
    except (UnicodeError, ValueError, OverflowError):
        raise zipper.ZipError("not-a-document") from None
    if found is None:
        raise zipper.ZipError("not-a-document")
    return found
