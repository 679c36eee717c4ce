package org.nianbao.parse.parser;

/**
 * One horizontal or vertical line drawn on a PDF page, in text coordinates (origin top left, y downwards); it
 * exists because the ruled borders Word and WPS draw around table cells are what tell cells apart in a PDF.
 *
 * @param horizontal true for a horizontal line (then {@code pos} is its y), false for a vertical one (its x)
 * @param pos the y of a horizontal or x of a vertical line
 * @param from the smaller end along the line
 * @param to the larger end along the line
 */
record PdfRuling(boolean horizontal, float pos, float from, float to) {

    /** Whether a horizontal and a vertical ruling cross or touch. */
    static boolean meet(PdfRuling h, PdfRuling v, float tol) {
        return h.from - tol <= v.pos && v.pos <= h.to + tol && v.from - tol <= h.pos && h.pos <= v.to + tol;
    }
}
