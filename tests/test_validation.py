"""One test per validation rule: the exact message and its location."""

import re
import zipfile

import openpyxl

from tests.helpers import problems


def test_missing_file(tmp_path):
    assert problems(tmp_path / "nope.xlsx") == ["F: no such file or folder"]


def test_not_a_workbook(tmp_path):
    path = tmp_path / "x.xlsx"
    path.write_text("name,value\n")
    assert problems(path) == ["F: is not an .xlsx workbook (save it from Excel or WPS as .xlsx)"]


def test_password_protected_workbook(tmp_path):
    path = tmp_path / "x.xlsx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512)
    assert problems(path) == ["F: is password-protected or an old .xls file; save it as .xlsx without a password"]


def test_corrupt_workbook(tmp_path):
    path = tmp_path / "x.xlsx"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("xl/workbook.xml", "<not really")
    [message] = problems(path)
    assert message.startswith("F: could not be read as a workbook (")


def test_oversized_workbook(tmp_path):
    path = tmp_path / "x.xlsx"
    path.write_bytes(b"PK" + b"\0" * (21 * 1024 * 1024))
    assert problems(path) == ["F: is 22.0 MB; input workbooks are limited to 20 MB"]


def test_zip_bomb_refused_from_the_directory(tmp_path):
    path = tmp_path / "x.xlsx"
    chunk = b"\0" * (1 << 20)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("xl/workbook.xml", "<workbook/>")
        with zf.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as fh:
            for _ in range(210):
                fh.write(chunk)
    assert path.stat().st_size < 2 * 1024 * 1024
    assert problems(path) == ["F: unpacks to 220 MB of XML (limit 200 MB); refused as a possible zip bomb"]


def test_too_many_rows_refused_before_parsing(case, tmp_path):
    src = case.xlsx(tmp_path / "src.xlsx")
    path = tmp_path / "x.xlsx"
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(path, "w") as zout:
        for info in zin.infolist():
            data = zin.read(info)
            if info.filename == "xl/worksheets/sheet1.xml":
                data = re.sub(rb'<dimension ref="A1:C\d+"\s*/>', b'<dimension ref="A1:C150000"/>', data)
                assert b"150000" in data
            zout.writestr(info, data)
    assert problems(path) == ["F: a sheet has 150,000 rows; inputs are limited to 100,000 rows"]


def test_no_campaign_sheet(case, tmp_path):
    path = case.xlsx(tmp_path / "x.xlsx")
    wb = openpyxl.load_workbook(path)
    del wb["campaign"]
    wb.save(path)
    assert problems(path) == ['F: no "campaign" sheet (活动); `budgetgen init` writes a workbook with every sheet']


def test_missing_required_key(case, tmp_path):
    case.drop_campaign("target_deals")
    assert problems(case.xlsx(tmp_path / "x.xlsx")) == [
        'F: campaign: missing required key "target_deals" (目标成交); add a row with it and its value'
    ]


def test_text_in_a_number_column(case, tmp_path):
    case.set("budget", 1, "unit_cost", "abc")
    assert problems(case.xlsx(tmp_path / "x.xlsx")) == [
        'F: budget!F3: unit_cost must be a number ≥ 0 (yuan, like 1234.50 or 1,234.50), got "abc"'
    ]


def test_text_in_a_number_column_of_a_csv(case, tmp_path):
    case.set("budget", 1, "unit_cost", "abc")
    folder = case.csv_folder(tmp_path / "c")
    assert problems(folder) == [
        'F/budget.csv:3: unit_cost must be a number ≥ 0 (yuan, like 1234.50 or 1,234.50), got "abc"'
    ]


def test_rate_outside_zero_one(case, tmp_path):
    case.set("funnel", 1, "rate", 1.5)
    assert problems(case.xlsx(tmp_path / "x.xlsx")) == [
        'F: funnel!B3: rate must be in (0, 1], got "1.5" — rates are fractions like 0.15 or percentages like 15%'
    ]


