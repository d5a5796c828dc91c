package io.twinsync.emulator.recorded;

/**
 * One check that failed: where (exchange index, method, path; index -1 for state seeded before the replay), what
 * was checked, and the recorded versus the emulator's value.
 */
record Mismatch(int index, String method, String path, String what, String expected, String actual) {

    @Override
    public String toString() {
        String where = index < 0 ? "seed" : "#" + index;
        return where + " " + method + " " + path + ": " + what + " (recorded " + expected + ", emulator " + actual
                + ")";
    }
}
