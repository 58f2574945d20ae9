#!/usr/bin/env python3
"""Anchor for the chart benchmark: the same two charts with matplotlib (Agg), SVG + PNG at 2400×1350.

Reads the data files homecoming writes beside its charts (per-year.csv, per-exchange.csv) so that
both tools draw the same numbers; title, subtitle, source line and value labels as in ours.
Usage: charts_matplotlib.py DATA_DIR OUT_DIR
"""
import csv
import datetime
import os
import sys

import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

data, out = sys.argv[1], sys.argv[2]
SOURCE = "Source: Homecoming record from Ukrainska Pravda, Kyiv Independent, Interfax-Ukraine and more"

def frame(title, subtitle):
    fig, ax = plt.subplots(figsize=(12, 6.75), dpi=200)
    fig.subplots_adjust(top=0.80, bottom=0.16, left=0.07, right=0.98)
    fig.text(0.02, 0.95, title, fontsize=20, fontweight="bold")
    fig.text(0.02, 0.90, subtitle, fontsize=13)
    fig.text(0.02, 0.03, SOURCE, fontsize=9, color="#595959")
    fig.text(0.98, 0.03, "Chart: Homecoming", fontsize=9, color="#595959", ha="right")
    ax.spines[["top", "right", "left"]].set_visible(False)
    ax.grid(axis="y", color="#E6E6E6")
    ax.set_axisbelow(True)
    return fig, ax

def save(fig, name):
    fig.savefig(os.path.join(out, name + ".png"))
    fig.savefig(os.path.join(out, name + ".svg"))
    plt.close(fig)

with open(os.path.join(data, "per-year.csv")) as f:
    # A count left empty is undisclosed: the anchors, like homecoming, draw no bar for it.
    rows = [r for r in csv.DictReader(f) if r["returned_known"]]
fig, ax = frame("Ukrainians freed from Russian captivity, by year", "People returned in prisoner exchanges")
values = [int(r["returned_known"]) for r in rows]
bars = ax.bar([r["label"] for r in rows], values, color="#0072B2", width=0.64)
ax.bar_label(bars, labels=[f"{v:,}" for v in values], padding=3)
save(fig, "per-year")

with open(os.path.join(data, "per-exchange.csv")) as f:
    rows = [r for r in csv.DictReader(f) if r["returned_known"]]
fig, ax = frame("Every prisoner exchange since the full-scale invasion", "People returned in each exchange")
dates = [datetime.date.fromisoformat(r["first_date"]) for r in rows]
values = [int(r["returned_known"]) for r in rows]
bars = ax.bar(dates, values, color="#0072B2", width=8)
top = sorted(range(len(values)), key=lambda i: values[i], reverse=True)[:6]
for i in top:
    ax.annotate(f"{values[i]:,}", (dates[i], values[i]), ha="center", va="bottom", xytext=(0, 3), textcoords="offset points")
save(fig, "per-exchange")
