package io.twinsync.transform;

import io.twinsync.staging.Batch;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * A handful of rows of the sample ERP (taken from its seed data), staged by hand with the columns and types the
 * sample mapping's source queries produce, so transform is tested without the extract module.
 */
final class SampleRows {

    static final LocalDateTime MODIFIED = LocalDateTime.parse("2025-01-15T08:00:00");

    private SampleRows() {}

    static void stageInto(Batch batch) {
        TestBatches.rows(
                        "cost-center",
                        "CostCenterId",
                        "CostCenterId INTEGER, Code STRING, Name STRING, Budget DECIMAL, "
                                + "ModifiedAt TIMESTAMP, ParentCode STRING")
                .row(1L, "CC-100", "Production", new BigDecimal("18500000.00"), MODIFIED, null)
                .row(4L, "CC-110", "Production Rotterdam", new BigDecimal("7200000.00"), MODIFIED, "CC-100")
                .row(12L, "CC-330", "Warehouse & Stores", null, MODIFIED, "CC-300")
                .stageInto(batch);
        TestBatches.rows(
                        "site",
                        "SiteId",
                        "SiteId INTEGER, SiteCode STRING, Name STRING, City STRING, "
                                + "CountryCode STRING, Latitude DECIMAL, Longitude DECIMAL, "
                                + "TimeZone STRING, Certifications STRING, ModifiedAt TIMESTAMP")
                .row(
                        1L,
                        "NL-RTM",
                        "Rotterdam Botlek Plant",
                        "Rotterdam",
                        "NL",
                        new BigDecimal("51.885190"),
                        new BigDecimal("4.286130"),
                        "Europe/Amsterdam",
                        "[\"ISO 9001\", \"ISO 14001\", \"ISO 45001\"]",
                        MODIFIED)
                .row(
                        2L,
                        "SE-GOT",
                        "Göteborg Hisingen Plant",
                        "Göteborg",
                        "SE",
                        new BigDecimal("57.718890"),
                        new BigDecimal("11.937220"),
                        "Europe/Stockholm",
                        null,
                        MODIFIED)
                .stageInto(batch);
        TestBatches.rows(
                        "building",
                        "BuildingId",
                        "BuildingId INTEGER, BuildingCode STRING, Name STRING, "
                                + "FloorCount INTEGER, GrossAreaM2 DECIMAL, YearBuilt INTEGER, "
                                + "ModifiedAt TIMESTAMP, SiteCode STRING")
                .row(1L, "RTM-B01", "Assembly Hall 1", 2L, new BigDecimal("12450.00"), 1998L, MODIFIED, "NL-RTM")
                .row(3L, "RTM-B03", "Packaging Hall", 1L, new BigDecimal("5400.00"), null, MODIFIED, "NL-RTM")
                .stageInto(batch);
        TestBatches.rows(
                        "production-line",
                        "LineId",
                        "LineId INTEGER, LineCode STRING, Name STRING, Product STRING, "
                                + "DesignRatePerHour DECIMAL, CommissionedOn DATE, ModifiedAt TIMESTAMP, "
                                + "BuildingCode STRING")
                .row(
                        1L,
                        "RTM-L01",
                        "Pump Assembly A",
                        "Centrifugal pump units",
                        new BigDecimal("48.00"),
                        LocalDate.parse("2009-06-12"),
                        MODIFIED,
                        "RTM-B01")
                .row(
                        3L,
                        "RTM-L03",
                        "Motor Wiring",
                        "Motor sub-assemblies",
                        new BigDecimal("90.00"),
                        null,
                        MODIFIED,
                        "RTM-B01")
                .stageInto(batch);
        TestBatches.rows(
                        "equipment",
                        "EquipmentId",
                        "EquipmentId INTEGER, AssetTag STRING, Name STRING, Category STRING, "
                                + "Manufacturer STRING, ModelNumber STRING, SerialNumber STRING, "
                                + "Status STRING, IsCritical BOOLEAN, RatedPowerKw DECIMAL, "
                                + "InstalledOn DATE, LastServiceAt TIMESTAMP, ModifiedAt TIMESTAMP, IsDeleted BOOLEAN, "
                                + "LineCode STRING, CostCenterCode STRING")
                .row(
                        1L,
                        "PMP-0001",
                        "RTM-L01 Vacuum Pump",
                        "Pump",
                        "Flowserve",
                        "Durco Mark 3",
                        "P29014161",
                        "Running",
                        false,
                        new BigDecimal("75.77"),
                        LocalDate.parse("2020-02-05"),
                        LocalDateTime.parse("2024-12-21T09:30:00"),
                        MODIFIED,
                        false,
                        "RTM-L01",
                        "CC-110")
                .row(
                        2L,
                        "CMP-0001",
                        "MTY-L19 Scroll Compressor",
                        "Compressor",
                        "Ingersoll Rand",
                        "RS30n",
                        null,
                        "Running",
                        true,
                        new BigDecimal("77.06"),
                        LocalDate.parse("2015-11-03"),
                        LocalDateTime.parse("2024-12-02T09:30:00"),
                        MODIFIED,
                        false,
                        "MTY-L19",
                        "CC-310")
                .row(
                        3L,
                        "CNV-0001",
                        "Spare Chain Conveyor",
                        "Conveyor",
                        "Hytrol",
                        "E24EZ",
                        "C64223142",
                        "Idle",
                        false,
                        new BigDecimal("3.00"),
                        LocalDate.parse("2012-07-04"),
                        LocalDateTime.parse("2024-03-31T09:00:00"),
                        MODIFIED,
                        false,
                        null,
                        "CC-330")
                .row(
                        4L,
                        "RBT-0001",
                        "GOT-L18 Pick-and-Place Robot",
                        "Robot",
                        "FANUC",
                        "R-2000iC/165F",
                        "R58336730",
                        "Maintenance",
                        false,
                        new BigDecimal("3.89"),
                        null,
                        LocalDateTime.parse("2024-03-27T08:00:00"),
                        MODIFIED,
                        false,
                        "GOT-L18",
                        null)
                .stageInto(batch);
    }
}
