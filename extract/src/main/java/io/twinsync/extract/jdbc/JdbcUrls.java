package io.twinsync.extract.jdbc;

import java.util.regex.Pattern;

/** Hides credentials inside JDBC URLs before they reach a message or a log. */
public final class JdbcUrls {

    static final String MASK = "****";

    // password=..., pwd=..., sslpassword=..., accessToken=... as URL parameters (?&) or properties (;), including
    // SQL Server's {braced;values}.
    private static final Pattern SECRET_PARAMETER = Pattern.compile(
            "(?i)([;?&:](?:[a-z]*password|pwd|passwd|accesstoken|[a-z]*secret)\\s*=)(\\{[^}]*}|[^;&]*)");
    // //user:password@host
    private static final Pattern USER_INFO = Pattern.compile("(//[^/:@;?]*:)([^@/;?]*)(@)");

    private JdbcUrls() {}

    public static String redact(String url) {
        if (url == null) {
            return null;
        }
        String redacted = SECRET_PARAMETER.matcher(url).replaceAll("$1" + MASK);
        return USER_INFO.matcher(redacted).replaceAll("$1" + MASK + "$3");
    }
}
