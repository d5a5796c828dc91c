#!/usr/bin/env python3
"""Generates the sample ERP seed data (sample-erp-schema/.../seed.sql).

The output is deterministic: the script uses its own small random number generator (SplitMix64) with a fixed seed,
so every Python 3 version writes the same bytes. Run it from anywhere:

    python3 scripts/generate-sample-erp-seed.py          # rewrite seed.sql
    python3 scripts/generate-sample-erp-seed.py --check  # exit 1 if seed.sql differs from what the script writes

The INSERT statements must run unchanged on SQL Server, PostgreSQL and H2 (MODE=MSSQLServer), so values are written
as plain literals: booleans 'TRUE'/'FALSE', dates 'YYYY-MM-DD', timestamps 'YYYY-MM-DD HH:MM:SS', decimals as
digits. Parents are inserted before children, one row per statement, each statement on one line ending in ';'.
"""

import argparse
import datetime
import pathlib
import sys

SEED_FILE = (pathlib.Path(__file__).resolve().parent.parent
             / "sample-erp-schema/src/main/resources/io/twinsync/sample/erp/seed.sql")

MODIFIED_AT = "2025-01-15 08:00:00"
EQUIPMENT_ROWS = 300
MASK64 = (1 << 64) - 1


class Rng:
    """SplitMix64: tiny, fast and identical on every platform, unlike random's internals across versions."""

    def __init__(self, seed):
        self.state = seed & MASK64

    def next(self):
        self.state = (self.state + 0x9E3779B97F4A7C15) & MASK64
        z = self.state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK64
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK64
        return z ^ (z >> 31)

    def below(self, n):
        return self.next() % n

    def between(self, low, high):
        return low + self.below(high - low + 1)

    def percent(self, p):
        return self.below(100) < p

    def pick(self, items):
        return items[self.below(len(items))]

    def weighted(self, pairs):
        total = sum(weight for _, weight in pairs)
        n = self.below(total)
        for item, weight in pairs:
            if n < weight:
                return item
            n -= weight
        raise AssertionError("unreachable")


def sql(value):
    """A SQL literal. Strings are quoted with '' escaping; None is NULL; bool is 'TRUE'/'FALSE'."""
    if value is None:
        return "NULL"
    if isinstance(value, bool):
        return "'TRUE'" if value else "'FALSE'"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, Dec):
        return value.text
    return "'" + str(value).replace("'", "''") + "'"


class Dec:
    """A decimal literal kept as text, so no float rounding ever touches the seed."""

    def __init__(self, text):
        self.text = text

    @staticmethod
    def cents(cents):
        sign = "-" if cents < 0 else ""
        cents = abs(cents)
        return Dec(f"{sign}{cents // 100}.{cents % 100:02d}")


def insert(table, columns, values):
    return (f"INSERT INTO {table} ({', '.join(columns)}) VALUES ("
            + ", ".join(sql(v) for v in values) + ");")


# --- Cost centres: a two-level tree --------------------------------------------------------------------------------

COST_CENTERS = [
    # id, code, name, parent, budget in cents
    (1, "CC-100", "Production", None, 1_850_000_000),
    (2, "CC-200", "Maintenance", None, 620_000_000),
    (3, "CC-300", "Support Services", None, None),
    (4, "CC-110", "Production Rotterdam", 1, 720_000_000),
    (5, "CC-120", "Production Göteborg", 1, 610_000_000),
    (6, "CC-130", "Production Monterrey", 1, 520_000_000),
    (7, "CC-210", "Mechanical Maintenance", 2, 240_000_000),
    (8, "CC-220", "Electrical & Automation", 2, 210_000_000),
    (9, "CC-230", "Reliability Engineering", 2, 95_000_000),
    (10, "CC-310", "Utilities", 3, 180_000_000),
    (11, "CC-320", "Quality Control", 3, 75_500_000),
    (12, "CC-330", "Warehouse & Stores", 3, None),
]

# --- Sites, buildings, lines ---------------------------------------------------------------------------------------

