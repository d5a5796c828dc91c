package io.twinsync.staging.twin;

import io.twinsync.staging.json.ContentHash;
import java.util.Locale;

/**
 * File names for twin files that are safe for any twin id on every file system and in Blob Storage: a readable,
 * lower-case prefix of the id (letters, digits, {@code . _ -}, at most 60 characters) and a hash of the exact id. The
 * hash keeps ids apart that differ only in case or in characters the prefix drops; the prefix cannot traverse paths.
 */
public final class TwinFileNames {

    private static final int PREFIX_LENGTH = 60;
    private static final int HASH_CHARS = 16;

    private TwinFileNames() {}

    /**
     * The file's path inside {@code twins/}: the file name, in one of 256 sub-folders chosen by its hash, so that
     * no folder holds more than a few thousand files even for millions of twins.
     */
    public static String pathFor(String twinId) {
        String hash = ContentHash.shortHex(twinId, HASH_CHARS);
        return hash.substring(0, 2) + "/" + fileName(twinId, hash);
    }

    public static String fileNameFor(String twinId) {
        return fileName(twinId, ContentHash.shortHex(twinId, HASH_CHARS));
    }

    private static String fileName(String twinId, String hash) {
        StringBuilder prefix = new StringBuilder();
        for (char c : twinId.toLowerCase(Locale.ROOT).toCharArray()) {
            if (prefix.length() == PREFIX_LENGTH) {
                break;
            }
            boolean safe = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.';
            prefix.append(safe ? c : '_');
        }
        String readable = prefix.toString().replaceAll("^[._]+", "");
        return (readable.isEmpty() ? "" : readable + "-") + hash + ".json";
    }
}
