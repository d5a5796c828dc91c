package io.twinsync.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SourceEntityTests {

    @Test
    void aTableNameWithSqlInItIsRejected() {
        // given / when / then a table "name" that would smuggle in a second statement is refused at construction
        assertThatThrownBy(() -> SourceEntity.ofTable("equipment", "x; DROP TABLE y", "EquipmentId"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("equipment")
                .hasMessageContaining("x; DROP TABLE y")
                .hasMessageContaining("not a plain table name");
    }

    @Test
    void quotesAndSpacesInATableNameAreRejected() {
        // given / when / then every character outside letters, digits, '_' and one '.' is refused
        for (String table : List.of("Equip\"ment", "Equip ment", "a.b.c", "[Equipment]", "1Equipment", "dbo.")) {
            assertThatThrownBy(() -> SourceEntity.ofTable("equipment", table, "EquipmentId"))
                    .as(table)
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void aSchemaQualifiedTableIsAccepted() {
        // given / when
        SourceEntity entity = SourceEntity.ofTable("equipment", "dbo.Equipment", "EquipmentId");

        // then
        assertThat(entity.readsTable()).isTrue();
        assertThat(entity.table()).isEqualTo("dbo.Equipment");
    }

    @Test
    void anEntityNeedsExactlyOneOfQueryAndTable() {
        // given / when / then
        assertThatThrownBy(() -> new SourceEntity("equipment", "SELECT 1 AS Id", "Equipment", List.of("Id")))
                .hasMessageContaining("exactly one of 'query' and 'table'")
                .hasMessageContaining("has both");
        assertThatThrownBy(() -> new SourceEntity("equipment", " ", null, List.of("Id")))
                .hasMessageContaining("has neither");
    }

    @Test
    void anEntityNeedsKeyColumns() {
        // given / when / then
        assertThatThrownBy(() -> SourceEntity.ofQuery("equipment", "SELECT 1 AS Id"))
                .hasMessageContaining("equipment has no key columns");
        assertThatThrownBy(() -> SourceEntity.ofQuery("equipment", "SELECT 1 AS Id", "Id", "id"))
                .hasMessageContaining("twice");
    }

    @Test
    void theNameMustBeUsableAsAFileName() {
        // given / when / then names that would escape rows/ or are not portable file names are refused
        for (String name : List.of("../twins/x", "rows/equipment", "", "equip ment", "-equipment")) {
            assertThatThrownBy(() -> SourceEntity.ofQuery(name, "SELECT 1 AS Id", "Id"))
                    .as(name)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("rows/{name}.ndjson");
        }
    }

    @Test
    void aWatermarkColumnMustBeAPlainIdentifier() {
        // given / when / then anything that could carry SQL is refused
        for (String column : List.of("RowVer; DROP TABLE x", "w.RowVer", "Row Ver", "\"RowVer\"", "1RowVer")) {
            assertThatThrownBy(() ->
                            SourceEntity.ofTable("equipment", "Equipment", "Id").withWatermark(column))
                    .as(column)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("watermark column");
        }
    }

    @Test
    void aBlankWatermarkColumnMeansFullReads() {
        // given / when
        SourceEntity entity =
                SourceEntity.ofTable("equipment", "Equipment", "Id").withWatermark(" ");

        // then
        assertThat(entity.hasWatermark()).isFalse();
        assertThat(SourceEntity.ofTable("equipment", "Equipment", "Id")
                        .withWatermark("RowVer")
                        .watermarkColumn())
                .isEqualTo("RowVer");
    }

    @Test
    void changeTrackingNeedsATable() {
        assertThatThrownBy(() -> SourceEntity.ofQuery("equipment", "SELECT * FROM Equipment", "Id")
                        .withChangeTracking())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("uses change tracking, which reads a table");
    }

    @Test
    void changeTrackingExcludesAWatermarkColumn() {
        assertThatThrownBy(() -> SourceEntity.ofTable("equipment", "Equipment", "Id")
                        .withWatermark("RowVer")
                        .withChangeTracking())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("both change tracking and watermark column RowVer");
    }

    @Test
    void changeTrackingReadsIncrementally() {
        SourceEntity entity =
                SourceEntity.ofTable("equipment", "dbo.Equipment", "Id").withChangeTracking();
        assertThat(entity.readsIncrementally()).isTrue();
        assertThat(entity.hasWatermark()).isFalse();
    }
}