SITES = [
    # id, code, name, city, country, latitude, longitude, time zone, production cost centre
    (1, "NL-RTM", "Rotterdam Botlek Plant", "Rotterdam", "NL", "51.885190", "4.286130", "Europe/Amsterdam", 4),
    (2, "SE-GOT", "Göteborg Hisingen Plant", "Göteborg", "SE", "57.718890", "11.937220", "Europe/Stockholm", 5),
    (3, "MX-MTY", "Monterrey Apodaca Plant", "Apodaca", "MX", "25.781520", "-100.188540", "America/Monterrey", 6),
]

# Certifications per site, as the JSON text the ERP keeps (None: the column is NULL)
SITE_CERTIFICATIONS = {
    1: '["ISO 9001", "ISO 14001", "ISO 45001"]',
    2: '["ISO 9001"]',
    3: None,
}

BUILDINGS = [
    # id, code, site, name, floors, gross area in centi-m2, year built
    (1, "RTM-B01", 1, "Assembly Hall 1", 2, 1_245_000, 1998),
    (2, "RTM-B02", 1, "Machining Hall", 1, 860_050, 2006),
    (3, "RTM-B03", 1, "Packaging Hall", 1, 540_000, None),
    (4, "GOT-B01", 2, "Press Shop", 1, 1_520_075, 1987),
    (5, "GOT-B02", 2, "Body Shop", 3, 2_310_000, 2012),
    (6, "GOT-B03", 2, "Paint Shop", 2, None, 2015),
    (7, "MTY-B01", 3, "Final Assembly", 1, 1_880_000, 2019),
    (8, "MTY-B02", 3, "Component Plant", None, 970_025, 2021),
]

LINE_TEMPLATES = [
    # per building: (line name, product, design rate per hour in cents)
    [("Pump Assembly A", "Centrifugal pump units", 4_800), ("Pump Assembly B", "Dosing pump units", 6_250),
     ("Motor Wiring", "Motor sub-assemblies", 9_000)],
    [("Housing Machining", "Pump housings", 3_575), ("Shaft Turning", "Drive shafts", 12_000),
     ("Impeller Machining", "Impellers", 8_500)],
    [("Carton Packing", "Boxed pump units", 15_000), ("Pallet Wrapping", None, 4_000),
     ("Spare Parts Kitting", "Spare part kits", None)],
    [("Tandem Press Line 1", "Door panels", 54_000), ("Tandem Press Line 2", "Roof panels", 48_000),
     ("Blanking Line", "Steel blanks", 90_000)],
    [("Underbody Welding", "Underbody assemblies", 6_000), ("Side Frame Welding", "Side frames", 6_000),
     ("Closures Line", "Doors and hoods", 7_250)],
    [("Pretreatment", None, 6_500), ("Primer Booth", "Primed bodies", 6_500), ("Top Coat Booth", "Painted bodies",
                                                                             6_500)],
    [("Final Assembly 1", "Compressor skids", 1_250), ("Final Assembly 2", "Compressor skids", 1_250),
     ("End-of-Line Test", "Tested skids", 2_000)],
    [("Valve Machining", "Valve bodies", 22_000), ("Rotor Balancing", "Balanced rotors", 3_000),
     ("Cable Harness", "Cable harnesses", 40_000)],
]

SITE_PREFIX = {1: "RTM", 2: "GOT", 3: "MTY"}

# --- Equipment -----------------------------------------------------------------------------------------------------

