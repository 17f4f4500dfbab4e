"""The pandas baseline: the TC1/TC2 numbers of every unit
(regular and thematic meetings, share of good meetings, weak meetings,
member rating shares) from a generated workbook, the way an analyst would
script it. Used only to time bontot against; it checks nothing.

    /usr/bin/python3 tools/compare/pandas_tc12.py /tmp/province.xlsx
"""
import sys

import pandas as pd

path = sys.argv[1]
meetings = pd.read_excel(path, sheet_name="Sinh hoạt", engine="openpyxl")
# The member list has a title row and a blank row above its header, as
# offices keep it.
members = pd.read_excel(path, sheet_name="Đảng viên", header=2, engine="openpyxl")

regular = meetings[meetings["Loại"] == "Thường kỳ"]
tc2 = regular.groupby("Mã đơn vị").agg(
    regular=("Điểm", "size"),
    good=("Điểm", lambda s: (s >= 90).sum()),
    weak=("Điểm", lambda s: (s < 50).sum()),
)
tc2["thematic"] = meetings[meetings["Loại"] == "Chuyên đề"].groupby("Mã đơn vị").size()
tc2["good_share"] = tc2["good"] / tc2["regular"]

order = {"HTXSNV": 4, "HTTNV": 3, "HTNV": 2, "KHTNV": 1}
rated = members[members["Miễn sinh hoạt"].fillna("") != "Có"].copy()
rated["level"] = rated["Xếp loại"].map(order)
tc1 = rated.groupby("Mã đơn vị")["level"].agg(
    floor=lambda s: (s >= 2).mean(),
    good=lambda s: (s >= 3).mean(),
)
out = tc2.join(tc1, how="outer", rsuffix="_members")
print(len(out), "units;", int((out["regular"] >= 12).sum()), "with 12 regular meetings")
