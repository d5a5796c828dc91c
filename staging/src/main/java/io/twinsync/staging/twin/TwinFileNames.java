package io.twinsync.staging.twin;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * File names for twin files that are safe for any twin id on every file system and in Blob Storage: a readable,
 * lower-case prefix of the id (letters, digits, {@code . _ -}, at most 60 characters) and a hash of the exact id. The
 * hash keeps ids apart that differ only in case or in characters the prefix drops; the prefix cannot traverse paths.
 */
public final class TwinFileNames {

    private static final int PREFIX_LENGTH = 60;

    private TwinFileNames() {}

    public static String fileNameFor(String twinId) {
        StringBuilder prefix = new StringBuilder();
        for (char c : twinId.toLowerCase(Locale.ROOT).toCharArray()) {
            if (prefix.length() == PREFIX_LENGTH) {
                break;
            }
            boolean safe = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.';
            prefix.append(safe ? c : '_');
        }
        String readable = prefix.toString().replaceAll("^[._]+", "");
        return (readable.isEmpty() ? "" : readable + "-") + hash(twinId) + ".json";
    }

    private static String hash(String twinId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(twinId.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
