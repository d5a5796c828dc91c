-- The source of the LinkTable*SyncIntegrationTests: assets and tags, linked many-to-many by asset_tag.
CREATE TABLE asset (
    asset_id INT NOT NULL PRIMARY KEY,
    code VARCHAR(16) NOT NULL,
    name VARCHAR(100) NOT NULL
);
CREATE TABLE tag (
    tag_id INT NOT NULL PRIMARY KEY,
    code VARCHAR(16) NOT NULL,
    title VARCHAR(100) NOT NULL
);
CREATE TABLE asset_tag (
    asset_id INT NOT NULL REFERENCES asset (asset_id),
    tag_id INT NOT NULL REFERENCES tag (tag_id),
    since DATE NULL,
    role VARCHAR(20) NULL,
    removed BIT NOT NULL DEFAULT 0,
    changed_at TIMESTAMP NOT NULL DEFAULT TIMESTAMP '2024-06-01 00:00:00',
    PRIMARY KEY (asset_id, tag_id)
);
INSERT INTO asset VALUES
    (1, 'PMP-1', 'Feed pump'),
    (2, 'PMP-2', 'Return pump'),
    (3, 'VLV-1', 'Inlet valve'),
    (4, 'VLV-2', 'Outlet valve');
INSERT INTO tag VALUES
    (1, 'ATEX', 'Explosive atmosphere'),
    (2, 'CRIT', 'Critical'),
    (3, 'OUTD', 'Outdoors');
INSERT INTO asset_tag (asset_id, tag_id, since, role) VALUES
    (1, 1, DATE '2024-01-15', 'primary'),
    (1, 2, DATE '2024-02-01', NULL),
    (2, 1, DATE '2024-03-10', 'secondary'),
    (3, 2, NULL, NULL),
    (3, 3, DATE '2023-11-30', 'primary'),
    (4, 3, DATE '2023-12-01', NULL);