CATEGORIES = {
    # category: (asset tag prefix, weight, rated power range in centi-kW or None, kinds, (manufacturer, model) pairs)
    "Pump": ("PMP", 15, (150, 9_000), ["Centrifugal Pump", "Dosing Pump", "Vacuum Pump", "Coolant Pump"],
             [("Grundfos", "CR 32-2"), ("KSB", "Etanorm 065-040-250"), ("Sulzer", "AHLSTAR A21-50"),
              ("Flowserve", "Durco Mark 3")]),
    "Motor": ("MTR", 22, (75, 25_000), ["Drive Motor", "Fan Motor", "Spindle Motor", "Gear Motor"],
              [("Siemens", "1LE1003-1DB23"), ("ABB", "M3BP 160MLA 4"), ("WEG", "W22 132S"),
               ("Nidec", "Leroy-Somer LSES 100")]),
    "Conveyor": ("CNV", 14, (55, 1_500), ["Belt Conveyor", "Roller Conveyor", "Chain Conveyor", "Screw Conveyor"],
                 [("Interroll", "RM 8310"), ("Dorner", "3200 Series"), ("Hytrol", "E24EZ")]),
    "Robot": ("RBT", 10, (200, 1_200), ["Welding Robot", "Palletizing Robot", "Pick-and-Place Robot",
                                         "Painting Robot"],
              [("FANUC", "R-2000iC/165F"), ("KUKA", "KR 210 R2700-2"), ("ABB", "IRB 6700"),
               ("Yaskawa", "Motoman GP25")]),
    "Press": ("PRS", 7, (1_500, 40_000), ["Hydraulic Press", "Servo Press", "Stamping Press"],
              [("Schuler", "MSD 400"), ("AIDA", "NC1-200"), ("Komatsu", "H1F200")]),
    "Sensor": ("SNS", 22, None, ["Temperature Sensor", "Vibration Sensor", "Pressure Transmitter", "Flow Meter",
                                 "Proximity Sensor"],
               [("Endress+Hauser", "Promag 10W"), ("SICK", "IME12-04BPSZC0S"), ("ifm", "VVB001"),
                ("Keyence", "GV-H130")]),
    "Compressor": ("CMP", 10, (1_100, 16_000), ["Screw Compressor", "Piston Compressor", "Scroll Compressor"],
                   [("Atlas Copco", "GA 37 VSD+"), ("Kaeser", "ASD 40"), ("Ingersoll Rand", "RS30n")]),
}

STATUSES = [("Running", 80), ("Idle", 8), ("Maintenance", 9), ("Decommissioned", 3)]


def equipment_rows(rng, lines):
    counters = {category: 0 for category in CATEGORIES}
    rows = []
    for equipment_id in range(1, EQUIPMENT_ROWS + 1):
        first = equipment_id == 1
        # Row 1 is fixed because the README and tests rely on it: PMP-0001, Running, on a line, with a cost centre.
        category = "Pump" if first else rng.weighted([(c, spec[1]) for c, spec in CATEGORIES.items()])
        prefix, _, power_range, kinds, makes = CATEGORIES[category]
        counters[category] += 1
        asset_tag = f"{prefix}-{counters[category]:04d}"

        spare = not first and rng.percent(7)
        line = None if spare else (lines[0] if first else rng.pick(lines))
        line_id = None if line is None else line[0]

        if first:
            status = "Running"
        elif spare:
            status = "Decommissioned" if rng.percent(10) else "Idle"
        else:
            status = rng.weighted(STATUSES)

        if first:
            cost_center = 4
        elif rng.percent(6):
            cost_center = None
        elif spare:
            cost_center = 12
        elif category in ("Robot", "Sensor") and rng.percent(30):
            cost_center = 8
        elif category in ("Compressor", "Pump") and rng.percent(30):
            cost_center = 10
        else:
            cost_center = SITES[line[2] - 1][8]

        kind = rng.pick(kinds)
        name = f"Spare {kind}" if line is None else f"{line[1]} {kind}"

        make = None if rng.percent(5) and not first else rng.pick(makes)
        manufacturer = None if make is None else make[0]
        model = None if make is None or rng.percent(4) else make[1]
        serial = None if rng.percent(8) and not first else f"{prefix[0]}{rng.between(10_000_000, 99_999_999)}"

        critical = category in ("Press", "Compressor") and rng.percent(60) or rng.percent(12)

        if power_range is None or (rng.percent(6) and not first):
            rated_power = None
        else:
            rated_power = Dec.cents(rng.between(*power_range))

        if rng.percent(7) and not first:
            installed_on = None
        else:
            installed_on = (datetime.date(2009, 1, 1) + datetime.timedelta(days=rng.below(5_478))).isoformat()

        if rng.percent(12) and not first:
            last_service_at = None
        else:
            moment = datetime.datetime(2024, 1, 2, 6, 0) + datetime.timedelta(
                days=rng.below(376), minutes=15 * rng.below(48))
            last_service_at = moment.strftime("%Y-%m-%d %H:%M:%S")

        rows.append((equipment_id, asset_tag, line_id, cost_center, name, category, manufacturer, model, serial,
                     status, critical, rated_power, installed_on, last_service_at, MODIFIED_AT))
    return rows


