package io.twinsync.extract.jdbc;

import java.util.regex.Pattern;

/**
 * Hides credentials inside JDBC URLs before they reach a message or a log. Covers the forms drivers accept:
 *
 * <ul>
 *   <li>parameters and properties: {@code ?password=..}, {@code &pwd=..}, {@code ;password={..}} (SQL Server
 *       braces), {@code :password=..;} (DB2), also {@code passwd}, {@code *secret}, {@code accessToken};
 *   <li>MySQL key-value hosts: {@code (host=..,password=..)} and {@code address=(..)(password=..)};
 *   <li>user info: {@code //user:password@host};
 *   <li>Oracle thin: {@code jdbc:oracle:thin:user/password@host} (also a quoted {@code "pass@word"}).
 * </ul>
 */
public final class JdbcUrls {

    static final String MASK = "****";

    private static final String SECRET_NAME = "(?:[a-z]*password|pwd|passwd|accesstoken|[a-z]*secret)";
    // As URL parameters (?&) or properties (;:), including SQL Server's {braced;values}; the value runs to ; or &.
    private static final Pattern SECRET_PARAMETER =
            Pattern.compile("(?i)([;?&:]" + SECRET_NAME + "\\s*=)(\\{[^}]*}|[^;&]*)");
    // MySQL's (key=value,key=value) host syntax: the value runs to , or ).
    private static final Pattern SECRET_KEY_VALUE =
            Pattern.compile("(?i)([(,]\\s*" + SECRET_NAME + "\\s*=)(\"[^\"]*\"|'[^']*'|[^,)]*)");
    // //user:password@host
    private static final Pattern USER_INFO = Pattern.compile("(//[^/:@;?]*:)([^@/;?]*)(@)");
    // jdbc:oracle:thin:user/password@host, jdbc:oracle:oci:user/"p@ss"@tns
    private static final Pattern ORACLE_USER_PASSWORD =
            Pattern.compile("(?i)(jdbc:oracle:[a-z0-9]+:[^/:@;?()\\s]*/)(\"[^\"]*\"|[^@\\s]*)(@)");

    private JdbcUrls() {}

    public static String redact(String url) {
        if (url == null) {
            return null;
        }
        String redacted = SECRET_PARAMETER.matcher(url).replaceAll("$1" + MASK);
        redacted = SECRET_KEY_VALUE.matcher(redacted).replaceAll("$1" + MASK);
        redacted = ORACLE_USER_PASSWORD.matcher(redacted).replaceAll("$1" + MASK + "$3");
        return USER_INFO.matcher(redacted).replaceAll("$1" + MASK + "$3");
    }
}
