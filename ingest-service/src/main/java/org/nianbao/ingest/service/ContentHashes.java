package org.nianbao.ingest.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The two hashes the system keys on: content addresses of bytes and stable report ids of locators. */
public final class ContentHashes {

    private static final int REPORT_ID_LENGTH = 20;

    private ContentHashes() {
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** A stable id for a report: the first 20 hex digits of the sha256 of its locator. */
    public static String reportId(String locator) {
        return sha256(locator.getBytes(StandardCharsets.UTF_8)).substring(0, REPORT_ID_LENGTH);
    }
}
