-- Sample ERP schema for SQL Server (T-SQL). Tables are created in the login's default schema (usually dbo).
-- Keep the table and column names in step with the H2 and PostgreSQL variants: twin mappings refer to them.
-- One statement per ';' at the end of a line; no GO separators needed.
-- Unlike the H2 and PostgreSQL variants, every table has a RowVer ROWVERSION column (H2 has no rowversion): SQL Server
-- sets it on every insert and update, so it serves as a watermark (mapping source.watermark: RowVer). The seed does
-- not name it. Change tracking, the other incremental mode, needs no column: see sample-erp-schema/README.md.

CREATE TABLE CostCenter (
    CostCenterId       INT            NOT NULL,
    Code               VARCHAR(20)    NOT NULL,
    Name               NVARCHAR(100)  NOT NULL,
    ParentCostCenterId INT            NULL,
    Budget             DECIMAL(14,2)  NULL,
    ModifiedAt         DATETIME2      NOT NULL,
    RowVer             ROWVERSION     NOT NULL,
    CONSTRAINT PK_CostCenter PRIMARY KEY (CostCenterId),
    CONSTRAINT UQ_CostCenter_Code UNIQUE (Code),
    CONSTRAINT FK_CostCenter_Parent FOREIGN KEY (ParentCostCenterId) REFERENCES CostCenter (CostCenterId)
);

CREATE TABLE Site (
    SiteId      INT            NOT NULL,
    SiteCode    VARCHAR(20)    NOT NULL,
    Name        NVARCHAR(100)  NOT NULL,
    City        NVARCHAR(100)  NULL,
    CountryCode CHAR(2)        NOT NULL,
    Latitude    DECIMAL(9,6)   NULL,
    Longitude   DECIMAL(9,6)   NULL,
    TimeZone    VARCHAR(50)    NULL,
    -- Certifications held, as a JSON array of strings (ERPs often keep such lists as JSON text).
    Certifications NVARCHAR(400) NULL,
    ModifiedAt  DATETIME2      NOT NULL,
    RowVer      ROWVERSION     NOT NULL,
    CONSTRAINT PK_Site PRIMARY KEY (SiteId),
    CONSTRAINT UQ_Site_SiteCode UNIQUE (SiteCode)
);

CREATE TABLE Building (
    BuildingId   INT            NOT NULL,
    BuildingCode VARCHAR(20)    NOT NULL,
    SiteId       INT            NOT NULL,
    Name         NVARCHAR(100)  NOT NULL,
    FloorCount   INT            NULL,
    GrossAreaM2  DECIMAL(10,2)  NULL,
    YearBuilt    INT            NULL,
    ModifiedAt   DATETIME2      NOT NULL,
    RowVer       ROWVERSION     NOT NULL,
    CONSTRAINT PK_Building PRIMARY KEY (BuildingId),
    CONSTRAINT UQ_Building_BuildingCode UNIQUE (BuildingCode),
    CONSTRAINT FK_Building_Site FOREIGN KEY (SiteId) REFERENCES Site (SiteId)
);

CREATE TABLE ProductionLine (
    LineId            INT            NOT NULL,
    LineCode          VARCHAR(20)    NOT NULL,
    BuildingId        INT            NOT NULL,
    Name              NVARCHAR(100)  NOT NULL,
    Product           NVARCHAR(100)  NULL,
    DesignRatePerHour DECIMAL(10,2)  NULL,
    CommissionedOn    DATE           NULL,
    ModifiedAt        DATETIME2      NOT NULL,
    RowVer            ROWVERSION     NOT NULL,
    CONSTRAINT PK_ProductionLine PRIMARY KEY (LineId),
    CONSTRAINT UQ_ProductionLine_LineCode UNIQUE (LineCode),
    CONSTRAINT FK_ProductionLine_Building FOREIGN KEY (BuildingId) REFERENCES Building (BuildingId)
);

CREATE TABLE Equipment (
    EquipmentId   INT            NOT NULL,
    AssetTag      VARCHAR(30)    NOT NULL,
    LineId        INT            NULL,
    CostCenterId  INT            NULL,
    Name          NVARCHAR(100)  NOT NULL,
    Category      VARCHAR(30)    NOT NULL,
    Manufacturer  NVARCHAR(100)  NULL,
    ModelNumber   VARCHAR(50)    NULL,
    SerialNumber  VARCHAR(50)    NULL,
    Status        VARCHAR(20)    NOT NULL,
    IsCritical    BIT            NOT NULL,
    RatedPowerKw  DECIMAL(10,2)  NULL,
    InstalledOn   DATE           NULL,
    LastServiceAt DATETIME2      NULL,
    ModifiedAt    DATETIME2      NOT NULL,
    RowVer        ROWVERSION     NOT NULL,
    -- Soft delete, as many ERPs do it: the row stays, flagged; twinsync deletes the twin (mapping twin.deleted).
    IsDeleted     BIT            NOT NULL CONSTRAINT DF_Equipment_IsDeleted DEFAULT 0,
    CONSTRAINT PK_Equipment PRIMARY KEY (EquipmentId),
    CONSTRAINT UQ_Equipment_AssetTag UNIQUE (AssetTag),
    CONSTRAINT FK_Equipment_ProductionLine FOREIGN KEY (LineId) REFERENCES ProductionLine (LineId),
    CONSTRAINT FK_Equipment_CostCenter FOREIGN KEY (CostCenterId) REFERENCES CostCenter (CostCenterId),
    CONSTRAINT CK_Equipment_Category
        CHECK (Category IN ('Pump', 'Motor', 'Conveyor', 'Robot', 'Press', 'Sensor', 'Compressor')),
    CONSTRAINT CK_Equipment_Status CHECK (Status IN ('Running', 'Idle', 'Maintenance', 'Decommissioned'))
);

-- SQL Server does not index foreign keys by itself; joins from child to parent need these.
CREATE INDEX IX_CostCenter_ParentCostCenterId ON CostCenter (ParentCostCenterId);
CREATE INDEX IX_Building_SiteId ON Building (SiteId);
CREATE INDEX IX_ProductionLine_BuildingId ON ProductionLine (BuildingId);
CREATE INDEX IX_Equipment_LineId ON Equipment (LineId);
CREATE INDEX IX_Equipment_CostCenterId ON Equipment (CostCenterId);
