package cn.keyaccount.base;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.poi.ss.util.CellReference;

/**
 * The sheet's XML read byte by byte for {@link SheetCells}: the elements row, c, v, is and t of SpreadsheetML (with
 * or without a prefix), comments, processing instructions and CDATA; a DOCTYPE is refused as POI's parser refuses
 * it. Each cell's text (entities resolved) goes to the row's arena in {@link SheetCells.Cells}; the bounds on a cell's
 * characters and a row's bytes are checked as the bytes arrive.
 * <p>
 * Over ~400 lines on purpose: one pass over one buffer, whose state (position, the element and its attributes, the
 * open row and cell, the characters counted) every step reads and moves; split apart, the pieces would pass that
 * state to each other on every byte.
 */
final class SheetXml {

    private final InputStream in;
    private final String sheet;
    private final int maxRows;
    private final SheetCells.Cells cells;
    private final SheetCells.RowHandler handler;
    private final byte[] buf = new byte[1 << 16];
    private int pos;
    private int lim;

    /** The prefix of the root element (SpreadsheetML's), e.g. "x:"; elements with another prefix are skipped. */
    private byte[] prefix;
    private final byte[] name = new byte[64];
    private int nameLen;
    private int localFrom;
    private final byte[] attrR = new byte[32];
    private int attrRLen;
    private final byte[] attrS = new byte[16];
    private int attrSLen;
    private final byte[] attrT = new byte[16];
    private int attrTLen;
    private boolean rootClosed;

    private int rowNum = -1;
    private int nextRowNum;
    private int rows;
    private boolean inRow;
    private boolean inCell;
    private boolean inIs;
    /** Text of a v (or a t inside is) goes to the row's arena. */
    private boolean capture;
    private int cellCol;
    private byte cellType;
    private int cellStyle;
    private int textFrom;
    private int cellChars;

    SheetXml(InputStream in, String sheet, int maxRows, SheetCells.Cells cells, SheetCells.RowHandler handler) {
        this.in = in;
        this.sheet = sheet;
        this.maxRows = maxRows;
        this.cells = cells;
        this.handler = handler;
    }

    private SheetCells.Unreadable unreadable(String what) {
        return new SheetCells.Unreadable(sheet, inRow ? rowNum + 1 : rows == 0 ? 0 : rowNum + 1,
                inCell ? SheetCells.Cells.column(Math.max(0, cellCol)) : "", what);
    }

    private boolean fill() throws IOException {
        int n;
        do {
            n = in.read(buf, 0, buf.length);
        } while (n == 0);
        if (n < 0) {
            pos = 0;
            lim = 0;
            return false;
        }
        pos = 0;
        lim = n;
        return true;
    }

    private int next() throws IOException {
        if (pos == lim && !fill()) {
            return -1;
        }
        return buf[pos++] & 0xff;
    }

    private int peek() throws IOException {
        if (pos == lim && !fill()) {
            return -1;
        }
        return buf[pos] & 0xff;
    }

    private int must() throws IOException {
        int b = next();
        if (b < 0) {
            throw unreadable("the sheet's XML ends in the middle of an element");
        }
        return b;
    }

    void run() throws IOException {
        int first = peek();
        if (first == 0xEF) {
            // a UTF-8 byte-order mark
            next();
            if (next() != 0xBB || next() != 0xBF) {
                throw unreadable("the sheet's XML is not UTF-8");
            }
        } else if (first == 0xFE || first == 0xFF || first == 0) {
            throw unreadable("the sheet's XML is not UTF-8");
        }
        while (true) {
            if (!text()) {
                break;
            }
            tag();
        }
        if (!rootClosed) {
            throw unreadable("the sheet's XML ends before the sheet does");
        }
    }

