-- Sample ERP schema for H2 2.x in SQL Server mode (MODE=MSSQLServer;DATABASE_TO_UPPER=FALSE;
-- CASE_INSENSITIVE_IDENTIFIERS=TRUE). Same DDL as the SQL Server variant: H2 accepts DATETIME2, BIT and NVARCHAR.
-- Keep the table and column names in step with the SQL Server and PostgreSQL variants: twin mappings refer to them.

CREATE TABLE CostCenter (
    CostCenterId       INT            NOT NULL,
    Code               VARCHAR(20)    NOT NULL,
    Name               NVARCHAR(100)  NOT NULL,
    ParentCostCenterId INT            NULL,
    Budget             DECIMAL(14,2)  NULL,
    ModifiedAt         DATETIME2      NOT NULL,
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
    -- Soft delete, as many ERPs do it: the row stays, flagged; twinsync deletes the twin (mapping twin.deleted).
    IsDeleted     BIT            DEFAULT FALSE NOT NULL,
    CONSTRAINT PK_Equipment PRIMARY KEY (EquipmentId),
    CONSTRAINT UQ_Equipment_AssetTag UNIQUE (AssetTag),
    CONSTRAINT FK_Equipment_ProductionLine FOREIGN KEY (LineId) REFERENCES ProductionLine (LineId),
    CONSTRAINT FK_Equipment_CostCenter FOREIGN KEY (CostCenterId) REFERENCES CostCenter (CostCenterId)
    -- No CHECK constraints on Category and Status here, unlike SQL Server and PostgreSQL: in H2 2.4.240 a CHECK
    -- that compares strings breaks ("Check constraint invalid ... The database has been closed") once the
    -- connection that created it is closed (h2database/h2database#4302), which every pooled test would hit.
);

-- No CREATE INDEX here: H2 indexes every foreign key column by itself.
