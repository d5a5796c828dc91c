package io.twinsync.writer;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;

/**
 * One of {@code count} disjoint slices of a batch's twin files, numbered from 1. A file belongs to the slice chosen
 * by a CRC-32 of its path, which is the same on every machine and run, so parallel tasks never share a twin.
 */
public record Partition(int index, int count) {

    /** The whole batch. */
    public static final Partition ALL = new Partition(1, 1);

    private static final Pattern FORMAT = Pattern.compile("(\\d{1,4})/(\\d{1,4})");

    public Partition {
        if (count < 1 || index < 1 || index > count) {
            throw new IllegalArgumentException("Partition " + index + "/" + count
                    + " is not valid; use i/n with 1 <= i <= n, for example 1/4 (or 1/1 for the whole batch)");
        }
    }

    /** Parses {@code i/n}, for example {@code 1/4}. */
    public static Partition parse(String text) {
        Matcher m = FORMAT.matcher(text == null ? "" : text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException(
                    "'" + text + "' is not a partition; write i/n, for example 1/4 (or 1/1 for the whole batch)");
        }
        return new Partition(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }

    public boolean contains(String twinFilePath) {
        if (count == 1) {
            return true;
        }
        CRC32 crc = new CRC32();
        crc.update(twinFilePath.getBytes(StandardCharsets.UTF_8));
        return Math.floorMod(crc.getValue(), count) + 1 == index;
    }

    /** The name used for this partition's files, such as {@code part-1-of-4}. */
    public String fileName() {
        return "part-" + index + "-of-" + count;
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