    /** Reads text up to the next '<' (consumed); false at the end of the input. */
    private boolean text() throws IOException {
        while (true) {
            if (pos == lim && !fill()) {
                return false;
            }
            if (capture) {
                int i = pos;
                int end = lim;
                byte[] b = buf;
                while (i < end) {
                    byte c = b[i];
                    if (c == '<' || c == '&' || c == '\r') {
                        break;
                    }
                    i++;
                }
                append(b, pos, i - pos);
                pos = i;
                if (i == end) {
                    continue;
                }
                byte c = b[pos++];
                if (c == '<') {
                    return true;
                }
                if (c == '&') {
                    entity();
                } else {
                    // XML reads CR LF and a lone CR as LF
                    if (peek() == '\n') {
                        pos++;
                    }
                    append(new byte[] {'\n'}, 0, 1);
                }
            } else {
                int i = pos;
                int end = lim;
                byte[] b = buf;
                if (inCell) {
                    while (i < end && b[i] != '<') {
                        if ((b[i] & 0xC0) != 0x80) {
                            cellChars++;
                        }
                        i++;
                    }
                    checkCellChars();
                } else {
                    while (i < end && b[i] != '<') {
                        i++;
                    }
                }
                pos = i;
                if (i < end) {
                    pos++;
                    return true;
                }
            }
        }
    }

    private void append(byte[] b, int from, int n) {
        if (n == 0) {
            return;
        }
        for (int i = from; i < from + n; i++) {
            int c = b[i] & 0xff;
            if ((c & 0xC0) != 0x80) {
                cellChars += c >= 0xF0 ? 2 : 1;
            }
        }
        checkCellChars();
        cells.reserve(n);
        System.arraycopy(b, from, cells.arena, cells.used, n);
        cells.used += n;
    }

    private void checkCellChars() {
        if (cellChars > SheetRows.MAX_CELL_CHARS) {
            throw new SheetRows.Refused("import.cell-too-long", rowNum + 1, SheetCells.Cells.column(Math.max(0, cellCol)),
                    SheetRows.MAX_CELL_CHARS);
        }
    }

