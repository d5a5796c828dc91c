package io.twinsync.dtdl.model;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The DTDL language versions twinsync reads, with the limits each version's specification sets (DTDL/v2/DTDL.v2.md and
 * DTDL/v3/DTDL.v3.md in Azure/opendigitaltwins-dtdl). Azure Digital Twins accepts both.
 */
public enum DtdlVersion {
    V2(2, 64, 64, 128, Pattern.compile("^dtmi:" + Segments.USER + ";[1-9][0-9]{0,8}$")),
    V3(3, 512, 512, 128, Pattern.compile("^dtmi:" + Segments.USER + "(?:;[1-9][0-9]{0,8}(?:\\.[1-9][0-9]{0,5})?)?$"));

    /** The longest user DTMI the DTMI specification allows (DTMI/README.md). */
    public static final int MAX_USER_DTMI_LENGTH = 2048;

    private final int number;
    private final int maxNameLength;
    private final int maxDisplayNameLength;
    private final int maxInterfaceIdLength;
    private final Pattern userDtmi;

    DtdlVersion(int number, int maxNameLength, int maxDisplayNameLength, int maxInterfaceIdLength, Pattern userDtmi) {
        this.number = number;
        this.maxNameLength = maxNameLength;
        this.maxDisplayNameLength = maxDisplayNameLength;
        this.maxInterfaceIdLength = maxInterfaceIdLength;
        this.userDtmi = userDtmi;
    }

    /** The version number, as in {@code dtmi:dtdl:context;3}. */
    public int number() {
        return number;
    }

    /** The context specifier that selects this version. */
    public String context() {
        return "dtmi:dtdl:context;" + number;
    }

    /** The longest {@code name} of a content, field, enum value, map key or value, command payload. */
    public int maxNameLength() {
        return maxNameLength;
    }

    /** The longest {@code displayName} string, per language. */
    public int maxDisplayNameLength() {
        return maxDisplayNameLength;
    }

    /** The longest {@code @id} of an Interface. */
    public int maxInterfaceIdLength() {
        return maxInterfaceIdLength;
    }

    /**
     * True when {@code text} is a user DTMI of this version: no system segments (segments starting with '_'); v2
     * requires a one-part version, v3 makes the version optional and allows {@code ;major.minor}.
     */
    public boolean isUserDtmi(String text) {
        return text != null
                && text.length() <= MAX_USER_DTMI_LENGTH
                && userDtmi.matcher(text).matches();
    }

    /** The version selected by a DTDL context specifier, such as {@code dtmi:dtdl:context;2}. */
    public static Optional<DtdlVersion> ofContext(String context) {
        for (DtdlVersion version : values()) {
            if (version.context().equals(context)) {
                return Optional.of(version);
            }
        }
        return Optional.empty();
    }

    /** The DTMI path grammar of DTMI/README.md. */
    private static final class Segments {
        static final String ONE = "[A-Za-z](?:[A-Za-z0-9_]*[A-Za-z0-9])?";
        static final String USER = ONE + "(?::" + ONE + ")*";
    }
}
