package org.nianbao.parse.parser;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.pdfbox.text.TextPosition;

/**
 * Joins the characters printed in one table cell into its text: lines by baseline, top to bottom, characters
 * left to right, wrapped lines joined without a space (a label wrapped by Word, or one character per line in a
 * narrow column, reads as the label); it exists because a cell's lines are separate text lines in the PDF.
 */
final class PdfCellText {

    private PdfCellText() {
    }

    static String of(List<TextPosition> chars) {
        if (chars.isEmpty()) {
            return "";
        }
        List<TextPosition> sorted = new ArrayList<>(chars);
        sorted.sort(Comparator.comparingDouble(TextPosition::getYDirAdj));
        List<List<TextPosition>> lines = new ArrayList<>();
        List<TextPosition> line = null;
        float baseline = 0;
        for (TextPosition t : sorted) {
            if (line == null || t.getYDirAdj() - baseline > Math.max(t.getHeightDir(), 2f) * 0.5f) {
                line = new ArrayList<>();
                lines.add(line);
                baseline = t.getYDirAdj();
            }
            line.add(t);
        }
        StringBuilder text = new StringBuilder();
        for (List<TextPosition> l : lines) {
            l.sort(Comparator.comparingDouble(TextPosition::getXDirAdj));
            StringBuilder lineText = new StringBuilder();
            float end = Float.NaN;
            for (TextPosition t : l) {
                float gap = t.getXDirAdj() - end;
                if (!Float.isNaN(end) && gap > Math.max(t.getWidthDirAdj(), 2f) * 0.5f) {
                    lineText.append(' ');
                }
                lineText.append(t.getUnicode());
                end = t.getXDirAdj() + t.getWidthDirAdj();
            }
            String s = lineText.toString().strip();
            if (s.isEmpty()) {
                continue;
            }
            if (text.length() > 0 && isLatin(text.charAt(text.length() - 1)) && isLatin(s.charAt(0))) {
                text.append(' ');
            }
            text.append(s);
        }
        return text.toString().replaceAll("[\\s\\u3000\\u00a0]+", " ").strip();
    }

    private static boolean isLatin(char c) {
        return c < 0x80 && Character.isLetter(c);
    }
}