    /** After '&': one of XML's five entities or a character reference, appended as UTF-8. */
    private void entity() throws IOException {
        byte[] e = new byte[12];
        int n = 0;
        int b;
        while ((b = must()) != ';') {
            if (n == e.length) {
                throw unreadable("an unknown entity");
            }
            e[n++] = (byte) b;
        }
        String s = new String(e, 0, n, StandardCharsets.ISO_8859_1);
        int cp;
        switch (s) {
            case "amp" -> cp = '&';
            case "lt" -> cp = '<';
            case "gt" -> cp = '>';
            case "quot" -> cp = '"';
            case "apos" -> cp = '\'';
            default -> {
                try {
                    cp = s.startsWith("#x") ? Integer.parseInt(s.substring(2), 16)
                            : s.startsWith("#") ? Integer.parseInt(s.substring(1)) : -1;
                } catch (NumberFormatException ex) {
                    cp = -1;
                }
                if (cp < 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
                    throw unreadable("an unknown entity &" + s + ";");
                }
            }
        }
        byte[] utf8 = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8);
        cells.reserve(utf8.length);
        System.arraycopy(utf8, 0, cells.arena, cells.used, utf8.length);
        cells.used += utf8.length;
        cellChars += Character.charCount(cp);
        checkCellChars();
    }

    /** After '<': a tag, a comment, a processing instruction or CDATA. */
    private void tag() throws IOException {
        int b = must();
        if (b == '?') {
            skipUntil((byte) '?', (byte) '>');
            return;
        }
        if (b == '!') {
            int c = must();
            if (c == '-') {
                must();
                skipUntil((byte) '-', (byte) '-');
                if (must() != '>') {
                    throw unreadable("a comment holds '--'");
                }
            } else if (c == '[') {
                for (char expected : "CDATA[".toCharArray()) {
                    if (must() != expected) {
                        throw unreadable("a malformed CDATA section");
                    }
                }
                cdata();
            } else {
                throw unreadable("a DOCTYPE or other declaration (not allowed in a sheet)");
            }
            return;
        }
        boolean end = b == '/';
        if (end) {
            b = must();
        }
        readName(b);
        boolean selfClosing = attributes(end);
        boolean ours = prefixMatches();
        if (prefix == null && !end) {
            prefix = Arrays.copyOf(name, localFrom);
            ours = true;
        }
        if (!ours) {
            return;
        }
        if (end) {
            endElement();
        } else {
            startElement();
            if (selfClosing) {
                endElement();
            }
        }
    }

    private void cdata() throws IOException {
        // text up to "]]>", taken as it is when it is a cell's text
        int state = 0;
        while (true) {
            int b = must();
            if (b == ']') {
                if (state < 2) {
                    state++;
                    continue;
                }
                appendIf(b);
                continue;
            }
            if (b == '>' && state == 2) {
                return;
            }
            for (int k = 0; k < state; k++) {
                appendIf(']');
            }
            state = 0;
            appendIf(b);
        }
    }

    private void appendIf(int b) {
        if (capture) {
            append(new byte[] {(byte) b}, 0, 1);
        } else if (inCell && (b & 0xC0) != 0x80) {
            cellChars++;
            checkCellChars();
        }
    }

    private void skipUntil(byte a, byte z) throws IOException {
        int previous = -1;
        while (true) {
            int b = must();
            if (previous == a && b == z) {
                return;
            }
            previous = b;
        }
    }

    private void readName(int b) throws IOException {
        nameLen = 0;
        localFrom = 0;
        while (b != '>' && b != '/' && b != ' ' && b != '\t' && b != '\n' && b != '\r') {
            if (nameLen < name.length) {
                name[nameLen] = (byte) b;
            }
            nameLen++;
            if (b == ':') {
                localFrom = nameLen;
            }
            b = must();
        }
        pos--;
    }

    private boolean prefixMatches() {
        if (prefix == null || prefix.length != localFrom || nameLen > name.length) {
            return false;
        }
        for (int i = 0; i < localFrom; i++) {
            if (prefix[i] != name[i]) {
                return false;
            }
        }
        return true;
    }

    private boolean local(String s) {
        int n = nameLen - localFrom;
        if (n != s.length()) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            if (name[localFrom + i] != s.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** Reads the attributes up to '>' (r, s and t kept); true when the tag closes itself ("/>"). */
    private boolean attributes(boolean endTag) throws IOException {
        attrRLen = -1;
        attrSLen = -1;
        attrTLen = -1;
        while (true) {
            int b = must();
            if (b == '>') {
                return false;
            }
            if (b == '/') {
                if (must() != '>') {
                    throw unreadable("a malformed tag");
                }
                return true;
            }
            if (b == ' ' || b == '\t' || b == '\n' || b == '\r') {
                continue;
            }
            if (endTag) {
                throw unreadable("a malformed end tag");
            }
            // an attribute: name = "value"
            int first = b;
            int length = 1;
            while ((b = must()) != '=' && b != ' ' && b != '\t' && b != '\n' && b != '\r') {
                length++;
            }
            while (b != '=') {
                b = must();
                if (b != '=' && b != ' ' && b != '\t' && b != '\n' && b != '\r') {
                    throw unreadable("a malformed attribute");
                }
            }
            int quote;
            do {
                quote = must();
            } while (quote == ' ' || quote == '\t' || quote == '\n' || quote == '\r');
            if (quote != '"' && quote != '\'') {
                throw unreadable("a malformed attribute");
            }
            byte[] target = null;
            if (length == 1) {
                target = first == 'r' ? attrR : first == 's' ? attrS : first == 't' ? attrT : null;
            }
            int n = 0;
            while ((b = must()) != quote) {
                if (b == '<') {
                    throw unreadable("a '<' in an attribute");
                }
                if (target != null && n < target.length) {
                    target[n] = (byte) b;
                }
                n++;
            }
            if (target == attrR) {
                attrRLen = n;
            } else if (target == attrS) {
                attrSLen = n;
            } else if (target == attrT) {
                attrTLen = n;
            }
        }
    }

    private void startElement() throws IOException {
        if (local("row")) {
            if (attrRLen >= 0) {
                int r = number(attrR, attrRLen, "row number");
                rowNum = r - 1;
            } else {
                rowNum = nextRowNum;
            }
            inRow = true;
            cells.startRow(rowNum + 1);
        } else if (local("c")) {
            inCell = true;
            cellChars = 0;
            cellCol = attrRLen >= 0 ? column() : cells.size;
            cellType = type();
            cellStyle = attrSLen >= 0 ? number(attrS, attrSLen, "style") : cells.defaultStyle;
        } else if (inCell && local("v")) {
            if (!inIs) {
                capture = true;
                textFrom = cells.used;
            }
        } else if (inCell && local("is")) {
            inIs = true;
            textFrom = cells.used;
        } else if (inIs && local("t")) {
            capture = true;
        }
    }

    private void endElement() throws IOException {
        if (capture && local("v") && !inIs) {
            capture = false;
            cells.cell(cellCol, cellType, textFrom, cells.used, cellStyle);
        } else if (inIs && local("t")) {
            capture = false;
        } else if (inIs && local("is")) {
            inIs = false;
            capture = false;
            cells.cell(cellCol, SheetCells.INLINE, textFrom, cells.used, cellStyle);
        } else if (local("c")) {
            inCell = false;
            inIs = false;
            capture = false;
        } else if (local("row")) {
            inRow = false;
            inCell = false;
            endRow();
            nextRowNum = rowNum + 1;
        } else if (nameLen - localFrom == "worksheet".length() && local("worksheet")) {
            rootClosed = true;
        }
    }

    private void endRow() {
        if (!cells.anyText()) {
            return;
        }
        if (++rows > maxRows) {
            throw new SheetRows.Refused("import.too-many-rows", rowNum + 1, "", maxRows);
        }
        handler.row(rowNum + 1, cells);
    }

    private byte type() {
        if (attrTLen < 0) {
            return SheetCells.NUMBER;
        }
        if (is(attrT, attrTLen, "s")) {
            return SheetCells.SHARED;
        }
        if (is(attrT, attrTLen, "inlineStr")) {
            return SheetCells.INLINE;
        }
        if (is(attrT, attrTLen, "str")) {
            return SheetCells.FORMULA_TEXT;
        }
        if (is(attrT, attrTLen, "b")) {
            return SheetCells.BOOLEAN;
        }
        if (is(attrT, attrTLen, "e")) {
            return SheetCells.ERROR;
        }
        return SheetCells.NUMBER;
    }

    private static boolean is(byte[] b, int n, String s) {
        if (n != s.length()) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            if (b[i] != s.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private int number(byte[] b, int n, String what) throws SheetCells.Unreadable {
        int from = 0;
        int to = Math.min(n, b.length);
        while (from < to && b[from] <= ' ') {
            from++;
        }
        while (to > from && b[to - 1] <= ' ') {
            to--;
        }
        if (n > b.length || from == to || to - from > 9) {
            throw unreadable("the " + what + " '" + new String(b, 0, Math.min(n, b.length),
                    StandardCharsets.ISO_8859_1) + "' is not a number");
        }
        int v = 0;
        for (int i = from; i < to; i++) {
            if (b[i] < '0' || b[i] > '9') {
                throw unreadable("the " + what + " '" + new String(b, 0, n, StandardCharsets.ISO_8859_1)
                        + "' is not a number");
            }
            v = v * 10 + b[i] - '0';
        }
        return v;
    }

    /** The 0-based column of the cell reference in attrR, e.g. "AB12"; anything unusual through POI's parser. */
    private int column() throws SheetCells.Unreadable {
        int col = 0;
        int i = 0;
        int n = Math.min(attrRLen, attrR.length);
        while (i < n && i < 4) {
            byte ch = attrR[i];
            if (ch < 'A' || ch > 'Z') {
                break;
            }
            col = col * 26 + (ch - 'A' + 1);
            i++;
        }
        if (i > 0 && i < n && attrRLen <= attrR.length && attrR[i] >= '1' && attrR[i] <= '9') {
            return col - 1;
        }
        String ref = new String(attrR, 0, n, StandardCharsets.ISO_8859_1);
        try {
            return new CellReference(ref).getCol();
        } catch (RuntimeException e) {
            throw new SheetCells.Unreadable(sheet, rowNum + 1, "", "the cell reference '" + ref + "' is no cell");
        }
    }
}
