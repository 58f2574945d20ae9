#!/usr/bin/env python3
"""Writes a synthetic exchanges CSV with N rows, for benchmarks only (not real data).

Dates are consecutive days ending before 2026; every fifth row is a stage of the
row before it; every 50th has an undisclosed count; notes carry commas and quotes
so that the CSV reader does real work.
"""
import datetime
import sys

def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    out = sys.stdout
    out.write("date,part_of,ordinal,returned_total,returned_military,returned_civilians,released_to_russia,"
              "bodies_returned,mediator,notes,notes_uk,publication,source_detail,source_detail_uk,source_url,confidence\n")
    start = datetime.date(2025, 12, 31) - datetime.timedelta(days=n - 1)
    parent = None
    for i in range(n):
        day = start + datetime.timedelta(days=i)
        stage = i % 5 == 4 and parent is not None
        part_of = parent.isoformat() if stage else ""
        if not stage:
            parent = day
        if i % 50 == 7:
            total = military = civilians = ""
            confidence = ""
        else:
            t = 10 + (i * 37) % 390
            total, military, civilians = str(t), str(t - t // 10), str(t // 10)
            confidence = "high" if i % 3 else "medium"
        to_russia = str(10 + (i * 53) % 400) if i % 4 else ""
        note = f"\"Synthetic row {i}: groups A, B and \"\"C\"\"; stage of {part_of}\"" if stage else f"Synthetic row {i}"
        note_uk = f"\"Синтетичний рядок {i}: групи А, Б і «В»; етап {part_of}\"" if stage else f"Синтетичний рядок {i}"
        out.write(f"{day.isoformat()},{part_of},,{total},{military},{civilians},{to_russia},,UAE,{note},{note_uk},"
                  f"babel,,,https://example.org/synthetic/{i},{confidence}\n")

if __name__ == "__main__":
    main()
