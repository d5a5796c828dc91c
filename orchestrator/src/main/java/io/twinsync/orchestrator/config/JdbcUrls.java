package io.twinsync.orchestrator.config;

import java.util.regex.Pattern;

/** Makes JDBC URLs safe to print: passwords, user info and keys in them are masked. */
public final class JdbcUrls {

    private static final Pattern SECRET_PARAMETER = Pattern.compile(
            "(?i)((?:password|pwd|accesstoken|access_token|secret|key)\\s*=\\s*)([^;&]*)");
    private static final Pattern USER_INFO = Pattern.compile("(//)([^/@]+)@");

    private JdbcUrls() {}

    public static String withoutSecrets(String url) {
        if (url == null) {
            return null;
        }
        String masked = SECRET_PARAMETER.matcher(url).replaceAll("$1****");
        return USER_INFO.matcher(masked).replaceAll("$1****@");
    }
}