def generate():
    rng = Rng(20250115)
    out = [
        "-- Sample ERP seed data: 12 cost centres, 3 sites, 8 buildings, 24 production lines, 300 equipment rows.",
        "-- GENERATED by scripts/generate-sample-erp-seed.py: change the script and run it, do not edit this file.",
        "-- Runs unchanged on SQL Server, PostgreSQL and H2 (MODE=MSSQLServer): booleans are 'TRUE'/'FALSE'",
        "-- literals, dates 'YYYY-MM-DD', timestamps 'YYYY-MM-DD HH:MM:SS'. Parents come before children.",
        "",
        "-- CostCenter: roots first, then their children",
    ]
    for cc_id, code, name, parent, budget in COST_CENTERS:
        out.append(insert("CostCenter", ["CostCenterId", "Code", "Name", "ParentCostCenterId", "Budget", "ModifiedAt"],
                          [cc_id, code, name, parent, None if budget is None else Dec.cents(budget), MODIFIED_AT]))

    out += ["", "-- Site"]
    for site_id, code, name, city, country, lat, lon, zone, _ in SITES:
        out.append(insert("Site", ["SiteId", "SiteCode", "Name", "City", "CountryCode", "Latitude", "Longitude",
                                   "TimeZone", "Certifications", "ModifiedAt"],
                          [site_id, code, name, city, country, Dec(lat), Dec(lon), zone,
                           SITE_CERTIFICATIONS[site_id], MODIFIED_AT]))

    out += ["", "-- Building"]
    for building_id, code, site_id, name, floors, area, year in BUILDINGS:
        out.append(insert("Building", ["BuildingId", "BuildingCode", "SiteId", "Name", "FloorCount", "GrossAreaM2",
                                       "YearBuilt", "ModifiedAt"],
                          [building_id, code, site_id, name, floors, None if area is None else Dec.cents(area), year,
                           MODIFIED_AT]))

    out += ["", "-- ProductionLine"]
    lines = []  # (line id, line code, site id)
    line_id = 0
    for building_id, _, site_id, _, _, _, year in BUILDINGS:
        for number, (name, product, rate) in enumerate(LINE_TEMPLATES[building_id - 1], start=1):
            line_id += 1
            code = f"{SITE_PREFIX[site_id]}-L{line_id:02d}"
            commissioned = None if line_id % 7 == 3 else datetime.date(
                max(year or 2008, 2008) + number, 1 + (line_id * 5) % 12, 1 + (line_id * 11) % 28).isoformat()
            out.append(insert("ProductionLine", ["LineId", "LineCode", "BuildingId", "Name", "Product",
                                                 "DesignRatePerHour", "CommissionedOn", "ModifiedAt"],
                              [line_id, code, building_id, name, product, None if rate is None else Dec.cents(rate),
                               commissioned, MODIFIED_AT]))
            lines.append((line_id, code, site_id))

    out += ["", "-- Equipment: rows with no LineId are spares in store"]
    for row in equipment_rows(rng, lines):
        out.append(insert("Equipment", ["EquipmentId", "AssetTag", "LineId", "CostCenterId", "Name", "Category",
                                        "Manufacturer", "ModelNumber", "SerialNumber", "Status", "IsCritical",
                                        "RatedPowerKw", "InstalledOn", "LastServiceAt", "ModifiedAt"], list(row)))
    return "\n".join(out) + "\n"


def main():
    parser = argparse.ArgumentParser(description="Generate the sample ERP seed.sql deterministically.")
    parser.add_argument("--check", action="store_true", help="compare with the committed file instead of writing")
    args = parser.parse_args()
    text = generate().encode("utf-8")
    if args.check:
        if not SEED_FILE.is_file() or SEED_FILE.read_bytes() != text:
            print(f"{SEED_FILE} is out of date; run python3 scripts/generate-sample-erp-seed.py", file=sys.stderr)
            return 1
        print(f"{SEED_FILE} is up to date")
        return 0
    SEED_FILE.write_bytes(text)
    print(f"wrote {SEED_FILE}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