def test_negative_count_and_cost(case, tmp_path):
    case.set("channels", 0, "reachable", -5)
    case.set("budget", 2, "unit_cost", -1)
    assert problems(case.xlsx(tmp_path / "x.xlsx")) == [
        'F: channels!B2: reachable must be a whole number ≥ 0, got "-5"',
        'F: budget!F4: unit_cost must be a number ≥ 0, got "-1"',
    ]


def test_unknown_category_and_driver(case, tmp_path):
    case.set("budget", 1, "category", "food")
    case.set("budget", 2, "driver", "visits")
    assert problems(case.xlsx(tmp_path / "x.xlsx")) == [
        "F: budget!A3: category must be one of incentives (权益成本), promotion (推广成本), systems (系统成本), "
        'labor (人力成本), fulfillment (履约成本), management (管理成本); got "food"',
        "F: budget!C4: driver must be one of pool (目标客户), reached (触达), opened (打开), booked (预约), "
        'arrived (到店), deals (成交), fixed (固定), lump (一次性); got "visits"',
    ]


def test_chinese_category_and_driver_labels_are_accepted(case, tmp_path):
    case.set("budget", 1, "category", "权益成本")
    case.set("budget", 1, "driver", "预约")
    assert problems(case.xlsx(tmp_path / "x.xlsx")) == []


def test_duplicate_item(case, tmp_path):
    case.set("budget", 2, "item", "预约礼券")
    assert problems(case.xlsx(tmp_path / "x.xlsx")) == [
        'F: budget!B4: duplicate item or channel name "预约礼券" (first at F: budget!B3)'
    ]


def test_budget_item_clashing_with_a_channel(case, tmp_path):
    case.set("budget", 1, "item", "短信")
    assert problems(case.xlsx(tmp_path / "x.xlsx")) == [
        'F: budget!B3: duplicate item or channel name "短信" (first at F: channels!A4)'
    ]


def test_stage_driven_line_with_zero_upstream_rate(case, tmp_path):
    case.set("funnel", 2, "rate", 0)
    found = problems(case.xlsx(tmp_path / "x.xlsx"))
    assert (
        found[0]
        == 'F: funnel!B4: rate must be in (0, 1], got "0" — rates are fractions like 0.15 or percentages like 15%'
    )
    assert 'F: budget!C3: driver "booked" has no volume: the upstream rate booking is 0 (F: funnel!B4)' in found
    assert 'F: revenue!B2: driver "deals" has no volume: the upstream rate booking is 0 (F: funnel!B4)' in found


def test_fixed_line_needs_quantity_and_lump_needs_sum(case, tmp_path):
    case.set("budget", 4, "quantity", None)
    case.set("budget", 5, "lump_sum", None)
    assert problems(case.xlsx(tmp_path / "x.xlsx")) == [
        "F: budget!D6: quantity is required when driver is fixed",
        "F: budget!G7: lump_sum is required when driver is lump",
    ]


def test_unknown_column_is_a_warning(case, tmp_path):
    path = case.xlsx(tmp_path / "x.xlsx")
    wb = openpyxl.load_workbook(path)
    wb["history"]["H1"] = "colour"
    wb.save(path)
    assert problems(path) == ['F: history!H1: warning: unknown column "colour" is ignored']


def test_every_problem_is_reported_at_once(case, tmp_path):
    case.set("budget", 1, "unit_cost", "abc")
    case.set("funnel", 1, "rate", 2)
    case.drop_campaign("name")
    case.set("channels", 0, "reachable", "many")
    assert len(problems(case.xlsx(tmp_path / "x.xlsx"))) == 4


def test_end_before_start(case, tmp_path):
    import datetime as dt

    case.set_campaign("end", dt.date(2024, 4, 1))
    assert problems(case.xlsx(tmp_path / "x.xlsx")) == ["F: campaign!B7: end 2024-04-01 is before start 2024-05-01"]


def test_unknown_segment_lists_valid_names(case, tmp_path):
    keys, rows = case.sheets["budget"]
    case.sheets["budget"] = ((*keys, "segment"), [[*r, None] for r in rows])
    case.set("budget", 1, "segment", "VIP")
    assert problems(case.xlsx(tmp_path / "x.xlsx")) == [
        'F: budget!J3: unknown segment "VIP": the input has no segments sheet'
    ]
