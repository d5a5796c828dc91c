package io.twinsync.extract.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class JdbcSourceSettingsTests {

    @Test
    void toStringHidesThePassword() {
        // given
        JdbcSourceSettings settings =
                new JdbcSourceSettings("jdbc:postgresql://erp:5432/erp", "reader", "s3cret-pw", 2, 500);

        // when / then
        assertThat(settings.toString())
                .doesNotContain("s3cret-pw")
                .contains("password=****")
                .contains("reader")
                .contains("jdbc:postgresql://erp:5432/erp");
    }

    @Test
    void toStringHidesCredentialsInsideTheUrl() {
        // given URLs that carry a password in each common form
        String[] urls = {
            "jdbc:sqlserver://erp:1433;databaseName=erp;user=sa;password=s3cret-pw;encrypt=true",
            "jdbc:sqlserver://erp:1433;databaseName=erp;Password={s3cret;pw};encrypt=true",
            "jdbc:postgresql://erp/erp?user=reader&password=s3cret-pw&ssl=true",
            "jdbc:postgresql://reader:s3cret-pw@erp/erp",
            "jdbc:h2:mem:erp;PASSWORD=s3cret-pw"
        };
        for (String url : urls) {
            // when
            String text = JdbcSourceSettings.of(url, null, null).toString();

            // then
            assertThat(text).as(url).doesNotContain("s3cret").contains("****");
        }
    }

    @Test
    void redactHidesOracleThinPasswords() {
        // given / when / then
        assertThat(JdbcUrls.redact("jdbc:oracle:thin:scott/tiger-pw@//erp:1521/ERP"))
                .isEqualTo("jdbc:oracle:thin:scott/****@//erp:1521/ERP");
        assertThat(JdbcUrls.redact("jdbc:oracle:thin:scott/\"ti@ger\"@erp:1521:ERP"))
                .isEqualTo("jdbc:oracle:thin:scott/****@erp:1521:ERP");
        assertThat(JdbcUrls.redact("jdbc:oracle:thin:@//erp:1521/ERP")).isEqualTo("jdbc:oracle:thin:@//erp:1521/ERP");
    }

    @Test
    void redactHidesMySqlKeyValuePasswords() {
        // given / when / then
        assertThat(JdbcUrls.redact("jdbc:mysql://(host=erp,port=3306,user=reader,password=s3cret-pw)/erp"))
                .isEqualTo("jdbc:mysql://(host=erp,port=3306,user=reader,password=****)/erp");
        assertThat(JdbcUrls.redact("jdbc:mysql://address=(host=erp)(user=reader)(password=s3cret-pw)/erp"))
                .isEqualTo("jdbc:mysql://address=(host=erp)(user=reader)(password=****)/erp");
        assertThat(JdbcUrls.redact("jdbc:mysql://reader:s3cret-pw@erp:3306/erp"))
                .isEqualTo("jdbc:mysql://reader:****@erp:3306/erp");
    }

    @Test
    void redactKeepsUrlsWithoutCredentialsAsTheyAre() {
        // given / when / then
        assertThat(JdbcUrls.redact("jdbc:sqlserver://erp:1433;databaseName=erp;encrypt=true"))
                .isEqualTo("jdbc:sqlserver://erp:1433;databaseName=erp;encrypt=true");
        assertThat(JdbcUrls.redact("jdbc:mysql://(host=erp,port=3306)/erp"))
                .isEqualTo("jdbc:mysql://(host=erp,port=3306)/erp");
    }

    @Test
    void aUrlThatIsNotJdbcIsRejectedWithAnExample() {
        // given / when / then
        assertThatThrownBy(() -> JdbcSourceSettings.of("postgresql://erp/erp", "reader", "pw"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must start with jdbc:");
        assertThatThrownBy(() -> JdbcSourceSettings.of(" ", "reader", "pw"))
                .hasMessageContaining("JDBC URL is missing");
    }

    @Test
    void aFetchSizeOfZeroIsRejectedBecauseItWouldLoadWholeTables() {
        // given / when / then
        assertThatThrownBy(() -> new JdbcSourceSettings("jdbc:h2:mem:x", null, null, 2, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("fetchSize is 0")
                .hasMessageContaining("between 1 and 100000");
    }

    @Test
    void aPoolSizeOutOfRangeIsRejected() {
        // given / when / then
        assertThatThrownBy(() -> new JdbcSourceSettings("jdbc:h2:mem:x", null, null, 0, 100))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maximumPoolSize is 0");
    }
}
