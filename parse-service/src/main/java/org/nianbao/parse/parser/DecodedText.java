package org.nianbao.parse.parser;

/**
 * Characters decoded from bytes plus the charset that was used and whether it was guessed; it exists so an
 * undeclared encoding can be reported as a warning.
 */
public record DecodedText(String text, String charset, boolean guessed) {
}
