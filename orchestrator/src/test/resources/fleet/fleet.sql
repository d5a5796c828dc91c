-- The fleet source of FleetSourceTests: 3 depots, 12 vehicles, 8 drivers (6 with a vehicle).
CREATE TABLE Depot (
    DepotId INT NOT NULL PRIMARY KEY,
    DepotCode VARCHAR(16) NOT NULL,
    Name VARCHAR(100) NOT NULL,
    City VARCHAR(100) NOT NULL,
    OpensAt TIME NOT NULL
);
CREATE TABLE Vehicle (
    VehicleId INT NOT NULL PRIMARY KEY,
    Plate VARCHAR(16) NOT NULL,
    DepotId INT NOT NULL REFERENCES Depot (DepotId),
    Kind VARCHAR(10) NOT NULL CHECK (Kind IN ('Truck', 'Van', 'EBike')),
    OdometerKm DECIMAL(12, 1) NOT NULL,
    InService BIT NOT NULL,
    LastInspection DATE NULL,
    UpdatedAt DATETIME2 NOT NULL
);
CREATE TABLE Driver (
    DriverId INT NOT NULL PRIMARY KEY,
    BadgeNo VARCHAR(16) NOT NULL,
    Name VARCHAR(100) NOT NULL,
    AssignedVehicleId INT NULL REFERENCES Vehicle (VehicleId),
    AssignedSince DATE NULL
);
INSERT INTO Depot VALUES
    (1, 'NRTH', 'North Yard', 'Utrecht', '05:30:00'),
    (2, 'HRBR', 'Harbour Depot', 'Rotterdam', '06:00:00'),
    (3, 'CNTR', 'City Hub', 'Amsterdam', '07:15:00');
INSERT INTO Vehicle VALUES
    (1, 'TR-101-A', 1, 'Truck', 48213.5, 1, '2026-03-14', '2026-04-01 08:00:00'),
    (2, 'TR-102-A', 1, 'Truck', 112004.0, 1, '2026-01-20', '2026-04-01 08:00:00'),
    (3, 'TR-103-B', 2, 'Truck', 230410.7, 0, '2025-11-02', '2026-04-01 08:00:00'),
    (4, 'VN-201-A', 1, 'Van', 15870.2, 1, '2026-02-28', '2026-04-01 08:00:00'),
    (5, 'VN-202-B', 2, 'Van', 67001.9, 1, '2026-03-01', '2026-04-01 08:00:00'),
    (6, 'VN-203-B', 2, 'Van', 9.4, 1, NULL, '2026-04-01 08:00:00'),
    (7, 'VN-204-C', 3, 'Van', 88123.0, 0, '2025-09-09', '2026-04-01 08:00:00'),
    (8, 'EB-301-C', 3, 'EBike', 1204.6, 1, '2026-03-30', '2026-04-01 08:00:00'),
    (9, 'EB-302-C', 3, 'EBike', 877.1, 1, '2026-03-30', '2026-04-01 08:00:00'),
    (10, 'EB-303-C', 3, 'EBike', 3012.3, 0, '2026-01-05', '2026-04-01 08:00:00'),
    (11, 'EB-304-A', 1, 'EBike', 45.0, 1, NULL, '2026-04-01 08:00:00'),
    (12, 'TR-104-B', 2, 'Truck', 301.8, 1, '2026-03-31', '2026-04-01 08:00:00');
INSERT INTO Driver VALUES
    (1, 'B-0001', 'Anna de Vries', 1, '2025-06-01'),
    (2, 'B-0002', 'Bram Jansen', 4, '2024-10-15'),
    (3, 'B-0003', 'Chloe Bakker', 8, '2026-02-01'),
    (4, 'B-0004', 'Daan Visser', 5, '2025-12-12'),
    (5, 'B-0005', 'Eva Smit', 12, '2026-03-31'),
    (6, 'B-0006', 'Finn Mulder', 9, '2026-01-08'),
    (7, 'B-0007', 'Gina Bos', NULL, NULL),
    (8, 'B-0008', 'Hugo Meijer', NULL, NULL);
