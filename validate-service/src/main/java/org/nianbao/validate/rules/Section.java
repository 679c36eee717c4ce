package org.nianbao.validate.rules;

/** One numbered section of a report (0 = preamble), kept as text so text rules can read it. */
public record Section(int number, String heading, String text) {

    public Section {
        heading = heading == null ? "" : heading;
        text = text == null ? "" : text;
    }
}
