package io.twinsync.staging.blob;

/**
 * The 64-bit hashes of the names created in a folder, in an open-addressing table: 16 to 32 bytes per name (the
 * table is at most half full), where a set of the names would cost over a hundred. A hash seen before means "maybe created": the caller then
 * checks the name exactly, which happens only for real duplicates and, about once in 10^7 folders of a million
 * files, for a collision.
 */
final class NameHashes {

    private static final long EMPTY = 0L;

    private long[] table = new long[1 << 12];
    private int size;
    private boolean hasZero;

    /** Adds the hash of {@code name}; false when that hash was already there. */
    synchronized boolean add(String name) {
        long hash = hash(name);
        if (hash == EMPTY) {
            boolean added = !hasZero;
            hasZero = true;
            return added;
        }
        if (size * 2 >= table.length) {
            grow();
        }
        boolean added = insert(table, hash);
        if (added) {
            size++;
        }
        return added;
    }

    private static boolean insert(long[] into, long hash) {
        int mask = into.length - 1;
        int slot = (int) (hash ^ (hash >>> 32)) & mask;
        while (into[slot] != EMPTY) {
            if (into[slot] == hash) {
                return false;
            }
            slot = (slot + 1) & mask;
        }
        into[slot] = hash;
        return true;
    }

    private void grow() {
        long[] old = table;
        table = new long[old.length * 2];
        for (long hash : old) {
            if (hash != EMPTY) {
                insert(table, hash);
            }
        }
    }

    /** FNV-1a over the UTF-16 chars, then a final mix (from SplitMix64) to spread the bits of similar names. */
    static long hash(String name) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < name.length(); i++) {
            h ^= name.charAt(i);
            h *= 0x100000001b3L;
        }
        h = (h ^ (h >>> 30)) * 0xbf58476d1ce4e5b9L;
        h = (h ^ (h >>> 27)) * 0x94d049bb133111ebL;
        return h ^ (h >>> 31);
    }
}
