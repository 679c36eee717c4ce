package org.nianbao.parse.parser;

/**
 * One numbered section of a report (1–6 for the national format, the printed ordinal for older reports, 0 for the
 * preamble); it exists so text rules can look at a section's narrative.
 */
public record Section(int number, String heading, String text) {
}
